// Coalesces concurrent point reads of one kind (an employee by id, say) into batched reads on
// the worker pool.
//
// A point read is one short statement. Under load, the per-statement work in PostgreSQL (a
// round trip, a snapshot, executor start-up) and the hand-off of every call to a worker cost
// more than the row itself. Load() queues a key; while fewer than `max_in_flight` batches run,
// it starts one on the worker pool, which takes every queued key (up to `max_batch`) and reads
// them with one call of `fetch`. A lone call is read at once: there is no timer and no added
// latency; calls that arrive while the batches are busy share the next one.
//
// Freshness: a batch is read after all of its keys were queued, so every caller sees at least
// what was committed before its call arrived (read-your-writes holds).
//
// Fairness: when a batch has been read and more keys are queued, the next batch goes to the back
// of the worker queue (it does not loop), so writes queued on the same workers are not starved
// by reads; it may start on another worker while the first is still answering its callers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "shared/server/worker_pool.h"

namespace kinerja::server {

// Batches a service lets read at once: one per two cores. Fewer batches in flight make them
// larger, and the database's CPU per key falls with the batch size (measured on 2 cores: one
// batch in flight 16.5k GetEmployee/s, two 15.3-16.6k). Independent of the connection pool,
// which is sized for writes waiting on their commits.
inline int DefaultBatchesInFlight() {
  const unsigned cores = std::thread::hardware_concurrency();
  return std::max(1, static_cast<int>(cores / 2));
}

template <typename Value>
class ReadCoalescer {
 public:
  // Reads the given keys (distinct, at most max_batch); a key missing from the map was not
  // found. Runs on worker threads, up to max_in_flight at once, so it must be thread-safe; it
  // may block.
  using Fetch = absl::AnyInvocable<absl::StatusOr<absl::flat_hash_map<std::string, Value>>(
      const std::vector<std::string>& keys)>;
  // Receives the batch's status and, when it is OK, the value or nullptr (not found). Runs on
  // the worker that read the batch; the value lives only for the call.
  using Done = absl::AnyInvocable<void(const absl::Status& status, const Value* value) &&>;

  struct Options {
    int max_batch = 64;
    int max_in_flight = 2;  // batches reading at once; each holds one worker (and connection)
    // Called with the number of keys of every batch, before it is read (for metrics); from
    // several workers at once.
    std::function<void(int keys)> on_batch = nullptr;
  };

  ReadCoalescer(WorkerPool* workers, Fetch fetch, Options options)
      : workers_(workers),
        fetch_(std::move(fetch)),
        max_batch_(std::max(1, options.max_batch)),
        max_in_flight_(std::max(1, options.max_in_flight)),
        on_batch_(std::move(options.on_batch)) {}

  // Waits for running batches: every queued Load is answered before the coalescer goes.
  ~ReadCoalescer() {
    absl::MutexLock lock(&mu_);
    auto idle = [this]()
                    ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return running_ == 0 && answering_ == 0; };
    mu_.Await(absl::Condition(&idle));
  }

  ReadCoalescer(const ReadCoalescer&) = delete;
  ReadCoalescer& operator=(const ReadCoalescer&) = delete;

  // Queues `key`; `done` runs exactly once, on a worker thread.
  void Load(std::string key, Done done) {
    {
      absl::MutexLock lock(&mu_);
      queued_.push_back({std::move(key), std::move(done)});
      if (running_ >= max_in_flight_) return;
      ++running_;
    }
    workers_->Submit([this] { RunBatch(); });
  }

  // Figures for tests and metrics.
  struct Stats {
    long long batches = 0;
    long long keys = 0;
    int largest_batch = 0;
  };
  Stats stats() const {
    absl::MutexLock lock(&mu_);
    return stats_;
  }

 private:
  struct Waiter {
    std::string key;
    Done done;
  };

  void RunBatch() {
    std::vector<Waiter> batch;
    {
      absl::MutexLock lock(&mu_);
      const size_t n = std::min(queued_.size(), static_cast<size_t>(max_batch_));
      batch.reserve(n);
      for (size_t i = 0; i < n; ++i) {
        batch.push_back(std::move(queued_.front()));
        queued_.pop_front();
      }
      ++stats_.batches;
      stats_.keys += static_cast<long long>(n);
      stats_.largest_batch = std::max(stats_.largest_batch, static_cast<int>(n));
    }
    if (on_batch_) on_batch_(static_cast<int>(batch.size()));
    std::vector<std::string> keys;
    keys.reserve(batch.size());
    {
      absl::flat_hash_set<std::string_view> seen;
      for (const Waiter& w : batch) {
        if (seen.insert(w.key).second) keys.push_back(w.key);
      }
    }
    absl::StatusOr<absl::flat_hash_map<std::string, Value>> found;
    try {
      found = fetch_(keys);
    } catch (const std::exception& e) {
      found = absl::InternalError(e.what());  // a bug, not bad input: answer every waiter
    }
    // The next batch starts reading (on another worker) while this one is answered: the
    // database and the answering overlap even with one batch in flight.
    bool next = false;
    {
      absl::MutexLock lock(&mu_);
      ++answering_;
      if (queued_.empty()) {
        --running_;
      } else {
        next = true;
      }
    }
    if (next) workers_->Submit([this] { RunBatch(); });
    for (Waiter& w : batch) {
      if (!found.ok()) {
        std::move(w.done)(found.status(), nullptr);
        continue;
      }
      auto it = found->find(w.key);
      std::move(w.done)(absl::OkStatus(), it == found->end() ? nullptr : &it->second);
    }
    absl::MutexLock lock(&mu_);
    --answering_;
  }

  WorkerPool* const workers_;
  Fetch fetch_;
  const int max_batch_;
  const int max_in_flight_;
  const std::function<void(int)> on_batch_;
  mutable absl::Mutex mu_;
  std::deque<Waiter> queued_ ABSL_GUARDED_BY(mu_);
  int running_ ABSL_GUARDED_BY(mu_) = 0;    // batches queued or reading
  int answering_ ABSL_GUARDED_BY(mu_) = 0;  // batches read, answering their callers
  Stats stats_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kinerja::server
