#include "services/analytics/domain/indicator_health.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"

namespace kinerja::analytics {

absl::StatusOr<IndicatorHealthSettings> IndicatorHealthSettingsOf(double far_above_ratio,
                                                                  int min_windows) {
  std::vector<errors::FieldViolation> violations;
  IndicatorHealthSettings settings;
  if (far_above_ratio != 0) {
    if (!std::isfinite(far_above_ratio) || far_above_ratio < 1.0) {
      violations.push_back(
          {"far_above_ratio",
           absl::StrCat("must be at least 1 (0: the default 1.5), got ", far_above_ratio)});
    } else {
      settings.far_above_ratio = far_above_ratio;
    }
  }
  if (min_windows < 0) {
    violations.push_back(
        {"min_windows", absl::StrCat("must be at least 1 (0: the default 3), got ", min_windows)});
  } else if (min_windows > 0) {
    settings.min_windows = min_windows;
  }
  if (!violations.empty()) return errors::InvalidFields(violations);
  return settings;
}

std::optional<double> Achievement(const IndicatorTarget& target, double realisation) {
  if (!std::isfinite(realisation)) return std::nullopt;
  double achievement = 0;
  if (target.lower_is_better) {
    if (!(target.target_min > 0)) return std::nullopt;
    if (realisation <= 0) return kMaxAchievement;
    achievement = target.target_min / realisation;
  } else {
    if (!(target.target_max > 0)) return std::nullopt;
    achievement = realisation / target.target_max;
  }
  return std::clamp(achievement, -kMaxAchievement, kMaxAchievement);
}

std::optional<IndicatorClass> ClassifyIndicator(const IndicatorTarget& target,
                                                const IndicatorWindows& windows,
                                                const IndicatorHealthSettings& settings) {
  if (windows.windows <= 0) return std::nullopt;
  std::optional<double> at_min = Achievement(target, windows.min_value);
  std::optional<double> at_max = Achievement(target, windows.max_value);
  if (!at_min.has_value() || !at_max.has_value()) return std::nullopt;
  IndicatorClass result;
  result.min_achievement = std::min(*at_min, *at_max);
  result.max_achievement = std::max(*at_min, *at_max);
  if (windows.windows < settings.min_windows) return result;
  result.always_far_above = result.min_achievement >= settings.far_above_ratio;
  // Never reached: the best window still misses the target.
  result.never_reached = target.lower_is_better ? windows.min_value > target.target_max
                                                : windows.max_value < target.target_min;
  return result;
}

}  // namespace kinerja::analytics
