#include "shared/db/statement_timeout.h"

#include <algorithm>

namespace kinerja::db {

int64_t StatementTimeoutMillis(absl::Duration remaining, absl::Duration fallback) {
  const int64_t cap = std::max<int64_t>(1, absl::ToInt64Milliseconds(fallback));
  if (remaining == absl::InfiniteDuration()) return cap;
  int64_t ms = std::min(cap, absl::ToInt64Milliseconds(remaining));
  // Steps: 5 s above 10 s, 1 s above 1 s, 100 ms above 100 ms; never above what remains.
  int64_t step = ms >= 10'000 ? 5'000 : ms >= 1'000 ? 1'000 : ms >= 100 ? 100 : 1;
  return std::max<int64_t>(1, ms - ms % step);
}

}  // namespace kinerja::db
