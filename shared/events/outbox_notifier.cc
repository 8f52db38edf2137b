#include "shared/events/outbox_notifier.h"

#include <memory>

#include <pqxx/pqxx>

namespace kinerja::events {
namespace {

class Receiver : public pqxx::notification_receiver {
 public:
  Receiver(pqxx::connection_base& conn, const std::string& channel, long long* count)
      : pqxx::notification_receiver(conn, channel), count_(count) {}
  void operator()(const std::string&, int) override { ++*count_; }

 private:
  long long* count_;
};

}  // namespace

OutboxNotifier::OutboxNotifier(std::string dsn, std::string channel, absl::Duration tick)
    : dsn_(std::move(dsn)), channel_(std::move(channel)), tick_(tick) {
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

bool OutboxNotifier::Cancel(uint64_t token) {
  absl::MutexLock lock(&mu_);
  return waiters_.erase(token) > 0;
}

long long OutboxNotifier::notifications() const {
  absl::MutexLock lock(&mu_);
  return notifications_;
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
  auto stopping = [this] {
    absl::MutexLock lock(&mu_);
    return stopping_;
  };
  // Short waits keep shutdown prompt; the tick bounds how late a stream can be.
  const long wait_us = 100'000;
  while (!stopping()) {
    std::unique_ptr<pqxx::connection> conn;
    std::unique_ptr<Receiver> receiver;
    long long count = 0;
    try {
      conn = std::make_unique<pqxx::connection>(dsn_);
      receiver = std::make_unique<Receiver>(*conn, channel_, &count);
      absl::Time next_tick = absl::Now() + tick_;
      while (!stopping()) {
        long long before = count;
        conn->await_notification(0, wait_us);
        if (count != before) {
          {
            absl::MutexLock lock(&mu_);
            notifications_ += count - before;
          }
          FireAll();
          next_tick = absl::Now() + tick_;
        } else if (absl::Now() >= next_tick) {
          FireAll();
          next_tick = absl::Now() + tick_;
        }
      }
    } catch (const std::exception&) {
      // Database away: keep waking streams on the tick (they will report the outage) and retry.
      FireAll();
      absl::SleepFor(tick_);
    }
    receiver.reset();
  }
}

}  // namespace kinerja::events
