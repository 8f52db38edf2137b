#include "shared/db/statement_timeout.h"

#include <algorithm>

namespace kinerja::db {

namespace {
// Steps: 5 s above 10 s, 1 s above 1 s, 100 ms above 100 ms, else 1 ms.
int64_t StepFor(int64_t ms) {
  return ms >= 10'000 ? 5'000 : ms >= 1'000 ? 1'000 : ms >= 100 ? 100 : 1;
}
}  // namespace

int64_t StatementTimeoutMillis(absl::Duration remaining, absl::Duration fallback) {
  const int64_t cap = std::max<int64_t>(1, absl::ToInt64Milliseconds(fallback));
  if (remaining == absl::InfiniteDuration()) return cap;
  int64_t ms = std::min(cap, absl::ToInt64Milliseconds(remaining));
  const int64_t step = StepFor(ms);
  return std::max<int64_t>(1, ms - ms % step);
}

bool StatementTimeoutFits(int64_t current_ms, absl::Duration remaining, absl::Duration fallback) {
  if (current_ms < 1) return false;
  const int64_t target = StatementTimeoutMillis(remaining, fallback);
  if (remaining == absl::InfiniteDuration()) return current_ms == target;
  const int64_t step = StepFor(target);
  return current_ms >= target - step && current_ms <= target + step &&
         current_ms <= std::max<int64_t>(1, absl::ToInt64Milliseconds(fallback));
}

}  // namespace kinerja::db
