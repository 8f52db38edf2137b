// Assessment windows (DOMAIN.md "Execution and periodic assessment": monthly or quarterly
// periodic assessment; "Planning: SKP": a plan started mid-year covers its own months).
// - Monthly windows are calendar months; quarterly windows are Jan-Mar, Apr-Jun, Jul-Sep,
//   Oct-Dec. Each is clipped to the plan's days (a transfer or new hire starts mid-year; a plan
//   closed by a transfer ends early); windows with no plan day are left out.
// - The export months (SIASN bulanMulaiPenilaian / bulanSelesaiPenilaian) are those of the
//   clipped days: a quarter Jan-Mar of a plan starting 15 Feb reports months 2..3.
// - An annual assessment covers the plan's own days in the year (AnnualWindow), months
//   month_start..month_end of the clipped span.
// - A window closes `grace_days` after its (clipped) last day: a choice, not regulation (default
//   5). After that, realisations and the assessor's indicator feedback for it are refused
//   ("WINDOW_CLOSED") unless HR reopened the window (an input flag).
#pragma once

#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/review/domain/types.h"

namespace kinerja::review {

struct WindowPolicy {
  int grace_days = 5;  // a choice (not in DOMAIN.md), configurable per agency: 0..366
};

// INVALID_ARGUMENT "window_policy.grace_days" outside 0..366.
absl::Status ValidateWindowPolicy(const WindowPolicy& policy);

// The periodic windows of a plan covering plan_start..plan_end (inclusive) in `year`, in order.
// INVALID_ARGUMENT "plan_end" when plan_end < plan_start, "year" when the plan has no day in
// that year.
absl::StatusOr<std::vector<Window>> PeriodicWindows(Cadence cadence, absl::CivilDay plan_start,
                                                    absl::CivilDay plan_end, int year);

// The annual assessment's span: the plan's days in `year` (index 0). Same errors as
// PeriodicWindows.
absl::StatusOr<Window> AnnualWindow(absl::CivilDay plan_start, absl::CivilDay plan_end, int year);

// The window containing `day`, if any.
std::optional<Window> WindowOf(const std::vector<Window>& windows, absl::CivilDay day);

// The last day entries for `window` are accepted: its last day plus policy.grace_days.
absl::CivilDay WindowCloseDate(const Window& window, const WindowPolicy& policy = {});

// Entries (realisations, indicator feedback) for `window` on `today`: refused before the window
// starts ("WINDOW_NOT_STARTED") and after its close date ("WINDOW_CLOSED") unless
// `reopened_by_hr`. INVALID_ARGUMENT for an invalid policy.
absl::Status CheckWindowOpen(const Window& window, absl::CivilDay today,
                             const WindowPolicy& policy = {}, bool reopened_by_hr = false);

}  // namespace kinerja::review
