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

// True when a connection already running under `current_ms` may serve work with `remaining`
// without a SET: `current_ms` is within one step of what StatementTimeoutMillis chooses. Calls
// whose deadlines straddle a step boundary (5 s deadlines arriving as 4.99 s or 5.01 s) then
// share the setting instead of flipping it on every other call; the price is that the database
// may go on up to one step past a caller's deadline.
bool StatementTimeoutFits(int64_t current_ms, absl::Duration remaining, absl::Duration fallback);

}  // namespace kinerja::db
