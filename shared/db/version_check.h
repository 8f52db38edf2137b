// Optimistic concurrency: a write that names the version (etag) it read fails when the row has
// moved on since.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/status/status.h"

namespace kinerja::db {

// ABORTED "etag: <what> was changed by someone else ..." unless expected is unset or equals
// actual.
absl::Status CheckVersion(std::optional<int64_t> expected, int64_t actual, std::string_view what);

}  // namespace kinerja::db
