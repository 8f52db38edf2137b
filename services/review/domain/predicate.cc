#include "services/review/domain/predicate.h"

namespace kinerja::review {

Rating UnitHeadResultsRating(OrgPredicate org, const OrgResultMapping& mapping) {
  return mapping.results[static_cast<size_t>(org) - 1];
}

}  // namespace kinerja::review
