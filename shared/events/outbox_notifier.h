// Wakes idle event streams when their outbox gets new rows: one LISTEN connection per process,
// plus a periodic tick, because a row can become deliverable without a notification (an
// unrelated transaction that held back the snapshot xmin just ended).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <thread>

#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace kinerja::events {

class OutboxNotifier {
 public:
  // channel: "<schema>_outbox" (see the platform migration's trigger).
  OutboxNotifier(std::string dsn, std::string channel, absl::Duration tick = absl::Seconds(1));
  ~OutboxNotifier();
  OutboxNotifier(const OutboxNotifier&) = delete;
  OutboxNotifier& operator=(const OutboxNotifier&) = delete;

  // Calls `wake` once, from the notifier's thread, at the next notification or tick. Returns a
  // token for Cancel.
  uint64_t WaitOnce(absl::AnyInvocable<void() &&> wake);
  // True if the waiter was removed before it fired (then `wake` will never run).
  bool Cancel(uint64_t token);
  long long notifications() const;

 private:
  void Loop();
  void FireAll();

  const std::string dsn_;
  const std::string channel_;
  const absl::Duration tick_;
  mutable absl::Mutex mu_;
  std::map<uint64_t, absl::AnyInvocable<void() &&>> waiters_ ABSL_GUARDED_BY(mu_);
  uint64_t next_token_ ABSL_GUARDED_BY(mu_) = 1;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  long long notifications_ ABSL_GUARDED_BY(mu_) = 0;
  std::thread thread_;
};

}  // namespace kinerja::events
