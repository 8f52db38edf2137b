// A unit's compliance with the distribution bands of its organisation predicate, as analytics
// reports it: the same bands and the same arithmetic as the review service applies when an
// assessment is finalised (shared/rating/distribution.h), plus by how much each broken band is
// broken.
//
// By how much (a choice, see README.md):
//  - "at most p %":  excess_staff = count - floor(p * staff / 100), the fewest staff whose
//    predicate would have to be another one; excess_percent = share - p.
//  - "at least p %": excess_staff = ceil(p * staff / 100) - (count + pending), the fewest staff
//    who would need that predicate; excess_percent = p - (count + pending) * 100 / staff.
//  - "at least N":   excess_staff = N - (count + pending); excess_percent = 0.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "shared/rating/distribution.h"

namespace kinerja::analytics {

struct BandExcess {
  std::string rule;
  int count = 0;
  int pending = 0;
  int unit_staff = 0;
  double actual_percent = 0.0;
  int limit = 0;
  double excess_percent = 0.0;
  int excess_staff = 0;
};

struct UnitComplianceResult {
  std::vector<BandExcess> violations;
  bool skipped_small_unit = false;
  // The largest excess_staff of the violations (0 when none): the report's order.
  int excess_staff = 0;
};

// `unit_staff` below the finalised total (a plan not seen yet) is raised to it.
absl::StatusOr<UnitComplianceResult> EvaluateCompliance(
    rating::OrgPredicate org, const rating::PredicateCounts& finalised, int unit_staff,
    const rating::DistributionPolicy& policy = {});

}  // namespace kinerja::analytics
