// Indicator health (the seeds: revise indicators that prove irrelevant): indicators whose target
// is always far exceeded (set too low) or never reached (set too high, or the wrong measure).
// Per indicator of a plan, over the windows with a numeric realisation (the last realisation of
// each window):
//  - achievement of a window, as a share of the target (1.0 = on target):
//      higher is better: realisation / target_max;
//      lower is better:  target_min / realisation (a realisation of 0 or less: the cap);
//    capped at kMaxAchievement (100x the target) so one absurd value cannot dominate a report.
//  - ALWAYS FAR ABOVE: achievement >= far_above_ratio (default 1.5) in every window;
//  - NEVER REACHED: below target in every window: realisation < target_min when higher is
//    better, realisation > target_max when lower is better (for the usual single-value target,
//    min = max, this is achievement < 1.0 in every window);
//  - only with at least min_windows such windows (default 3); an indicator whose reference
//    target is not positive (target_max for higher is better, target_min for lower) cannot be
//    compared and is never a finding.
#pragma once

#include <optional>

#include "absl/status/statusor.h"

namespace kinerja::analytics {

inline constexpr double kMaxAchievement = 100.0;

struct IndicatorHealthSettings {
  double far_above_ratio = 1.5;
  int min_windows = 3;
};

// The settings of a request: 0 -> the defaults; INVALID_ARGUMENT "far_above_ratio" (below 1, or
// not finite) / "min_windows" (negative).
absl::StatusOr<IndicatorHealthSettings> IndicatorHealthSettingsOf(double far_above_ratio,
                                                                  int min_windows);

struct IndicatorTarget {
  double target_min = 0;
  double target_max = 0;
  bool lower_is_better = false;
};

// One window's achievement; nullopt when the target cannot be compared.
std::optional<double> Achievement(const IndicatorTarget& target, double realisation);

// An indicator's windows, as the store aggregates them: how many windows have a numeric
// realisation, and the lowest and highest of those realisations.
struct IndicatorWindows {
  int windows = 0;
  double min_value = 0;
  double max_value = 0;
};

struct IndicatorClass {
  double min_achievement = 0;
  double max_achievement = 0;
  bool always_far_above = false;
  bool never_reached = false;
};

// nullopt when the target cannot be compared or there is no window. (Achievement is monotonic
// in the realisation, so the extremes of the realisations give those of the achievements.)
std::optional<IndicatorClass> ClassifyIndicator(const IndicatorTarget& target,
                                                const IndicatorWindows& windows,
                                                const IndicatorHealthSettings& settings);

}  // namespace kinerja::analytics
