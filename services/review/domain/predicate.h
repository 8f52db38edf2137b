// Unit heads' results (DOMAIN.md "Organisation predicate first"). The predicate matrix itself is
// shared (shared/rating/predicate.h); DerivePredicate is named here for the review rules.
#pragma once

#include <array>

#include "services/review/domain/types.h"
#include "shared/rating/predicate.h"

namespace kinerja::review {

using rating::DerivePredicate;

// A unit head's results rating equals the unit's result (DOMAIN.md "Organisation predicate
// first"). How an organisation predicate maps to a results rating is not in DOMAIN.md: it is a
// choice, configurable per agency. Defaults: Istimewa -> above, Baik -> as expected, Butuh
// Perbaikan / Kurang / Sangat Kurang -> below.
struct OrgResultMapping {
  // Indexed by OrgPredicate value - 1 (Istimewa first).
  std::array<Rating, 5> results = {Rating::kAbove, Rating::kAsExpected, Rating::kBelow,
                                   Rating::kBelow, Rating::kBelow};
};

// The results rating of the head of a unit whose organisation predicate is `org`.
Rating UnitHeadResultsRating(OrgPredicate org, const OrgResultMapping& mapping = {});

}  // namespace kinerja::review
