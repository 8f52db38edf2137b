// Encoding values as SQL parameters, shared by the services' stores.
#pragma once

#include <optional>
#include <string>

#include "absl/time/civil_time.h"

namespace kinerja::db {

// "YYYY-MM-DD", for $n::date parameters.
std::string DayText(absl::CivilDay day);
std::optional<std::string> DayText(const std::optional<absl::CivilDay>& day);
// NULL for "".
std::optional<std::string> NullIfEmpty(const std::string& text);

}  // namespace kinerja::db
