// Predicate derivation (DOMAIN.md "Rating (2022+)"): the performance predicate follows from the
// work results rating and the behaviour rating by a fixed 3x3 matrix; it is never typed in.
//
//   results \ behaviour | below             | as expected     | above
//   above               | Kurang/Misconduct | Baik            | Sangat Baik
//   as expected         | Kurang/Misconduct | Baik            | Baik
//   below               | Sangat Kurang     | Butuh Perbaikan | Butuh Perbaikan
//
// Behaviour below is Kurang/Misconduct (code 4), or Sangat Kurang (5) with results below. (A
// known public integration returns 3 for behaviour-below: this matrix does not.)
#pragma once

#include <array>

#include "absl/status/status.h"
#include "services/review/domain/types.h"

namespace kinerja::review {

// The matrix above.
Predicate DerivePredicate(Rating results, Rating behaviour);

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
