// A fixed set of threads for blocking work (libpqxx calls), so gRPC's callback threads never
// block. Sized like the connection pool: more workers than connections would only queue on
// the pool's mutex. Work for callers is bounded: past max_queued waiting tasks (Full) a service
// sheds load at once instead of letting every queued caller wait out its deadline.
#pragma once

#include <deque>
#include <thread>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"

namespace kinerja::server {

class WorkerPool {
 public:
  // max_queued: how many tasks TrySubmit lets wait for a worker (0: no bound).
  explicit WorkerPool(int threads, int max_queued = 0);
  ~WorkerPool();  // runs queued tasks to completion, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Always queues. Callers that take new work from clients ask Full() first and refuse the work
  // instead; work the service has already committed to (a batch of coalesced reads, a stream's
  // next page) is never dropped. The bound is therefore soft by the number of gRPC threads.
  void Submit(absl::AnyInvocable<void() &&> task);
  // True when max_queued tasks (if bounded) are waiting for a worker.
  bool Full() const;
  int queued() const;
  int max_queued() const { return max_queued_; }

 private:
  void Loop();

  const int max_queued_;
  mutable absl::Mutex mu_;
  std::deque<absl::AnyInvocable<void() &&>> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace kinerja::server
