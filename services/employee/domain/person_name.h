// Person names (nama) as stored: trimmed, single-spaced, valid UTF-8, bounded length.
// Indonesian names may carry academic titles ("Dr. H. Ahmad, S.H., M.H.") or be a single word.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace kinerja::employee {

inline constexpr size_t kMaxPersonNameLength = 200;  // Unicode code points

// Strips leading/trailing ASCII whitespace and collapses inner runs of it to one space.
std::string NormalizePersonName(std::string_view name);

// OK, or InvalidArgument "name: <reason>": empty, not normalised (leading, trailing or repeated
// whitespace, tabs, newlines), a control character, invalid UTF-8, or longer than
// kMaxPersonNameLength code points.
absl::Status CheckPersonName(std::string_view name);

}  // namespace kinerja::employee
