#include "services/review/domain/windows.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"

namespace kinerja::review {
namespace {

std::string Day(absl::CivilDay day) { return absl::FormatCivilTime(day); }

// The plan's days within `year`, or an error.
absl::StatusOr<std::pair<absl::CivilDay, absl::CivilDay>> PlanDaysIn(absl::CivilDay plan_start,
                                                                     absl::CivilDay plan_end,
                                                                     int year) {
  if (plan_end < plan_start) {
    return errors::InvalidField(
        "plan_end",
        absl::StrCat("must not be before plan_start (", Day(plan_start), "), got ", Day(plan_end)));
  }
  const absl::CivilDay year_first(year, 1, 1);
  const absl::CivilDay year_last(year, 12, 31);
  if (year < 1900 || year > 9999 || plan_end < year_first || plan_start > year_last) {
    return errors::InvalidField("year", absl::StrCat("the plan (", Day(plan_start), " to ",
                                                     Day(plan_end), ") has no day in year ", year));
  }
  return std::make_pair(std::max(plan_start, year_first), std::min(plan_end, year_last));
}

Window Clipped(int year, int index, absl::CivilDay first, absl::CivilDay last, absl::CivilDay from,
               absl::CivilDay until) {
  Window w;
  w.year = year;
  w.index = index;
  w.first = std::max(first, from);
  w.last = std::min(last, until);
  w.month_start = w.first.month();
  w.month_end = w.last.month();
  return w;
}

}  // namespace

absl::Status ValidateWindowPolicy(const WindowPolicy& policy) {
  if (policy.grace_days < 0 || policy.grace_days > 366) {
    return errors::InvalidField("window_policy.grace_days",
                                absl::StrCat("must be 0..366, got ", policy.grace_days));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Window>> PeriodicWindows(Cadence cadence, absl::CivilDay plan_start,
                                                    absl::CivilDay plan_end, int year) {
  ASSIGN_OR_RETURN(auto days, PlanDaysIn(plan_start, plan_end, year));
  const int months_per_window = cadence == Cadence::kQuarterly ? 3 : 1;
  std::vector<Window> windows;
  for (int month = 1, index = 1; month <= 12; month += months_per_window, ++index) {
    const absl::CivilDay first(year, month, 1);
    const absl::CivilDay last =
        absl::CivilDay(absl::CivilMonth(year, month) + months_per_window) - 1;
    if (last < days.first || first > days.second) continue;
    windows.push_back(Clipped(year, index, first, last, days.first, days.second));
  }
  return windows;
}

absl::StatusOr<Window> AnnualWindow(absl::CivilDay plan_start, absl::CivilDay plan_end, int year) {
  ASSIGN_OR_RETURN(auto days, PlanDaysIn(plan_start, plan_end, year));
  return Clipped(year, 0, days.first, days.second, days.first, days.second);
}

std::optional<Window> WindowOf(const std::vector<Window>& windows, absl::CivilDay day) {
  for (const Window& w : windows) {
    if (w.first <= day && day <= w.last) return w;
  }
  return std::nullopt;
}

absl::CivilDay WindowCloseDate(const Window& window, const WindowPolicy& policy) {
  return window.last + policy.grace_days;
}

absl::Status CheckWindowOpen(const Window& window, absl::CivilDay today, const WindowPolicy& policy,
                             bool reopened_by_hr) {
  RETURN_IF_ERROR(ValidateWindowPolicy(policy));
  if (today < window.first) {
    return errors::RuleViolation(
        "WINDOW_NOT_STARTED", absl::StrCat("the window ", Day(window.first), " to ",
                                           Day(window.last), " has not started on ", Day(today)));
  }
  const absl::CivilDay close = WindowCloseDate(window, policy);
  if (today > close && !reopened_by_hr) {
    return errors::RuleViolation(
        "WINDOW_CLOSED", absl::StrCat("the window ", Day(window.first), " to ", Day(window.last),
                                      " closed on ", Day(close), " (", policy.grace_days,
                                      " days after its end); HR may reopen it"));
  }
  return absl::OkStatus();
}

}  // namespace kinerja::review
