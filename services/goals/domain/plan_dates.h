// The days a plan covers and the dates that follow from them (DOMAIN.md "Planning: SKP": "A plan
// started mid-year (transfer, new hire) covers its own months and gets its own filling deadline
// counted from its start"), and which approved version of a plan applies on a day.
#pragma once

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals {

// The first day of a new plan in `period`:
// - `requested` (CreatePlan's start_date, optional): must lie within the period
//   (INVALID_ARGUMENT "start_date") and not before the employee's start in the position
//   (`position_start`, when known; INVALID_ARGUMENT "start_date");
// - otherwise the later of the period's start and the employee's start in the position (TMT
//   jabatan; a transfer's effective date). A position start after the period's end is
//   FAILED_PRECONDITION "POSITION_STARTS_AFTER_PERIOD".
absl::StatusOr<absl::CivilDay> PlanStartDate(const Period& period,
                                             std::optional<absl::CivilDay> position_start,
                                             std::optional<absl::CivilDay> requested);

// The last day a plan starting on `start` may submit its first version: the period's filling
// deadline for a plan that starts on the period's first day; for a later start, `start` plus the
// period's mid_year_filling_days, but never before the period's deadline (a new hire in the first
// days of the year gets at least what everyone gets) nor after the period's last day.
absl::CivilDay PlanFillingDeadline(const Period& period, absl::CivilDay start);

// The first day the version an approval makes applies: revision 1 from the plan's start, a
// later revision from the day of its approval in Asia/Jakarta (WIB, UTC+7), never before the
// plan's start. `approved` is the plan as approved (approve_time set).
absl::CivilDay ApprovedVersionStart(const Plan& approved);

// Fills effective_from / effective_until of `versions` (one plan's approved versions, any order
// on input, sorted by revision on output): revision 1 from the plan's start (`plan_start`), a
// later revision from the day it was approved (`approve_day` of each, already set in
// effective_from by the store), each until the day before the next version starts, the last one
// until `plan_end`.
void SetEffectiveRanges(std::vector<PlanVersion>& versions, absl::CivilDay plan_start,
                        absl::CivilDay plan_end);

// The version in force on `day` (the latest revision whose range contains it); nullptr when none
// (before the first approval's range, after the plan's end, or no version).
const PlanVersion* VersionInForce(const std::vector<PlanVersion>& versions, absl::CivilDay day);

}  // namespace kinerja::goals
