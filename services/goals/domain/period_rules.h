// Rules of annual periods (DOMAIN.md "Planning: SKP": an annual period set at the start of the
// year with a filling deadline, batas pengisian).
#pragma once

#include "absl/status/status.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals {

// A period to be created or as changed by an update. INVALID_ARGUMENT listing every violation,
// fields named as in the API without prefix: "agency_id" (required, <= 64 bytes), "year"
// (2000..2100), "name" (<= 200 bytes; may be empty: the store then names it "SKP <year>"),
// "start_date" / "end_date" (start <= end, both within `year`), "filling_deadline" (within
// start..end), "mid_year_filling_days" (kMinMidYearFillingDays..kMaxMidYearFillingDays).
absl::Status ValidatePeriod(const Period& period);

// The days a plan started mid-period has to be submitted (Period::mid_year_filling_days).
inline constexpr int kDefaultMidYearFillingDays = 30;
inline constexpr int kMinMidYearFillingDays = 1;
inline constexpr int kMaxMidYearFillingDays = 366;

// Changing a period's cadence from `period.cadence` to `next`: refused once any plan of the
// period has had a version approved (`any_plan_approved`), since realisations are then planned
// per month or quarter (FAILED_PRECONDITION "CADENCE_LOCKED"). The same cadence is no change.
absl::Status CheckCadenceChange(const Period& period, Cadence next, bool any_plan_approved);

// OPEN -> CLOSED, CLOSED -> OPEN, CLOSED -> LOCKED; the same state is a no-op (OK). Anything
// else FAILED_PRECONDITION reason "INVALID_PERIOD_TRANSITION".
absl::Status CheckPeriodTransition(PeriodState from, PeriodState to);

// Changing a period's settings or granting extensions: anything but LOCKED
// (FAILED_PRECONDITION "PERIOD_LOCKED": a locked period never changes again).
absl::Status CheckPeriodChangeable(const Period& period);

// Whether a first version submitted on `today` is on time: today <= `deadline` (the plan's
// filling deadline, PlanFillingDeadline), or an extension's until date (inclusive) covers today.
bool WithinFillingDeadline(absl::CivilDay deadline, absl::CivilDay today,
                           const std::optional<absl::CivilDay>& extension_until);

// An extension: until must be after the period's filling deadline and not after its end_date
// ("until"); reason required, <= 1000 bytes ("reason"). INVALID_ARGUMENT listing violations.
absl::Status ValidateExtension(const Period& period, const DeadlineExtension& extension);

// The date within the period closest to `today` (the date a plan's reporting line is taken).
absl::CivilDay ClampToPeriod(const Period& period, absl::CivilDay today);

}  // namespace kinerja::goals
