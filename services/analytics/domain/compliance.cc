#include "services/analytics/domain/compliance.h"

#include <algorithm>

namespace kinerja::analytics {
namespace {

int CeilDiv(int a, int b) { return (a + b - 1) / b; }

BandExcess ExcessOf(const rating::DistributionViolation& v) {
  BandExcess e{.rule = v.rule,
               .count = v.count,
               .pending = v.pending,
               .unit_staff = v.unit_staff,
               .actual_percent = v.actual_percent,
               .limit = v.limit};
  const int staff = std::max(1, v.unit_staff);
  switch (v.definition.bound) {
    case rating::BoundKind::kAtMostPercent:
      e.excess_staff = v.count - (v.limit * v.unit_staff) / 100;
      e.excess_percent = v.actual_percent - v.limit;
      break;
    case rating::BoundKind::kAtLeastPercent:
      e.excess_staff = CeilDiv(v.limit * v.unit_staff, 100) - (v.count + v.pending);
      e.excess_percent = v.limit - 100.0 * (v.count + v.pending) / staff;
      break;
    case rating::BoundKind::kAtLeastCount:
      e.excess_staff = v.limit - (v.count + v.pending);
      e.excess_percent = 0.0;
      break;
  }
  e.excess_staff = std::max(e.excess_staff, 0);
  return e;
}

}  // namespace

absl::StatusOr<UnitComplianceResult> EvaluateCompliance(rating::OrgPredicate org,
                                                        const rating::PredicateCounts& finalised,
                                                        int unit_staff,
                                                        const rating::DistributionPolicy& policy) {
  rating::DistributionInput input{
      .org = org, .finalised = finalised, .unit_staff = std::max(unit_staff, finalised.Total())};
  absl::StatusOr<rating::DistributionResult> checked = rating::CheckDistribution(input, policy);
  if (!checked.ok()) return checked.status();
  UnitComplianceResult result;
  result.skipped_small_unit = checked->skipped_small_unit;
  for (const rating::DistributionViolation& v : checked->violations) {
    result.violations.push_back(ExcessOf(v));
    result.excess_staff = std::max(result.excess_staff, result.violations.back().excess_staff);
  }
  return result;
}

}  // namespace kinerja::analytics
