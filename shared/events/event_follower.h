// Follows another service's events and applies each one here exactly once in effect: the effect
// and the consumer's cursor commit in one transaction (table event_cursors, a platform table of
// every schema), so a restart resumes after the last applied event and a replayed event changes
// nothing. Reconnects with exponential backoff while the producer is down; a failing event is
// retried (from the stored cursor) rather than skipped. Lag (commit of the event at the producer
// to its effect here) and events applied are exported per consumer.
//
// An event is handled in two steps: `prepare` runs outside any transaction and may call other
// services; it returns the write to make (or nullptr when the event changes nothing here), which
// then runs in the cursor's transaction.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/transaction>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "kinerja/common/v1/events.pb.h"
#include "shared/db/pool.h"
#include "shared/events/event_source.h"
#include "shared/metrics/registry.h"

namespace kinerja::events {

// The write an event causes, run inside the transaction that stores the cursor (again, if that
// transaction is retried after a serialization failure). A std::function: GCC 12 reports false
// -Wmaybe-uninitialized inside absl::AnyInvocable held in a StatusOr at -O3.
using EventEffect = std::function<absl::Status(pqxx::work&)>;
using PrepareEvent =
    std::function<absl::StatusOr<EventEffect>(const kinerja::common::v1::EventEnvelope&)>;

struct FollowerOptions {
  std::string name;                // the cursor's key, e.g. "goals.employee-transfers"
  std::vector<std::string> types;  // event types to receive (all if empty)
  absl::Duration initial_backoff = absl::Milliseconds(200);
  absl::Duration max_backoff = absl::Seconds(10);
};

class EventFollower {
 public:
  // `metrics` may be null.
  EventFollower(db::Pool& pool, EventSource& source, FollowerOptions options, PrepareEvent prepare,
                metrics::Registry* metrics = nullptr);
  ~EventFollower();  // Stop()

  void Start();
  void Stop();

  // The stored cursor ("" before the first event).
  absl::StatusOr<std::string> Cursor();
  // Prepares and applies one event with its cursor (the loop's step; tests call it directly).
  absl::Status Apply(const kinerja::common::v1::EventEnvelope& event);

  int64_t applied() const { return applied_.load(); }
  const std::string& name() const { return options_.name; }

 private:
  void Run();
  absl::Status FollowOnce();

  db::Pool& pool_;
  EventSource& source_;
  const FollowerOptions options_;
  const PrepareEvent prepare_;
  prometheus::Gauge* lag_ = nullptr;
  prometheus::Counter* applied_total_ = nullptr;
  std::atomic<bool> stopping_{false};
  std::atomic<int64_t> applied_{0};
  absl::Mutex mu_;
  EventReader* active_ ABSL_GUARDED_BY(mu_) = nullptr;
  std::thread thread_;
};

}  // namespace kinerja::events
