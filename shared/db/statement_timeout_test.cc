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

}  // namespace
}  // namespace kinerja::db
