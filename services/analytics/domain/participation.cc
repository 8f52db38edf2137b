#include "services/analytics/domain/participation.h"

#include <algorithm>

namespace kinerja::analytics {
namespace {

// The first month of the window containing `month` and the window's index.
int WindowFirstMonth(Cadence cadence, int month) {
  return cadence == Cadence::kMonthly ? month : ((month - 1) / 3) * 3 + 1;
}
int WindowIndex(Cadence cadence, int month) {
  return cadence == Cadence::kMonthly ? month : (month - 1) / 3 + 1;
}

}  // namespace

std::optional<Cadence> CadenceOf(std::string_view name) {
  constexpr std::string_view kPrefix = "CADENCE_";
  if (name.substr(0, kPrefix.size()) == kPrefix) name.remove_prefix(kPrefix.size());
  if (name == "MONTHLY") return Cadence::kMonthly;
  if (name == "QUARTERLY") return Cadence::kQuarterly;
  return std::nullopt;
}

std::vector<PlanWindow> PlanWindows(Cadence cadence, absl::CivilDay start, absl::CivilDay end,
                                    int grace_days) {
  std::vector<PlanWindow> windows;
  if (end < start) return windows;
  const int months = cadence == Cadence::kMonthly ? 1 : 3;
  absl::CivilMonth window_start(start.year(), WindowFirstMonth(cadence, start.month()));
  while (absl::CivilDay(window_start) <= end) {
    const absl::CivilMonth next = window_start + months;
    PlanWindow w;
    w.index = WindowIndex(cadence, window_start.month());
    w.first = std::max(absl::CivilDay(window_start), start);
    w.last = std::min(absl::CivilDay(next) - 1, end);
    w.due = w.last + grace_days;
    windows.push_back(w);
    window_start = next;
  }
  return windows;
}

std::vector<PlanWindow> DueWindows(Cadence cadence, absl::CivilDay start, absl::CivilDay end,
                                   int grace_days, absl::CivilDay as_of) {
  std::vector<PlanWindow> due;
  for (const PlanWindow& w : PlanWindows(cadence, start, end, grace_days)) {
    if (w.due < as_of) due.push_back(w);
  }
  return due;
}

absl::CivilDay EffectiveDeadline(absl::CivilDay plan_deadline,
                                 std::optional<absl::CivilDay> extension) {
  return extension.has_value() ? std::max(plan_deadline, *extension) : plan_deadline;
}

bool IsPlanOverdue(absl::CivilDay deadline, bool approved, bool closed, absl::CivilDay as_of) {
  return !approved && !closed && deadline < as_of;
}

Lateness PlanNotApproved(absl::CivilDay deadline, absl::CivilDay as_of) {
  return Lateness{.kind = LateKind::kPlanNotApproved,
                  .due = deadline,
                  .days_late = static_cast<int>(as_of - deadline)};
}

int IndicatorsDueIn(const std::vector<std::optional<absl::CivilDay>>& due_from,
                    const PlanWindow& w) {
  return static_cast<int>(
      std::count_if(due_from.begin(), due_from.end(),
                    [&](const std::optional<absl::CivilDay>& d) { return !d || *d <= w.last; }));
}

std::vector<Lateness> LateItemsOfPlan(const PlanProgress& plan, absl::CivilDay as_of,
                                      int annual_due_days) {
  std::vector<Lateness> late;
  for (const PlanWindow& w :
       DueWindows(plan.cadence, plan.start, plan.end, plan.grace_days, as_of)) {
    const int days_late = static_cast<int>(as_of - w.due);
    auto filed = plan.filed_by_window.find(w.index);
    const int missing = IndicatorsDueIn(plan.indicators_due_from, w) -
                        (filed == plan.filed_by_window.end() ? 0 : filed->second);
    if (missing > 0) {
      late.push_back(Lateness{.kind = LateKind::kRealisationMissing,
                              .due = w.due,
                              .days_late = days_late,
                              .missing = missing,
                              .window_index = w.index});
    }
    if (!plan.periodic_finalised.contains(w.index)) {
      late.push_back(Lateness{.kind = LateKind::kAssessmentNotFinalised,
                              .due = w.due,
                              .days_late = days_late,
                              .window_index = w.index});
    }
  }
  const absl::CivilDay annual_due = plan.end + annual_due_days;
  if (!plan.annual_finalised && annual_due < as_of) {
    late.push_back(Lateness{.kind = LateKind::kAssessmentNotFinalised,
                            .due = annual_due,
                            .days_late = static_cast<int>(as_of - annual_due)});
  }
  return late;
}

}  // namespace kinerja::analytics
