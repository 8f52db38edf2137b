#include "services/analytics/domain/compliance.h"

#include <gtest/gtest.h>

namespace kinerja::analytics {
namespace {

BandCheck Check(BandBound bound, int count, int pending, int staff, int limit) {
  return BandCheck{bound, count, pending, staff, limit};
}

TEST(BoundOfRule, ByName) {
  EXPECT_EQ(BoundOfRule("SANGAT_BAIK_AT_MOST 70%"), BandBound::kAtMostPercent);
  EXPECT_EQ(BoundOfRule("KURANG_AT_LEAST 60%"), BandBound::kAtLeastPercent);
  EXPECT_EQ(BoundOfRule("BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1"), BandBound::kAtLeastCount);
  EXPECT_EQ(BoundOfRule("SANGAT_BAIK_AT_MOST 0%"), BandBound::kAtMostPercent);
  EXPECT_EQ(BoundOfRule("SANGAT_BAIK_AT_MOST 3"), std::nullopt);
  EXPECT_EQ(BoundOfRule("whatever"), std::nullopt);
  EXPECT_EQ(BoundOfRule(""), std::nullopt);
}

TEST(ExcessOf, AtMostExactlyAtTheLimitHolds) {
  EXPECT_EQ(ExcessOf(Check(BandBound::kAtMostPercent, 7, 0, 10, 70)), BandExcess{});
}

TEST(ExcessOf, AtMostOneOver) {
  BandExcess e = ExcessOf(Check(BandBound::kAtMostPercent, 8, 0, 10, 70));
  EXPECT_EQ(e.excess_staff, 1);
  EXPECT_NEAR(e.excess_percent, 10.0, 1e-9);
}

TEST(ExcessOf, AtMostWithAFractionalAllowance) {
  // 70 % of 3 = 2.1: two may be Sangat Baik, three is one too many (100 % - 70 % = 30 points).
  BandExcess e = ExcessOf(Check(BandBound::kAtMostPercent, 3, 0, 3, 70));
  EXPECT_EQ(e.excess_staff, 1);
  EXPECT_NEAR(e.excess_percent, 30.0, 1e-9);
  // "No Sangat Baik" (at most 0 %): every one of them.
  EXPECT_EQ(ExcessOf(Check(BandBound::kAtMostPercent, 2, 3, 9, 0)).excess_staff, 2);
  // A one-person unit under Istimewa: 1 of 1 > 70 %.
  EXPECT_EQ(ExcessOf(Check(BandBound::kAtMostPercent, 1, 0, 1, 70)).excess_staff, 1);
}

TEST(ExcessOf, AtLeastPercentCountsPendingAsPossible) {
  // 60 % of 10 needs 6; 4 finalised with it and 1 pending: 1 short, 10 points.
  BandExcess e = ExcessOf(Check(BandBound::kAtLeastPercent, 4, 1, 10, 60));
  EXPECT_EQ(e.excess_staff, 1);
  EXPECT_NEAR(e.excess_percent, 10.0, 1e-9);
  // Reachable exactly: holds.
  EXPECT_EQ(ExcessOf(Check(BandBound::kAtLeastPercent, 4, 2, 10, 60)), BandExcess{});
  // 10 % of 7 = 0.7 needs 1 (ceil).
  BandExcess small = ExcessOf(Check(BandBound::kAtLeastPercent, 0, 0, 7, 10));
  EXPECT_EQ(small.excess_staff, 1);
  EXPECT_NEAR(small.excess_percent, 10.0, 1e-9);
}

TEST(ExcessOf, AtLeastCount) {
  BandExcess e = ExcessOf(Check(BandBound::kAtLeastCount, 0, 0, 4, 1));
  EXPECT_EQ(e.excess_staff, 1);
  EXPECT_NEAR(e.excess_percent, 25.0, 1e-9);
  EXPECT_EQ(ExcessOf(Check(BandBound::kAtLeastCount, 0, 1, 4, 1)), BandExcess{});
  EXPECT_EQ(ExcessOf(Check(BandBound::kAtLeastCount, 1, 0, 4, 1)), BandExcess{});
}

TEST(ExcessOf, EmptyUnitHasNoExcess) {
  EXPECT_EQ(ExcessOf(Check(BandBound::kAtLeastCount, 0, 0, 0, 1)), BandExcess{});
  EXPECT_EQ(ExcessOf(Check(BandBound::kAtMostPercent, 0, 0, 0, 0)), BandExcess{});
}

TEST(UnitExcessStaff, TheLargest) {
  EXPECT_EQ(UnitExcessStaff({}), 0);
  EXPECT_EQ(UnitExcessStaff({{10.0, 1}, {30.0, 3}, {5.0, 2}}), 3);
}

}  // namespace
}  // namespace kinerja::analytics
