// The statement_timeout a pooled connection runs a call's work under: the call's remaining
// deadline, so the database stops working for a caller that has given up, rounded down to a
// coarse step so that calls with similar deadlines find the connection already set (a SET is a
// round trip). Work without a deadline (background jobs, calls whose client set none) gets the
// pool's fallback.
#pragma once

#include <cstdint>

#include "absl/time/time.h"

namespace kinerja::db {

// Milliseconds, at least 1 and at most `fallback` (which applies to an infinite `remaining`).
int64_t StatementTimeoutMillis(absl::Duration remaining, absl::Duration fallback);

}  // namespace kinerja::db
