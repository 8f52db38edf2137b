#include "services/goals/domain/plan_dates.h"

#include <gtest/gtest.h>

#include "services/goals/domain/test_util.h"

namespace kinerja::goals {
namespace {

using absl::CivilDay;
using test_util::HasField;
using test_util::IsRule;

Period Year2026() {
  Period period;
  period.id = "p2026";
  period.start_date = CivilDay(2026, 1, 1);
  period.end_date = CivilDay(2026, 12, 31);
  period.filling_deadline = CivilDay(2026, 1, 31);
  period.mid_year_filling_days = 30;
  return period;
}

TEST(PlanStartDateTest, WholePeriodWhenThePositionStartedBefore) {
  EXPECT_EQ(*PlanStartDate(Year2026(), CivilDay(2019, 3, 1), std::nullopt), CivilDay(2026, 1, 1));
  EXPECT_EQ(*PlanStartDate(Year2026(), std::nullopt, std::nullopt), CivilDay(2026, 1, 1));
  EXPECT_EQ(*PlanStartDate(Year2026(), CivilDay(2026, 1, 1), std::nullopt), CivilDay(2026, 1, 1));
}

TEST(PlanStartDateTest, MidYearStartsOnThePositionStart) {
  EXPECT_EQ(*PlanStartDate(Year2026(), CivilDay(2026, 7, 1), std::nullopt), CivilDay(2026, 7, 1));
  EXPECT_EQ(*PlanStartDate(Year2026(), CivilDay(2026, 12, 31), std::nullopt),
            CivilDay(2026, 12, 31));
}

TEST(PlanStartDateTest, PositionAfterThePeriodIsRefused) {
  EXPECT_TRUE(IsRule(PlanStartDate(Year2026(), CivilDay(2027, 1, 1), std::nullopt).status(),
                     "POSITION_STARTS_AFTER_PERIOD"));
}

TEST(PlanStartDateTest, RequestedStartWithinThePeriodAndNotBeforeThePosition) {
  EXPECT_EQ(*PlanStartDate(Year2026(), CivilDay(2026, 3, 1), CivilDay(2026, 3, 15)),
            CivilDay(2026, 3, 15));
  EXPECT_EQ(*PlanStartDate(Year2026(), std::nullopt, CivilDay(2026, 12, 31)),
            CivilDay(2026, 12, 31));
  EXPECT_TRUE(HasField(PlanStartDate(Year2026(), std::nullopt, CivilDay(2025, 12, 31)).status(),
                       "start_date"));
  EXPECT_TRUE(HasField(PlanStartDate(Year2026(), std::nullopt, CivilDay(2027, 1, 1)).status(),
                       "start_date"));
  EXPECT_TRUE(
      HasField(PlanStartDate(Year2026(), CivilDay(2026, 3, 1), CivilDay(2026, 2, 28)).status(),
               "start_date"));
}

TEST(PlanFillingDeadlineTest, PeriodDeadlineForAWholeYearPlan) {
  EXPECT_EQ(PlanFillingDeadline(Year2026(), CivilDay(2026, 1, 1)), CivilDay(2026, 1, 31));
}

TEST(PlanFillingDeadlineTest, MidYearCountsFromTheStart) {
  EXPECT_EQ(PlanFillingDeadline(Year2026(), CivilDay(2026, 7, 1)), CivilDay(2026, 7, 31));
  Period period = Year2026();
  period.mid_year_filling_days = 14;
  EXPECT_EQ(PlanFillingDeadline(period, CivilDay(2026, 2, 20)), CivilDay(2026, 3, 6));
}

TEST(PlanFillingDeadlineTest, NeverBeforeThePeriodDeadlineNorAfterItsEnd) {
  Period period = Year2026();
  period.mid_year_filling_days = 10;
  EXPECT_EQ(PlanFillingDeadline(period, CivilDay(2026, 1, 5)), CivilDay(2026, 1, 31));
  EXPECT_EQ(PlanFillingDeadline(period, CivilDay(2026, 12, 20)), CivilDay(2026, 12, 30));
  period.mid_year_filling_days = 30;
  EXPECT_EQ(PlanFillingDeadline(period, CivilDay(2026, 12, 20)), CivilDay(2026, 12, 31));
}

PlanVersion Version(int revision, CivilDay approved) {
  PlanVersion v;
  v.revision = revision;
  v.effective_from = approved;
  return v;
}

TEST(EffectiveRangesTest, FirstFromThePlanStartLaterFromTheirApproval) {
  std::vector<PlanVersion> versions = {Version(2, CivilDay(2026, 6, 10)),
                                       Version(1, CivilDay(2026, 2, 3))};
  SetEffectiveRanges(versions, CivilDay(2026, 1, 1), CivilDay(2026, 12, 31));
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].revision, 1);
  EXPECT_EQ(versions[0].effective_from, CivilDay(2026, 1, 1));
  EXPECT_EQ(versions[0].effective_until, CivilDay(2026, 6, 9));
  EXPECT_EQ(versions[1].effective_from, CivilDay(2026, 6, 10));
  EXPECT_EQ(versions[1].effective_until, CivilDay(2026, 12, 31));

  EXPECT_EQ(VersionInForce(versions, CivilDay(2026, 1, 1))->revision, 1);
  EXPECT_EQ(VersionInForce(versions, CivilDay(2026, 6, 9))->revision, 1);
  EXPECT_EQ(VersionInForce(versions, CivilDay(2026, 6, 10))->revision, 2);
  EXPECT_EQ(VersionInForce(versions, CivilDay(2026, 12, 31))->revision, 2);
  EXPECT_EQ(VersionInForce(versions, CivilDay(2027, 1, 1)), nullptr);
  EXPECT_EQ(VersionInForce(versions, CivilDay(2025, 12, 31)), nullptr);
}

TEST(EffectiveRangesTest, SupersededOnTheSameDayIsNeverInForce) {
  std::vector<PlanVersion> versions = {Version(1, CivilDay(2026, 7, 1)),
                                       Version(2, CivilDay(2026, 7, 1)),
                                       Version(3, CivilDay(2026, 7, 1))};
  SetEffectiveRanges(versions, CivilDay(2026, 7, 1), CivilDay(2026, 12, 31));
  EXPECT_LT(versions[1].effective_until, versions[1].effective_from);
  EXPECT_EQ(VersionInForce(versions, CivilDay(2026, 7, 1))->revision, 3);
}

TEST(ApprovedVersionStartTest, FirstFromThePlanStartLaterFromTheJakartaApprovalDay) {
  Plan plan;
  plan.start_date = CivilDay(2026, 3, 1);
  plan.revision = 1;
  plan.approve_time =
      absl::FromCivil(absl::CivilSecond(2026, 3, 20, 10, 0, 0), absl::UTCTimeZone());
  EXPECT_EQ(ApprovedVersionStart(plan), CivilDay(2026, 3, 1));
  plan.revision = 2;
  // 17:30 UTC on 19 June is 00:30 on 20 June in Jakarta.
  plan.approve_time =
      absl::FromCivil(absl::CivilSecond(2026, 6, 19, 17, 30, 0), absl::UTCTimeZone());
  EXPECT_EQ(ApprovedVersionStart(plan), CivilDay(2026, 6, 20));
  plan.approve_time =
      absl::FromCivil(absl::CivilSecond(2026, 6, 19, 16, 59, 0), absl::UTCTimeZone());
  EXPECT_EQ(ApprovedVersionStart(plan), CivilDay(2026, 6, 19));
}

TEST(EffectiveRangesTest, NoVersionNothingInForce) {
  std::vector<PlanVersion> none;
  SetEffectiveRanges(none, CivilDay(2026, 1, 1), CivilDay(2026, 12, 31));
  EXPECT_EQ(VersionInForce(none, CivilDay(2026, 3, 1)), nullptr);
}

}  // namespace
}  // namespace kinerja::goals
