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

#include "shared/rating/rating.h"

namespace kinerja::rating {

// The matrix above.
Predicate DerivePredicate(Rating results, Rating behaviour);

}  // namespace kinerja::rating
