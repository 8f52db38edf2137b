#include "services/analytics/domain/suppression.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"

namespace kinerja::analytics {

absl::StatusOr<Suppression> SuppressSmallGroups(const std::vector<int64_t>& group_sizes,
                                                int min_group_size) {
  if (min_group_size < 1) {
    return errors::InvalidField("min_group_size",
                                absl::StrCat("must be at least 1, got ", min_group_size));
  }
  int64_t total = 0;
  for (int64_t size : group_sizes) {
    if (size < 1) {
      return errors::InvalidField("group_sizes",
                                  absl::StrCat("every listed group has at least one assessment, "
                                               "got ",
                                               size));
    }
    total += size;
  }
  Suppression result;
  result.group_suppressed.assign(group_sizes.size(), false);
  for (size_t i = 0; i < group_sizes.size(); ++i) {
    if (group_sizes[i] < min_group_size) {
      result.group_suppressed[i] = true;
      ++result.suppressed_groups;
    }
  }
  result.total_suppressed = total < min_group_size;
  if (result.suppressed_groups == 1 && !result.total_suppressed) {
    std::optional<size_t> next;
    for (size_t i = 0; i < group_sizes.size(); ++i) {
      if (result.group_suppressed[i]) continue;
      if (!next.has_value() || group_sizes[i] < group_sizes[*next]) next = i;
    }
    if (next.has_value()) {
      result.group_suppressed[*next] = true;
      ++result.suppressed_groups;
    }
  }
  return result;
}

}  // namespace kinerja::analytics
