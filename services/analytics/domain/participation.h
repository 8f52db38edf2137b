// Participation against the deadlines (the seeds: indicators and targets set in advance,
// periodic assessment): which windows of a plan are due as of a day, and what is late.
//  - A plan's windows are calendar months (MONTHLY cadence) or quarters (QUARTERLY: Jan-Mar,
//    Apr-Jun, Jul-Sep, Oct-Dec) clipped to the plan's days (start_date..end_date; a closed plan
//    ends on its last day in the position). Index: month 1..12 or quarter 1..4.
//  - A window is due as of a day when its (clipped) last day plus the agency's realisation grace
//    days is before that day: its realisations and its periodic assessment should exist. The due
//    date is last day + grace; days late = as_of - due date.
//  - A plan's filling deadline is its own (goals: the period's, or the mid-year start's) or the
//    employee's extension when later. It is overdue as of a day after the deadline while not
//    approved (and not closed); approved on time when first approved (Asia/Jakarta day) no later
//    than the deadline.
//  - The annual assessment is due once the plan's last day is before as_of; it is late once
//    that day plus annual_due_days (ReportSettings, default 31) is before as_of.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"

namespace kinerja::analytics {

enum class Cadence { kMonthly, kQuarterly };

// "MONTHLY" / "QUARTERLY" (also with the "CADENCE_" prefix); nullopt for other names.
std::optional<Cadence> CadenceOf(std::string_view name);

struct PlanWindow {
  int index = 0;
  absl::CivilDay first = {};
  absl::CivilDay last = {};
  absl::CivilDay due = {};  // last + grace days
  friend bool operator==(const PlanWindow&, const PlanWindow&) = default;
};

// Every window of a plan covering start..end (inclusive), in order; none when end < start.
std::vector<PlanWindow> PlanWindows(Cadence cadence, absl::CivilDay start, absl::CivilDay end,
                                    int grace_days);

// The windows among PlanWindows that are due as of `as_of` (due < as_of).
std::vector<PlanWindow> DueWindows(Cadence cadence, absl::CivilDay start, absl::CivilDay end,
                                   int grace_days, absl::CivilDay as_of);

// The later of the plan's deadline and an extension.
absl::CivilDay EffectiveDeadline(absl::CivilDay plan_deadline,
                                 std::optional<absl::CivilDay> extension);

// Not approved after the deadline: deadline < as_of.
bool IsPlanOverdue(absl::CivilDay deadline, bool approved, bool closed, absl::CivilDay as_of);

enum class LateKind { kPlanNotApproved, kRealisationMissing, kAssessmentNotFinalised };

struct Lateness {
  LateKind kind = LateKind::kPlanNotApproved;
  absl::CivilDay due = {};
  int days_late = 0;
  int missing = 0;       // realisations missing in the window
  int window_index = 0;  // 0: the plan, or the annual assessment
  friend bool operator==(const Lateness&, const Lateness&) = default;
};

// An approved plan's progress as the read model holds it.
struct PlanProgress {
  Cadence cadence = Cadence::kMonthly;
  absl::CivilDay start = {};
  absl::CivilDay end = {};
  int grace_days = 0;
  // The day each indicator of the approved content is due from: nullopt for the first approved
  // content (the plan's start), the approval day of the revision that added it otherwise. An
  // indicator is due in the windows ending on or after that day.
  std::vector<std::optional<absl::CivilDay>> indicators_due_from = {};
  std::map<int, int> filed_by_window = {};  // realisations filed (distinct indicators) per window
  std::set<int> periodic_finalised = {};    // windows with a finalised periodic assessment
  bool annual_finalised = false;
};

// The indicators due in window `w`: those due from a day no later than its last day.
int IndicatorsDueIn(const std::vector<std::optional<absl::CivilDay>>& due_from,
                    const PlanWindow& w);

// What is late in an approved plan as of `as_of`: per due window with fewer realisations than
// indicators due in it, REALISATION_MISSING (missing = the difference); per due window without a
// finalised periodic assessment, ASSESSMENT_NOT_FINALISED; the annual assessment once late. In
// window order, the annual last.
std::vector<Lateness> LateItemsOfPlan(const PlanProgress& plan, absl::CivilDay as_of,
                                      int annual_due_days);

// A plan not approved after its deadline, as a late item (days late from the deadline).
Lateness PlanNotApproved(absl::CivilDay deadline, absl::CivilDay as_of);

}  // namespace kinerja::analytics
