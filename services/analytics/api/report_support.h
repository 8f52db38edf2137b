// What every report of reports.cc shares: the scope from the contract to the domain and back,
// its resolution on the report's snapshot, predicate counts as the contract writes them, and
// keyset paging over rows a report has computed in memory.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "kinerja/analytics/v1/resources.pb.h"
#include "services/analytics/domain/access.h"
#include "services/analytics/domain/scope.h"
#include "services/analytics/store/report_reader.h"
#include "shared/auth/principal.h"

namespace kinerja::analytics::api {

namespace v1 = ::kinerja::analytics::v1;

RequestedScope ScopeFromProto(const v1::ReportScope& scope);

// The read model's facts for `requested` (NOT_FOUND for an unknown unit or period once the
// caller may read reports at all) and the domain's access rule on them.
absl::StatusOr<EffectiveScope> Resolve(store::ReportReader& reader, const auth::Principal& caller,
                                       const RequestedScope& requested, absl::CivilDay today);

// The scope a report answers for: the request's, with the year (and agency) a period set.
v1::ReportScope EchoScope(const v1::ReportScope& requested, const EffectiveScope& effective);

v1::PredicateCounts CountsToProto(const store::PredicateArray& counts);
void AddCounts(const store::PredicateArray& from, store::PredicateArray& to);

// A page of rows sorted in memory: from the first row for which `after_cursor(row)` holds (every
// row when `from_start`; the rows before it are those a previous page returned) up to `size`
// rows, and whether more follow.
struct PageSlice {
  size_t begin = 0;
  size_t end = 0;
  bool has_more = false;
};
template <typename Row, typename AfterCursor>
PageSlice SliceAfter(const std::vector<Row>& sorted, bool from_start, int size,
                     AfterCursor after_cursor) {
  PageSlice slice;
  if (!from_start) {
    slice.begin = static_cast<size_t>(
        std::partition_point(sorted.begin(), sorted.end(),
                             [&](const Row& row) { return !after_cursor(row); }) -
        sorted.begin());
  }
  slice.end = std::min(sorted.size(), slice.begin + static_cast<size_t>(size));
  slice.has_more = slice.end < sorted.size();
  return slice;
}

}  // namespace kinerja::analytics::api
