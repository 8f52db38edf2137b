#include "services/analytics/domain/participation.h"

#include <gtest/gtest.h>

namespace kinerja::analytics {
namespace {

using absl::CivilDay;

TEST(CadenceOf, Names) {
  EXPECT_EQ(CadenceOf("MONTHLY"), Cadence::kMonthly);
  EXPECT_EQ(CadenceOf("CADENCE_QUARTERLY"), Cadence::kQuarterly);
  EXPECT_EQ(CadenceOf("WEEKLY"), std::nullopt);
}

TEST(PlanWindows, MonthlyWholeYear) {
  auto w = PlanWindows(Cadence::kMonthly, CivilDay(2025, 1, 1), CivilDay(2025, 12, 31), 5);
  ASSERT_EQ(w.size(), 12u);
  EXPECT_EQ(w[0],
            (PlanWindow{1, CivilDay(2025, 1, 1), CivilDay(2025, 1, 31), CivilDay(2025, 2, 5)}));
  EXPECT_EQ(w[1].last, CivilDay(2025, 2, 28));
  EXPECT_EQ(w[11].index, 12);
  EXPECT_EQ(w[11].due, CivilDay(2026, 1, 5));
}

TEST(PlanWindows, ClippedToAMidYearPlan) {
  // Starts 15 Feb, closed 10 May by a transfer.
  auto w = PlanWindows(Cadence::kQuarterly, CivilDay(2025, 2, 15), CivilDay(2025, 5, 10), 0);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0],
            (PlanWindow{1, CivilDay(2025, 2, 15), CivilDay(2025, 3, 31), CivilDay(2025, 3, 31)}));
  EXPECT_EQ(w[1],
            (PlanWindow{2, CivilDay(2025, 4, 1), CivilDay(2025, 5, 10), CivilDay(2025, 5, 10)}));
  auto m = PlanWindows(Cadence::kMonthly, CivilDay(2025, 2, 15), CivilDay(2025, 2, 15), 0);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].first, m[0].last);
  EXPECT_TRUE(
      PlanWindows(Cadence::kMonthly, CivilDay(2025, 3, 1), CivilDay(2025, 2, 28), 5).empty());
}

TEST(DueWindows, DueTheDayAfterLastPlusGrace) {
  const CivilDay start(2025, 1, 1), end(2025, 12, 31);
  // January: last day 31 Jan + 5 = 5 Feb. As of 5 Feb it is not due yet; as of 6 Feb it is.
  EXPECT_TRUE(DueWindows(Cadence::kMonthly, start, end, 5, CivilDay(2025, 2, 5)).empty());
  auto due = DueWindows(Cadence::kMonthly, start, end, 5, CivilDay(2025, 2, 6));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].index, 1);
  EXPECT_EQ(DueWindows(Cadence::kMonthly, start, end, 0, CivilDay(2025, 2, 1)).size(), 1u);
  EXPECT_EQ(DueWindows(Cadence::kQuarterly, start, end, 5, CivilDay(2025, 7, 6)).size(), 2u);
  EXPECT_EQ(DueWindows(Cadence::kMonthly, start, end, 5, CivilDay(2027, 1, 1)).size(), 12u);
}

TEST(Deadlines, ExtensionAndOverdue) {
  const CivilDay deadline(2025, 1, 31);
  EXPECT_EQ(EffectiveDeadline(deadline, std::nullopt), deadline);
  EXPECT_EQ(EffectiveDeadline(deadline, CivilDay(2025, 2, 14)), CivilDay(2025, 2, 14));
  EXPECT_EQ(EffectiveDeadline(deadline, CivilDay(2025, 1, 10)), deadline);  // never earlier
  EXPECT_FALSE(IsPlanOverdue(deadline, false, false, deadline));  // the deadline day itself
  EXPECT_TRUE(IsPlanOverdue(deadline, false, false, deadline + 1));
  EXPECT_FALSE(IsPlanOverdue(deadline, true, false, deadline + 1));
  EXPECT_FALSE(IsPlanOverdue(deadline, false, true, deadline + 1));
  EXPECT_EQ(PlanNotApproved(deadline, deadline + 10).days_late, 10);
}

TEST(LateItemsOfPlan, MissingRealisationsAndAssessmentsPerDueWindow) {
  PlanProgress p;
  p.cadence = Cadence::kQuarterly;
  p.start = CivilDay(2025, 1, 1);
  p.end = CivilDay(2025, 12, 31);
  p.grace_days = 5;
  p.indicators_due_from = {std::nullopt, std::nullopt, std::nullopt};
  p.filed_by_window = {{1, 3}, {2, 1}};
  p.periodic_finalised = {1};
  // As of 10 Jul: Q1 (due 5 Apr) and Q2 (due 5 Jul) are due.
  auto late = LateItemsOfPlan(p, CivilDay(2025, 7, 10), 31);
  ASSERT_EQ(late.size(), 2u);
  EXPECT_EQ(late[0], (Lateness{LateKind::kRealisationMissing, CivilDay(2025, 7, 5), 5, 2, 2}));
  EXPECT_EQ(late[1], (Lateness{LateKind::kAssessmentNotFinalised, CivilDay(2025, 7, 5), 5, 0, 2}));
}

TEST(LateItemsOfPlan, AnnualLateAfterDueDays) {
  PlanProgress p;
  p.cadence = Cadence::kMonthly;
  p.start = CivilDay(2025, 12, 1);
  p.end = CivilDay(2025, 12, 31);
  p.indicators_due_from = {std::nullopt};
  p.filed_by_window = {{12, 1}};
  p.periodic_finalised = {12};
  // 31 Dec + 31 = 31 Jan: late from 1 Feb.
  EXPECT_TRUE(LateItemsOfPlan(p, CivilDay(2026, 1, 31), 31).empty());
  auto late = LateItemsOfPlan(p, CivilDay(2026, 2, 3), 31);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0], (Lateness{LateKind::kAssessmentNotFinalised, CivilDay(2026, 1, 31), 3, 0, 0}));
  p.annual_finalised = true;
  EXPECT_TRUE(LateItemsOfPlan(p, CivilDay(2026, 2, 3), 31).empty());
}

TEST(LateItemsOfPlan, NothingDueYet) {
  PlanProgress p;
  p.start = CivilDay(2025, 1, 1);
  p.end = CivilDay(2025, 12, 31);
  p.grace_days = 5;
  p.indicators_due_from = {std::nullopt, std::nullopt};
  EXPECT_TRUE(LateItemsOfPlan(p, CivilDay(2025, 2, 5), 31).empty());
}

TEST(LateItemsOfPlan, AnIndicatorAddedByARevisionIsDueFromTheWindowHoldingItsApprovalDay) {
  PlanProgress p;
  p.cadence = Cadence::kMonthly;
  p.start = CivilDay(2025, 1, 1);
  p.end = CivilDay(2025, 12, 31);
  // Two indicators from the start; a public satisfaction indicator added by a revision
  // approved on 15 March: due in March (it ends after the approval), not in January or February.
  p.indicators_due_from = {std::nullopt, std::nullopt, CivilDay(2025, 3, 15)};
  p.filed_by_window = {{1, 2}, {2, 2}, {3, 2}};
  p.periodic_finalised = {1, 2, 3};
  auto late = LateItemsOfPlan(p, CivilDay(2025, 4, 10), 31);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0], (Lateness{LateKind::kRealisationMissing, CivilDay(2025, 3, 31), 10, 1, 3}));
  const PlanWindow february{2, CivilDay(2025, 2, 1), CivilDay(2025, 2, 28), CivilDay(2025, 2, 28)};
  const PlanWindow march{3, CivilDay(2025, 3, 1), CivilDay(2025, 3, 31), CivilDay(2025, 3, 31)};
  EXPECT_EQ(IndicatorsDueIn(p.indicators_due_from, february), 2);
  EXPECT_EQ(IndicatorsDueIn(p.indicators_due_from, march), 3);
  // Approved on the window's last day: due in that window.
  EXPECT_EQ(IndicatorsDueIn({CivilDay(2025, 3, 31)}, march), 1);
  EXPECT_EQ(IndicatorsDueIn({CivilDay(2025, 4, 1)}, march), 0);
}

}  // namespace
}  // namespace kinerja::analytics
