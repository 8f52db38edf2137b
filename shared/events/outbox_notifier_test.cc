// The notifier wakes waiting streams soon after a Signal (coalescing bursts) and on its poll tick
// (the bound for other replicas' commits), never twice for one wait.
#include "shared/events/outbox_notifier.h"

#include <atomic>
#include <optional>
#include <thread>

#include <gtest/gtest.h>

#include "absl/synchronization/notification.h"

namespace kinerja::events {
namespace {

TEST(OutboxNotifierTest, SignalWakesEveryWaiterOnceLongBeforeThePoll) {
  OutboxNotifier notifier(absl::Hours(1));  // no poll during the test
  absl::Notification first, second;
  std::atomic<int> woken{0};
  notifier.WaitOnce([&] {
    ++woken;
    first.Notify();
  });
  notifier.WaitOnce([&] {
    ++woken;
    second.Notify();
  });
  notifier.Signal();
  ASSERT_TRUE(first.WaitForNotificationWithTimeout(absl::Seconds(10)));
  ASSERT_TRUE(second.WaitForNotificationWithTimeout(absl::Seconds(10)));
  notifier.Signal();  // each wait fires once
  absl::SleepFor(absl::Milliseconds(50));
  EXPECT_EQ(woken.load(), 2);
  EXPECT_EQ(notifier.signals(), 2);
}

// Many commits in a burst wake a waiting stream once per coalescing interval, not per commit.
TEST(OutboxNotifierTest, ABurstOfSignalsWakesAWaiterOncePerInterval) {
  OutboxNotifier notifier(absl::Hours(1), absl::Milliseconds(200));
  std::atomic<int> woken{0};
  absl::Notification once;
  notifier.WaitOnce([&] {
    ++woken;
    once.Notify();
  });
  notifier.Signal();
  ASSERT_TRUE(once.WaitForNotificationWithTimeout(absl::Seconds(10)));
  // The stream fetched and waits again while commits keep coming.
  absl::Notification again;
  notifier.WaitOnce([&] {
    ++woken;
    again.Notify();
  });
  const absl::Time burst = absl::Now();
  for (int i = 0; i < 1000; ++i) notifier.Signal();
  ASSERT_TRUE(again.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_EQ(woken.load(), 2);
  EXPECT_GE(absl::Now() - burst, absl::Milliseconds(100)) << "the burst was not coalesced";
}

TEST(OutboxNotifierTest, PollWakesWaitersWithoutAnySignal) {
  OutboxNotifier notifier(absl::Milliseconds(20));
  absl::Notification woken;
  const absl::Time began = absl::Now();
  notifier.WaitOnce([&] { woken.Notify(); });
  ASSERT_TRUE(woken.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_LT(absl::Now() - began, absl::Seconds(5));
  EXPECT_EQ(notifier.signals(), 0);
}

// A stream counts signals before it fetches; a commit that signalled during the fetch must make
// it look again instead of sleeping until the poll.
TEST(OutboxNotifierTest, AWaitAfterAMissedSignalIsRefused) {
  OutboxNotifier notifier(absl::Hours(1));
  const long long seen = notifier.signals();
  notifier.Signal();
  std::atomic<bool> woken{false};
  EXPECT_FALSE(notifier.WaitUnlessSignalledSince(seen, [&] { woken = true; }).has_value());
  absl::Notification fired;
  std::optional<uint64_t> token =
      notifier.WaitUnlessSignalledSince(notifier.signals(), [&] { fired.Notify(); });
  ASSERT_TRUE(token.has_value());
  EXPECT_FALSE(fired.WaitForNotificationWithTimeout(absl::Milliseconds(50)))
      << "a signal from before the wait woke it";
  notifier.Signal();
  EXPECT_TRUE(fired.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_FALSE(woken.load());
}

TEST(OutboxNotifierTest, CancelledWaitNeverFires) {
  OutboxNotifier notifier(absl::Hours(1));
  std::atomic<bool> woken{false};
  uint64_t token = notifier.WaitOnce([&] { woken = true; });
  EXPECT_TRUE(notifier.Cancel(token));
  EXPECT_FALSE(notifier.Cancel(token));
  notifier.Signal();
  absl::SleepFor(absl::Milliseconds(50));
  EXPECT_FALSE(woken.load());
}

TEST(OutboxNotifierTest, DestructionWakesWhoeverStillWaits) {
  bool woken = false;
  {
    OutboxNotifier notifier(absl::Hours(1));
    notifier.WaitOnce([&] { woken = true; });
  }
  EXPECT_TRUE(woken);
}

}  // namespace
}  // namespace kinerja::events
