#include "services/review/domain/predicate.h"

namespace kinerja::review {

Predicate DerivePredicate(Rating results, Rating behaviour) {
  if (behaviour == Rating::kBelow) {
    return results == Rating::kBelow ? Predicate::kSangatKurang : Predicate::kKurang;
  }
  switch (results) {
    case Rating::kAbove:
      return behaviour == Rating::kAbove ? Predicate::kSangatBaik : Predicate::kBaik;
    case Rating::kAsExpected:
      return Predicate::kBaik;
    case Rating::kBelow:
      return Predicate::kButuhPerbaikan;
  }
  return Predicate::kButuhPerbaikan;  // unreachable for valid enum values
}

Rating UnitHeadResultsRating(OrgPredicate org, const OrgResultMapping& mapping) {
  return mapping.results[static_cast<size_t>(org) - 1];
}

}  // namespace kinerja::review
