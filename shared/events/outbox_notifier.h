// Wakes idle event streams when their outbox may have new deliverable rows.
//
// Writers never NOTIFY (a NOTIFY makes PostgreSQL serialise the commits of all notifying
// transactions). Instead:
//  - this process's own commits that wrote events call Signal() right after commit (the pool's
//    event-commit listener, db/event_writes.h), which wakes the streams from the notifier's
//    thread at once, but at most once per `coalesce` interval: under a stream of writes each
//    stream fetches a batch per interval instead of one query per commit;
//  - every `poll` interval all waiting streams are woken anyway. That bounds how late a stream
//    sees rows committed by another replica of the service, and rows that became deliverable
//    without any commit of ours (a transaction that held back the snapshot xmin ended).
// docs/design.md, "Waking event streams", has the measurements.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <thread>

#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace kinerja::events {

class OutboxNotifier {
 public:
  explicit OutboxNotifier(absl::Duration poll = absl::Milliseconds(200),
                          absl::Duration coalesce = absl::Milliseconds(5));
  ~OutboxNotifier();  // wakes whoever still waits
  OutboxNotifier(const OutboxNotifier&) = delete;
  OutboxNotifier& operator=(const OutboxNotifier&) = delete;

  // Calls `wake` once, from the notifier's thread, soon after the next Signal() or at the next
  // poll tick. Returns a token for Cancel.
  uint64_t WaitOnce(absl::AnyInvocable<void() &&> wake);
  // WaitOnce, unless Signal() ran since signals() returned `seen`: then nothing is registered,
  // `wake` is dropped and the caller should look again at once (nullopt).
  std::optional<uint64_t> WaitUnlessSignalledSince(long long seen,
                                                   absl::AnyInvocable<void() &&> wake);
  // True if the waiter was removed before it fired (then `wake` will never run).
  bool Cancel(uint64_t token);
  // Events were committed: wake every waiter soon. Never blocks on the waiters; cheap.
  void Signal();
  long long signals() const;
  absl::Duration poll() const { return poll_; }

 private:
  void Loop();
  void FireAll();

  const absl::Duration poll_;
  const absl::Duration coalesce_;
  mutable absl::Mutex mu_;
  std::map<uint64_t, absl::AnyInvocable<void() &&>> waiters_ ABSL_GUARDED_BY(mu_);
  uint64_t next_token_ ABSL_GUARDED_BY(mu_) = 1;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  long long signals_ ABSL_GUARDED_BY(mu_) = 0;
  bool signalled_ ABSL_GUARDED_BY(mu_) = false;  // a Signal() not yet passed on to the waiters
  std::thread thread_;
};

}  // namespace kinerja::events
