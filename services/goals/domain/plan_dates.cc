#include "services/goals/domain/plan_dates.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"

namespace kinerja::goals {
namespace {

std::string Day(absl::CivilDay day) { return absl::FormatCivilTime(day); }

}  // namespace

absl::StatusOr<absl::CivilDay> PlanStartDate(const Period& period,
                                             std::optional<absl::CivilDay> position_start,
                                             std::optional<absl::CivilDay> requested) {
  if (requested.has_value()) {
    if (*requested < period.start_date || *requested > period.end_date) {
      return errors::InvalidField(
          "start_date",
          absl::StrCat("must lie within period ", period.id, " (", Day(period.start_date), " to ",
                       Day(period.end_date), "), got ", Day(*requested)));
    }
    if (position_start.has_value() && *requested < *position_start) {
      return errors::InvalidField(
          "start_date", absl::StrCat("must not be before the employee's start in the position (",
                                     Day(*position_start), "), got ", Day(*requested)));
    }
    return *requested;
  }
  if (!position_start.has_value() || *position_start <= period.start_date) {
    return period.start_date;
  }
  if (*position_start > period.end_date) {
    return errors::RuleViolation(
        "POSITION_STARTS_AFTER_PERIOD",
        absl::StrCat("the employee starts in the position on ", Day(*position_start),
                     ", after period ", period.id, " ends (", Day(period.end_date), ")"));
  }
  return *position_start;
}

absl::CivilDay PlanFillingDeadline(const Period& period, absl::CivilDay start) {
  if (start <= period.start_date) return period.filling_deadline;
  const absl::CivilDay own = start + period.mid_year_filling_days;
  return std::min(period.end_date, std::max(period.filling_deadline, own));
}

absl::CivilDay ApprovedVersionStart(const Plan& approved) {
  if (approved.revision <= 1 || !approved.approve_time.has_value()) return approved.start_date;
  static const absl::TimeZone kWib = absl::FixedTimeZone(7 * 60 * 60);
  return std::max(approved.start_date, absl::ToCivilDay(*approved.approve_time, kWib));
}

void SetEffectiveRanges(std::vector<PlanVersion>& versions, absl::CivilDay plan_start,
                        absl::CivilDay plan_end) {
  std::sort(versions.begin(), versions.end(),
            [](const PlanVersion& a, const PlanVersion& b) { return a.revision < b.revision; });
  for (size_t i = 0; i < versions.size(); ++i) {
    if (versions[i].revision == 1) versions[i].effective_from = plan_start;
    versions[i].effective_from = std::max(versions[i].effective_from, plan_start);
  }
  for (size_t i = 0; i < versions.size(); ++i) {
    versions[i].effective_until =
        i + 1 < versions.size() ? versions[i + 1].effective_from - 1 : plan_end;
  }
}

const PlanVersion* VersionInForce(const std::vector<PlanVersion>& versions, absl::CivilDay day) {
  const PlanVersion* found = nullptr;
  for (const PlanVersion& v : versions) {
    if (v.effective_from <= day && day <= v.effective_until &&
        (found == nullptr || v.revision > found->revision)) {
      found = &v;
    }
  }
  return found;
}

}  // namespace kinerja::goals
