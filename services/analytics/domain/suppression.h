// Small-group suppression of the public transparency report (k-anonymity): no published number
// may let anyone single out a person.
//  - A group with fewer than k finalised assessments is suppressed (its counts are not shown).
//  - When exactly one group under a published total is suppressed, its counts would follow from
//    the total minus the published groups: the next smallest published group is suppressed with
//    it (ties: the first in the given order).
//  - The total itself is suppressed when it is under k; then no group needs a companion, since
//    nothing can be subtracted from an unpublished total. (Every group is then under k too, so
//    every group is suppressed anyway.)
// Groups with no finalised assessment are not listed by the report at all (a zero group is not a
// person), so they play no part here.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"

namespace kinerja::analytics {

// The default k of the transparency report (ReportSettings.public_min_group_size).
inline constexpr int kDefaultMinGroupSize = 5;

struct Suppression {
  std::vector<bool> group_suppressed = {};  // by index of the sizes given
  bool total_suppressed = false;
  int suppressed_groups = 0;
};

// Decides which groups of sizes `group_sizes` (finalised assessments per group, each >= 1; the
// total is their sum) to suppress under `min_group_size` (k >= 1). INVALID_ARGUMENT for k < 1
// ("min_group_size") or a size below 1 ("group_sizes").
absl::StatusOr<Suppression> SuppressSmallGroups(const std::vector<int64_t>& group_sizes,
                                                int min_group_size);

}  // namespace kinerja::analytics
