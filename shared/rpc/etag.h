// Etags for optimistic concurrency (AIP-154): an opaque string derived from the row version.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace kinerja::rpc {

// W/"<version>", the HTTP weak-validator form: it names a version, not exact bytes.
std::string EtagFor(int64_t version);

// Accepts exactly what EtagFor produces; anything else is InvalidArgument "etag: ...".
// An empty etag means "no check" in AIP-154: callers test for that before calling this.
absl::StatusOr<int64_t> VersionFromEtag(std::string_view etag);

}  // namespace kinerja::rpc
