// The clock a service judges days by (deadlines, windows, delivery, "the assessor of the day").
// In production it is the real time. A local simulation (tools/stack up --sim-clock, used by
// tools/year to act out a whole performance year in minutes) shifts it: the environment variable
// DEV_CLOCK_OFFSET_FILE names a file holding a whole number of seconds to add to the real time,
// which the simulation rewrites as its days pass. Token expiry and every timeout stay on the real
// clock; only the service's notion of "now" moves.
#pragma once

#include <functional>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace kinerja::server {

// absl::Now, or OffsetClockFromFile(path) when DEV_CLOCK_OFFSET_FILE is set (and says so on
// standard error, once).
std::function<absl::Time()> ServiceClock();

// real() plus the offset in `path`, read at every call (write it by renaming a new file over it,
// so that no reader sees half a number). A missing file counts as offset 0; a bad number keeps
// the last good offset. Safe to call concurrently.
std::function<absl::Time()> OffsetClockFromFile(std::string path,
                                                std::function<absl::Time()> real = absl::Now);

}  // namespace kinerja::server
