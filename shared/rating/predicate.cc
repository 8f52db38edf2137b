#include "shared/rating/predicate.h"

namespace kinerja::rating {

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

}  // namespace kinerja::rating
