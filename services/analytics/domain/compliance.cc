#include "services/analytics/domain/compliance.h"

#include <algorithm>
#include <cstdint>

namespace kinerja::analytics {

std::optional<BandBound> BoundOfRule(std::string_view rule_name) {
  constexpr std::string_view kAtMost = "_AT_MOST ";
  constexpr std::string_view kAtLeast = "_AT_LEAST ";
  const bool percent = !rule_name.empty() && rule_name.back() == '%';
  if (rule_name.find(kAtMost) != std::string_view::npos) {
    if (!percent) return std::nullopt;
    return BandBound::kAtMostPercent;
  }
  if (rule_name.find(kAtLeast) != std::string_view::npos) {
    return percent ? BandBound::kAtLeastPercent : BandBound::kAtLeastCount;
  }
  return std::nullopt;
}

BandExcess ExcessOf(const BandCheck& check) {
  if (check.unit_staff <= 0) return {};
  const int64_t staff = check.unit_staff;
  const int64_t limit = check.limit;
  const double staff_d = static_cast<double>(staff);
  BandExcess excess;
  switch (check.bound) {
    case BandBound::kAtMostPercent: {
      const int64_t allowed = limit * staff / 100;  // floor: the most staff the rule allows
      if (check.count * int64_t{100} <= limit * staff) return {};
      excess.excess_staff = static_cast<int>(check.count - allowed);
      excess.excess_percent = 100.0 * check.count / staff_d - static_cast<double>(limit);
      break;
    }
    case BandBound::kAtLeastPercent: {
      const int64_t reachable = int64_t{check.count} + check.pending;
      if (reachable * 100 >= limit * staff) return {};
      const int64_t needed = (limit * staff + 99) / 100;  // ceil
      excess.excess_staff = static_cast<int>(needed - reachable);
      excess.excess_percent = static_cast<double>(limit) - 100.0 * reachable / staff_d;
      break;
    }
    case BandBound::kAtLeastCount: {
      const int64_t reachable = int64_t{check.count} + check.pending;
      if (reachable >= limit) return {};
      excess.excess_staff = static_cast<int>(limit - reachable);
      excess.excess_percent = 100.0 * excess.excess_staff / staff_d;
      break;
    }
  }
  return excess;
}

int UnitExcessStaff(const std::vector<BandExcess>& violations) {
  int most = 0;
  for (const BandExcess& v : violations) most = std::max(most, v.excess_staff);
  return most;
}

}  // namespace kinerja::analytics
