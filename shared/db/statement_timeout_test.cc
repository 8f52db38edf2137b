#include "shared/db/statement_timeout.h"

#include <gtest/gtest.h>

namespace kinerja::db {
namespace {

TEST(StatementTimeout, NoDeadlineTakesTheFallback) {
  EXPECT_EQ(StatementTimeoutMillis(absl::InfiniteDuration(), absl::Seconds(60)), 60'000);
}

TEST(StatementTimeout, NeverExceedsTheFallback) {
  EXPECT_EQ(StatementTimeoutMillis(absl::Hours(1), absl::Seconds(30)), 30'000);
}

TEST(StatementTimeout, RoundsDownToCoarseSteps) {
  EXPECT_EQ(StatementTimeoutMillis(absl::Milliseconds(4'990), absl::Seconds(60)), 4'000);
  EXPECT_EQ(StatementTimeoutMillis(absl::Milliseconds(4'010), absl::Seconds(60)), 4'000);
  EXPECT_EQ(StatementTimeoutMillis(absl::Milliseconds(29'900), absl::Seconds(60)), 25'000);
  EXPECT_EQ(StatementTimeoutMillis(absl::Milliseconds(250), absl::Seconds(60)), 200);
  EXPECT_EQ(StatementTimeoutMillis(absl::Milliseconds(42), absl::Seconds(60)), 42);
}

TEST(StatementTimeout, AnAlmostSpentDeadlineStillGetsOneMillisecond) {
  // Zero would mean "no timeout" to PostgreSQL.
  EXPECT_EQ(StatementTimeoutMillis(absl::Microseconds(300), absl::Seconds(60)), 1);
  EXPECT_EQ(StatementTimeoutMillis(absl::ZeroDuration(), absl::Seconds(60)), 1);
}

TEST(StatementTimeout, DeadlinesStraddlingAStepShareTheSetting) {
  const absl::Duration fallback = absl::Seconds(60);
  // 5 s deadlines arrive as 4.99 s or 5.01 s: a connection set for either serves both.
  EXPECT_TRUE(StatementTimeoutFits(4'000, absl::Milliseconds(5'010), fallback));
  EXPECT_TRUE(StatementTimeoutFits(5'000, absl::Milliseconds(4'990), fallback));
  // Far from the deadline either way: SET again.
  EXPECT_FALSE(StatementTimeoutFits(60'000, absl::Milliseconds(4'990), fallback));
  EXPECT_FALSE(StatementTimeoutFits(2'000, absl::Milliseconds(4'990), fallback));
  EXPECT_FALSE(StatementTimeoutFits(300, absl::Milliseconds(50), fallback));
  // Unknown (-1, a new connection) never fits; no deadline wants exactly the fallback.
  EXPECT_FALSE(StatementTimeoutFits(-1, absl::Milliseconds(4'990), fallback));
  EXPECT_TRUE(StatementTimeoutFits(60'000, absl::InfiniteDuration(), fallback));
  EXPECT_FALSE(StatementTimeoutFits(55'000, absl::InfiniteDuration(), fallback));
}

}  // namespace
}  // namespace kinerja::db
