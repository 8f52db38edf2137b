#include "services/goals/domain/period_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "services/goals/domain/test_util.h"

namespace kinerja::goals {
namespace {

using test_util::Fields;
using test_util::IsInvalid;
using test_util::IsRule;

Period ValidPeriod() {
  Period p;
  p.id = "period-2024";
  p.agency_id = "kota-sawahlunto";
  p.year = 2024;
  p.name = "SKP 2024";
  p.start_date = absl::CivilDay(2024, 1, 1);
  p.end_date = absl::CivilDay(2024, 12, 31);
  p.filling_deadline = absl::CivilDay(2024, 1, 31);
  return p;
}

TEST(ValidatePeriod, AcceptsValidPeriod) {
  EXPECT_TRUE(ValidatePeriod(ValidPeriod()).ok());
  Period unnamed = ValidPeriod();
  unnamed.name = "";  // the store names it "SKP <year>"
  EXPECT_TRUE(ValidatePeriod(unnamed).ok());
  Period one_day = ValidPeriod();
  one_day.start_date = one_day.end_date = one_day.filling_deadline = absl::CivilDay(2024, 6, 1);
  EXPECT_TRUE(ValidatePeriod(one_day).ok());
}

TEST(ValidatePeriod, AgencyIdRequiredAndBounded) {
  Period p = ValidPeriod();
  p.agency_id = "";
  EXPECT_TRUE(IsInvalid(ValidatePeriod(p), "agency_id"));
  p.agency_id = std::string(64, 'a');
  EXPECT_TRUE(ValidatePeriod(p).ok());
  p.agency_id = std::string(65, 'a');
  EXPECT_TRUE(IsInvalid(ValidatePeriod(p), "agency_id"));
}

TEST(ValidatePeriod, YearRange) {
  for (int year : {1999, 2101, 0}) {
    Period p = ValidPeriod();
    p.year = year;
    EXPECT_TRUE(IsInvalid(ValidatePeriod(p), "year")) << year;
  }
  Period p = ValidPeriod();
  p.year = 2000;
  p.start_date = absl::CivilDay(2000, 1, 1);
  p.end_date = absl::CivilDay(2000, 12, 31);
  p.filling_deadline = absl::CivilDay(2000, 2, 1);
  EXPECT_TRUE(ValidatePeriod(p).ok());
  p.year = 2100;
  p.start_date = absl::CivilDay(2100, 1, 1);
  p.end_date = absl::CivilDay(2100, 12, 31);
  p.filling_deadline = absl::CivilDay(2100, 2, 1);
  EXPECT_TRUE(ValidatePeriod(p).ok());
}

TEST(ValidatePeriod, NameBounded) {
  Period p = ValidPeriod();
  p.name = std::string(200, 'n');
  EXPECT_TRUE(ValidatePeriod(p).ok());
  p.name = std::string(201, 'n');
  EXPECT_TRUE(IsInvalid(ValidatePeriod(p), "name"));
}

TEST(ValidatePeriod, DatesWithinYear) {
  Period p = ValidPeriod();
  p.start_date = absl::CivilDay(2023, 12, 31);
  EXPECT_TRUE(IsInvalid(ValidatePeriod(p), "start_date"));
  p = ValidPeriod();
  p.end_date = absl::CivilDay(2025, 1, 1);
  EXPECT_TRUE(IsInvalid(ValidatePeriod(p), "end_date"));
}

TEST(ValidatePeriod, StartNotAfterEnd) {
  Period p = ValidPeriod();
  p.start_date = absl::CivilDay(2024, 7, 1);
  p.end_date = absl::CivilDay(2024, 6, 30);
  p.filling_deadline = absl::CivilDay(2024, 7, 1);
  absl::Status status = ValidatePeriod(p);
  EXPECT_TRUE(IsInvalid(status, "end_date"));
  EXPECT_EQ(std::string(status.message()), "end_date: must not be before start_date 2024-07-01");
}

TEST(ValidatePeriod, FillingDeadlineWithinPeriod) {
  Period p = ValidPeriod();
  p.start_date = absl::CivilDay(2024, 2, 1);
  p.filling_deadline = absl::CivilDay(2024, 1, 31);
  EXPECT_TRUE(IsInvalid(ValidatePeriod(p), "filling_deadline"));
  p = ValidPeriod();
  p.end_date = absl::CivilDay(2024, 6, 30);
  p.filling_deadline = absl::CivilDay(2024, 7, 1);
  EXPECT_TRUE(IsInvalid(ValidatePeriod(p), "filling_deadline"));
  p.filling_deadline = absl::CivilDay(2024, 6, 30);  // inclusive
  EXPECT_TRUE(ValidatePeriod(p).ok());
}

TEST(ValidatePeriod, ListsEveryViolation) {
  Period p = ValidPeriod();
  p.agency_id = "";
  p.name = std::string(300, 'x');
  p.filling_deadline = absl::CivilDay(2025, 3, 1);
  absl::Status status = ValidatePeriod(p);
  EXPECT_EQ(Fields(status), (std::vector<std::string>{"agency_id", "name", "filling_deadline"}));
  EXPECT_EQ(std::string(status.message()).rfind("agency_id: required", 0), 0u) << status;
}

TEST(CheckPeriodTransition, AllowedAndSame) {
  EXPECT_TRUE(CheckPeriodTransition(PeriodState::kOpen, PeriodState::kClosed).ok());
  EXPECT_TRUE(CheckPeriodTransition(PeriodState::kClosed, PeriodState::kOpen).ok());
  EXPECT_TRUE(CheckPeriodTransition(PeriodState::kClosed, PeriodState::kLocked).ok());
  for (PeriodState s : {PeriodState::kOpen, PeriodState::kClosed, PeriodState::kLocked}) {
    EXPECT_TRUE(CheckPeriodTransition(s, s).ok());
  }
}

TEST(CheckPeriodTransition, Refused) {
  EXPECT_TRUE(IsRule(CheckPeriodTransition(PeriodState::kOpen, PeriodState::kLocked),
                     "INVALID_PERIOD_TRANSITION"));
  EXPECT_TRUE(IsRule(CheckPeriodTransition(PeriodState::kLocked, PeriodState::kOpen),
                     "INVALID_PERIOD_TRANSITION"));
  EXPECT_TRUE(IsRule(CheckPeriodTransition(PeriodState::kLocked, PeriodState::kClosed),
                     "INVALID_PERIOD_TRANSITION"));
}

TEST(CheckPeriodChangeable, OnlyALockedPeriodIsFrozen) {
  Period p = ValidPeriod();
  EXPECT_TRUE(CheckPeriodChangeable(p).ok());
  p.state = PeriodState::kClosed;
  EXPECT_TRUE(CheckPeriodChangeable(p).ok());
  p.state = PeriodState::kLocked;
  EXPECT_TRUE(IsRule(CheckPeriodChangeable(p), "PERIOD_LOCKED"));
}

TEST(WithinFillingDeadline, DeadlineIsInclusive) {
  Period p = ValidPeriod();
  EXPECT_TRUE(WithinFillingDeadline(p.filling_deadline, absl::CivilDay(2024, 1, 2), std::nullopt));
  EXPECT_TRUE(WithinFillingDeadline(p.filling_deadline, absl::CivilDay(2024, 1, 31), std::nullopt));
  EXPECT_FALSE(WithinFillingDeadline(p.filling_deadline, absl::CivilDay(2024, 2, 1), std::nullopt));
}

TEST(WithinFillingDeadline, ExtensionCoversUntilInclusive) {
  Period p = ValidPeriod();
  const std::optional<absl::CivilDay> until = absl::CivilDay(2024, 2, 15);
  EXPECT_TRUE(WithinFillingDeadline(p.filling_deadline, absl::CivilDay(2024, 2, 1), until));
  EXPECT_TRUE(WithinFillingDeadline(p.filling_deadline, absl::CivilDay(2024, 2, 15), until));
  EXPECT_FALSE(WithinFillingDeadline(p.filling_deadline, absl::CivilDay(2024, 2, 16), until));
  // An extension never shortens the normal deadline.
  EXPECT_TRUE(WithinFillingDeadline(p.filling_deadline, absl::CivilDay(2024, 1, 20),
                                    std::optional<absl::CivilDay>(absl::CivilDay(2024, 1, 10))));
}

TEST(ValidateExtension, UntilAfterDeadlineAndWithinPeriod) {
  Period p = ValidPeriod();
  DeadlineExtension e{p.id, "emp-1", absl::CivilDay(2024, 2, 15), "sick leave", "hr", {}};
  EXPECT_TRUE(ValidateExtension(p, e).ok());
  e.until = absl::CivilDay(2024, 12, 31);  // the period's last day is fine
  EXPECT_TRUE(ValidateExtension(p, e).ok());
  e.until = p.filling_deadline;
  EXPECT_TRUE(IsInvalid(ValidateExtension(p, e), "until"));
  e.until = absl::CivilDay(2024, 1, 5);
  EXPECT_TRUE(IsInvalid(ValidateExtension(p, e), "until"));
  e.until = absl::CivilDay(2025, 1, 1);
  EXPECT_TRUE(IsInvalid(ValidateExtension(p, e), "until"));
}

TEST(ValidateExtension, ReasonRequiredAndBounded) {
  Period p = ValidPeriod();
  DeadlineExtension e{p.id, "emp-1", absl::CivilDay(2024, 2, 15), "", "hr", {}};
  EXPECT_TRUE(IsInvalid(ValidateExtension(p, e), "reason"));
  e.reason = "   ";
  EXPECT_TRUE(IsInvalid(ValidateExtension(p, e), "reason"));
  e.reason = std::string(1000, 'r');
  EXPECT_TRUE(ValidateExtension(p, e).ok());
  e.reason = std::string(1001, 'r');
  EXPECT_TRUE(IsInvalid(ValidateExtension(p, e), "reason"));
  e.until = absl::CivilDay(2023, 1, 1);
  EXPECT_EQ(Fields(ValidateExtension(p, e)), (std::vector<std::string>{"until", "reason"}));
}

TEST(ClampToPeriod, ClampsToBounds) {
  Period p = ValidPeriod();
  EXPECT_EQ(ClampToPeriod(p, absl::CivilDay(2023, 11, 20)), absl::CivilDay(2024, 1, 1));
  EXPECT_EQ(ClampToPeriod(p, absl::CivilDay(2024, 5, 5)), absl::CivilDay(2024, 5, 5));
  EXPECT_EQ(ClampToPeriod(p, absl::CivilDay(2025, 2, 1)), absl::CivilDay(2024, 12, 31));
}

TEST(ValidatePeriod, MidYearFillingDaysWithinAYear) {
  Period p = ValidPeriod();
  EXPECT_EQ(p.mid_year_filling_days, kDefaultMidYearFillingDays);
  for (int days : {1, 30, 366}) {
    p.mid_year_filling_days = days;
    EXPECT_TRUE(ValidatePeriod(p).ok()) << days;
  }
  for (int days : {0, -1, 367}) {
    p.mid_year_filling_days = days;
    EXPECT_EQ(Fields(ValidatePeriod(p)), (std::vector<std::string>{"mid_year_filling_days"}))
        << days;
  }
}

TEST(CheckCadenceChange, LockedOnceAPlanWasApproved) {
  Period p = ValidPeriod();
  p.cadence = Cadence::kMonthly;
  EXPECT_TRUE(CheckCadenceChange(p, Cadence::kQuarterly, false).ok());
  EXPECT_TRUE(IsRule(CheckCadenceChange(p, Cadence::kQuarterly, true), "CADENCE_LOCKED"));
  // The same cadence is no change.
  EXPECT_TRUE(CheckCadenceChange(p, Cadence::kMonthly, true).ok());
}

}  // namespace
}  // namespace kinerja::goals
