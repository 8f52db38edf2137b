#include "shared/events/outbox_notifier.h"

#include <utility>

namespace kinerja::events {

OutboxNotifier::OutboxNotifier(absl::Duration poll, absl::Duration coalesce)
    : poll_(poll), coalesce_(coalesce) {
  thread_ = std::thread([this] { Loop(); });
}

OutboxNotifier::~OutboxNotifier() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
  FireAll();  // nobody waits forever
}

uint64_t OutboxNotifier::WaitOnce(absl::AnyInvocable<void() &&> wake) {
  absl::MutexLock lock(&mu_);
  uint64_t token = next_token_++;
  waiters_.emplace(token, std::move(wake));
  return token;
}

std::optional<uint64_t> OutboxNotifier::WaitUnlessSignalledSince(
    long long seen, absl::AnyInvocable<void() &&> wake) {
  absl::MutexLock lock(&mu_);
  if (signals_ != seen) return std::nullopt;
  uint64_t token = next_token_++;
  waiters_.emplace(token, std::move(wake));
  return token;
}

bool OutboxNotifier::Cancel(uint64_t token) {
  absl::MutexLock lock(&mu_);
  return waiters_.erase(token) > 0;
}

void OutboxNotifier::Signal() {
  absl::MutexLock lock(&mu_);
  ++signals_;
  // Nobody waits: nothing to pass on (a stream fetching right now sees the count change).
  if (!waiters_.empty()) signalled_ = true;  // the notifier's thread waits on this under mu_
}

long long OutboxNotifier::signals() const {
  absl::MutexLock lock(&mu_);
  return signals_;
}

void OutboxNotifier::FireAll() {
  std::map<uint64_t, absl::AnyInvocable<void() &&>> fire;
  {
    absl::MutexLock lock(&mu_);
    fire.swap(waiters_);
  }
  for (auto& [token, wake] : fire) std::move(wake)();
}

void OutboxNotifier::Loop() {
  absl::Time next_poll = absl::Now() + poll_;
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      auto due = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return stopping_ || (signalled_ && !waiters_.empty());
      };
      mu_.AwaitWithDeadline(absl::Condition(&due), next_poll);
      if (stopping_) return;
      signalled_ = false;
    }
    FireAll();
    next_poll = absl::Now() + poll_;
    // Signals arriving now are passed on together after the interval, so that a stream of
    // commits costs each stream one fetch per interval, not one per commit.
    absl::MutexLock lock(&mu_);
    auto stopping = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_; };
    if (mu_.AwaitWithTimeout(absl::Condition(&stopping), coalesce_)) return;
  }
}

}  // namespace kinerja::events
