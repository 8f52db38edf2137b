#include "services/review/domain/windows.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using absl::CivilDay;
using test_util::IsInvalid;
using test_util::IsRule;

Window W(int year, int index, CivilDay first, CivilDay last, int m1, int m2) {
  Window w;
  w.year = year;
  w.index = index;
  w.first = first;
  w.last = last;
  w.month_start = m1;
  w.month_end = m2;
  return w;
}

TEST(PeriodicWindows, MonthlyFullYearIsTwelveCalendarMonths) {
  auto windows =
      PeriodicWindows(Cadence::kMonthly, CivilDay(2024, 1, 1), CivilDay(2024, 12, 31), 2024);
  ASSERT_TRUE(windows.ok()) << windows.status();
  ASSERT_EQ(windows->size(), 12u);
  EXPECT_EQ((*windows)[0], W(2024, 1, CivilDay(2024, 1, 1), CivilDay(2024, 1, 31), 1, 1));
  EXPECT_EQ((*windows)[1], W(2024, 2, CivilDay(2024, 2, 1), CivilDay(2024, 2, 29), 2, 2));  // leap
  EXPECT_EQ((*windows)[11], W(2024, 12, CivilDay(2024, 12, 1), CivilDay(2024, 12, 31), 12, 12));
  auto y2023 =
      PeriodicWindows(Cadence::kMonthly, CivilDay(2023, 1, 1), CivilDay(2023, 12, 31), 2023);
  ASSERT_TRUE(y2023.ok());
  EXPECT_EQ((*y2023)[1].last, CivilDay(2023, 2, 28));
}

TEST(PeriodicWindows, QuarterlyFullYear) {
  auto windows =
      PeriodicWindows(Cadence::kQuarterly, CivilDay(2024, 1, 1), CivilDay(2024, 12, 31), 2024);
  ASSERT_TRUE(windows.ok());
  const std::vector<Window> expected = {
      W(2024, 1, CivilDay(2024, 1, 1), CivilDay(2024, 3, 31), 1, 3),
      W(2024, 2, CivilDay(2024, 4, 1), CivilDay(2024, 6, 30), 4, 6),
      W(2024, 3, CivilDay(2024, 7, 1), CivilDay(2024, 9, 30), 7, 9),
      W(2024, 4, CivilDay(2024, 10, 1), CivilDay(2024, 12, 31), 10, 12),
  };
  EXPECT_EQ(*windows, expected);
}

TEST(PeriodicWindows, PartialYearPlansAreClipped) {
  // New hire on 15 Feb: quarter 1 is 15 Feb..31 Mar, months 2..3.
  auto quarterly =
      PeriodicWindows(Cadence::kQuarterly, CivilDay(2024, 2, 15), CivilDay(2024, 12, 31), 2024);
  ASSERT_TRUE(quarterly.ok());
  ASSERT_EQ(quarterly->size(), 4u);
  EXPECT_EQ((*quarterly)[0], W(2024, 1, CivilDay(2024, 2, 15), CivilDay(2024, 3, 31), 2, 3));
  // Transferred out on 10 Aug: monthly windows Feb..Aug, the last clipped to 10 Aug.
  auto monthly =
      PeriodicWindows(Cadence::kMonthly, CivilDay(2024, 2, 15), CivilDay(2024, 8, 10), 2024);
  ASSERT_TRUE(monthly.ok());
  ASSERT_EQ(monthly->size(), 7u);
  EXPECT_EQ(monthly->front(), W(2024, 2, CivilDay(2024, 2, 15), CivilDay(2024, 2, 29), 2, 2));
  EXPECT_EQ(monthly->back(), W(2024, 8, CivilDay(2024, 8, 1), CivilDay(2024, 8, 10), 8, 8));
  // A plan starting on the last day of a quarter gets a one-day window.
  auto one_day =
      PeriodicWindows(Cadence::kQuarterly, CivilDay(2024, 6, 30), CivilDay(2024, 12, 31), 2024);
  ASSERT_TRUE(one_day.ok());
  ASSERT_EQ(one_day->size(), 3u);
  EXPECT_EQ((*one_day)[0], W(2024, 2, CivilDay(2024, 6, 30), CivilDay(2024, 6, 30), 6, 6));
  // A plan spanning years is clipped to the asked year.
  auto spanning =
      PeriodicWindows(Cadence::kMonthly, CivilDay(2023, 11, 1), CivilDay(2024, 1, 20), 2024);
  ASSERT_TRUE(spanning.ok());
  ASSERT_EQ(spanning->size(), 1u);
  EXPECT_EQ((*spanning)[0], W(2024, 1, CivilDay(2024, 1, 1), CivilDay(2024, 1, 20), 1, 1));
}

TEST(PeriodicWindows, BadInput) {
  EXPECT_TRUE(IsInvalid(
      PeriodicWindows(Cadence::kMonthly, CivilDay(2024, 5, 1), CivilDay(2024, 4, 30), 2024)
          .status(),
      "plan_end"));
  EXPECT_TRUE(IsInvalid(
      PeriodicWindows(Cadence::kMonthly, CivilDay(2024, 5, 1), CivilDay(2024, 12, 31), 2025)
          .status(),
      "year"));
  EXPECT_TRUE(
      IsInvalid(AnnualWindow(CivilDay(2024, 5, 1), CivilDay(2024, 12, 31), 2023).status(), "year"));
}

TEST(AnnualWindow, CoversThePlansOwnMonths) {
  auto full = AnnualWindow(CivilDay(2024, 1, 1), CivilDay(2024, 12, 31), 2024);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(*full, W(2024, 0, CivilDay(2024, 1, 1), CivilDay(2024, 12, 31), 1, 12));
  auto partial = AnnualWindow(CivilDay(2024, 7, 15), CivilDay(2024, 12, 31), 2024);
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ(*partial, W(2024, 0, CivilDay(2024, 7, 15), CivilDay(2024, 12, 31), 7, 12));
}

TEST(WindowOf, FindsTheWindowOfADay) {
  auto windows =
      PeriodicWindows(Cadence::kQuarterly, CivilDay(2024, 2, 15), CivilDay(2024, 12, 31), 2024);
  ASSERT_TRUE(windows.ok());
  EXPECT_EQ(WindowOf(*windows, CivilDay(2024, 2, 15))->index, 1);
  EXPECT_EQ(WindowOf(*windows, CivilDay(2024, 3, 31))->index, 1);
  EXPECT_EQ(WindowOf(*windows, CivilDay(2024, 4, 1))->index, 2);
  EXPECT_EQ(WindowOf(*windows, CivilDay(2024, 12, 31))->index, 4);
  EXPECT_FALSE(WindowOf(*windows, CivilDay(2024, 2, 14)).has_value());  // before the plan
  EXPECT_FALSE(WindowOf(*windows, CivilDay(2025, 1, 1)).has_value());
}

TEST(CheckWindowOpen, GraceDaysThenClosedUnlessReopened) {
  const Window march = W(2024, 3, CivilDay(2024, 3, 1), CivilDay(2024, 3, 31), 3, 3);
  EXPECT_EQ(WindowCloseDate(march), CivilDay(2024, 4, 5));
  struct Case {
    CivilDay today;
    WindowPolicy policy;
    bool reopened;
    std::string reason;  // "" = open
  };
  const std::vector<Case> cases = {
      {CivilDay(2024, 2, 29), {}, false, "WINDOW_NOT_STARTED"},
      {CivilDay(2024, 3, 1), {}, false, ""},
      {CivilDay(2024, 3, 31), {}, false, ""},
      {CivilDay(2024, 4, 5), {}, false, ""},  // last day of grace
      {CivilDay(2024, 4, 6), {}, false, "WINDOW_CLOSED"},
      {CivilDay(2024, 4, 6), {}, true, ""},  // HR reopened it
      {CivilDay(2024, 12, 1), {}, true, ""},
      {CivilDay(2024, 3, 31), {0}, false, ""},
      {CivilDay(2024, 4, 1), {0}, false, "WINDOW_CLOSED"},
      {CivilDay(2024, 4, 10), {10}, false, ""},
      {CivilDay(2024, 4, 11), {10}, false, "WINDOW_CLOSED"},
  };
  for (const Case& c : cases) {
    const absl::Status status = CheckWindowOpen(march, c.today, c.policy, c.reopened);
    if (c.reason.empty()) {
      EXPECT_TRUE(status.ok()) << absl::FormatCivilTime(c.today) << ": " << status;
    } else {
      EXPECT_TRUE(IsRule(status, c.reason)) << absl::FormatCivilTime(c.today);
    }
  }
}

TEST(CheckWindowOpen, ClippedWindowClosesAfterItsOwnLastDay) {
  // A plan closed by a transfer on 10 Aug: its August window closes on 15 Aug.
  const Window aug = W(2024, 8, CivilDay(2024, 8, 1), CivilDay(2024, 8, 10), 8, 8);
  EXPECT_TRUE(CheckWindowOpen(aug, CivilDay(2024, 8, 15)).ok());
  EXPECT_TRUE(IsRule(CheckWindowOpen(aug, CivilDay(2024, 8, 16)), "WINDOW_CLOSED"));
}

TEST(CheckWindowOpen, InvalidPolicy) {
  const Window march = W(2024, 3, CivilDay(2024, 3, 1), CivilDay(2024, 3, 31), 3, 3);
  EXPECT_TRUE(
      IsInvalid(CheckWindowOpen(march, CivilDay(2024, 3, 5), {-1}), "window_policy.grace_days"));
  EXPECT_TRUE(IsInvalid(ValidateWindowPolicy({367}), "window_policy.grace_days"));
  EXPECT_TRUE(ValidateWindowPolicy({366}).ok());
}

}  // namespace
}  // namespace kinerja::review
