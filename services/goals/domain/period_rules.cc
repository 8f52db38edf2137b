#include "services/goals/domain/period_rules.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/goals/domain/names.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::goals {
namespace {

constexpr size_t kMaxAgencyIdBytes = 64;
constexpr size_t kMaxPeriodNameBytes = 200;
constexpr size_t kMaxExtensionReasonBytes = 1000;
constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;

std::string Day(absl::CivilDay day) { return absl::FormatCivilTime(day); }

}  // namespace

absl::Status ValidatePeriod(const Period& period) {
  std::vector<errors::FieldViolation> violations;
  if (IsBlank(period.agency_id)) {
    violations.push_back({"agency_id", "required"});
  } else if (period.agency_id.size() > kMaxAgencyIdBytes) {
    violations.push_back(
        {"agency_id", absl::StrCat("must be at most ", kMaxAgencyIdBytes, " bytes")});
  }
  const bool year_ok = period.year >= kMinYear && period.year <= kMaxYear;
  if (!year_ok) {
    violations.push_back({"year", absl::StrCat("must be between ", kMinYear, " and ", kMaxYear,
                                               ", got ", period.year)});
  }
  if (period.name.size() > kMaxPeriodNameBytes) {
    violations.push_back({"name", absl::StrCat("must be at most ", kMaxPeriodNameBytes, " bytes")});
  }
  // Dates are only checked against the year when the year itself is sensible.
  if (year_ok && period.start_date.year() != period.year) {
    violations.push_back({"start_date", absl::StrCat("must be within year ", period.year, ", got ",
                                                     Day(period.start_date))});
  }
  if (year_ok && period.end_date.year() != period.year) {
    violations.push_back({"end_date", absl::StrCat("must be within year ", period.year, ", got ",
                                                   Day(period.end_date))});
  }
  const bool range_ok = period.start_date <= period.end_date;
  if (!range_ok) {
    violations.push_back(
        {"end_date", absl::StrCat("must not be before start_date ", Day(period.start_date))});
  }
  if (range_ok &&
      (period.filling_deadline < period.start_date || period.filling_deadline > period.end_date)) {
    violations.push_back(
        {"filling_deadline",
         absl::StrCat("must be within the period ", Day(period.start_date), "..",
                      Day(period.end_date), ", got ", Day(period.filling_deadline))});
  }
  if (period.mid_year_filling_days < kMinMidYearFillingDays ||
      period.mid_year_filling_days > kMaxMidYearFillingDays) {
    violations.push_back(
        {"mid_year_filling_days",
         absl::StrCat("must be between ", kMinMidYearFillingDays, " and ", kMaxMidYearFillingDays,
                      " days, got ", period.mid_year_filling_days)});
  }
  if (violations.empty()) return absl::OkStatus();
  return errors::InvalidFields(violations);
}

absl::Status CheckCadenceChange(const Period& period, Cadence next, bool any_plan_approved) {
  if (next == period.cadence || !any_plan_approved) return absl::OkStatus();
  return errors::RuleViolation(
      "CADENCE_LOCKED",
      absl::StrCat("period ", period.id, " has approved plans: its cadence stays ",
                   ToAbsl(CadenceName(period.cadence))));
}

absl::Status CheckPeriodTransition(PeriodState from, PeriodState to) {
  if (from == to) return absl::OkStatus();
  const bool allowed = (from == PeriodState::kOpen && to == PeriodState::kClosed) ||
                       (from == PeriodState::kClosed && to == PeriodState::kOpen) ||
                       (from == PeriodState::kClosed && to == PeriodState::kLocked);
  if (allowed) return absl::OkStatus();
  return errors::RuleViolation(
      "INVALID_PERIOD_TRANSITION",
      absl::StrCat("a period cannot go from ", ToAbsl(PeriodStateName(from)), " to ",
                   ToAbsl(PeriodStateName(to)),
                   (from == PeriodState::kLocked ? ": a locked period is final" : "")));
}

bool WithinFillingDeadline(absl::CivilDay deadline, absl::CivilDay today,
                           const std::optional<absl::CivilDay>& extension_until) {
  if (today <= deadline) return true;
  return extension_until.has_value() && today <= *extension_until;
}

absl::Status ValidateExtension(const Period& period, const DeadlineExtension& extension) {
  std::vector<errors::FieldViolation> violations;
  if (extension.until <= period.filling_deadline) {
    violations.push_back({"until", absl::StrCat("must be after the filling deadline ",
                                                Day(period.filling_deadline))});
  } else if (extension.until > period.end_date) {
    violations.push_back(
        {"until", absl::StrCat("must not be after the period's end ", Day(period.end_date))});
  }
  if (IsBlank(extension.reason)) {
    violations.push_back({"reason", "required"});
  } else if (extension.reason.size() > kMaxExtensionReasonBytes) {
    violations.push_back(
        {"reason", absl::StrCat("must be at most ", kMaxExtensionReasonBytes, " bytes")});
  }
  if (violations.empty()) return absl::OkStatus();
  return errors::InvalidFields(violations);
}

absl::CivilDay ClampToPeriod(const Period& period, absl::CivilDay today) {
  if (today < period.start_date) return period.start_date;
  if (today > period.end_date) return period.end_date;
  return today;
}

absl::Status CheckPeriodChangeable(const Period& period) {
  if (period.state != PeriodState::kLocked) return absl::OkStatus();
  return errors::RuleViolation(
      "PERIOD_LOCKED", absl::StrCat("period ", ToAbsl(period.id), " is locked; nothing changes"));
}

}  // namespace kinerja::goals
