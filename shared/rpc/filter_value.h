// Turns the text of a filter value into the typed value its field declares.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "shared/rpc/filter_schema.h"

namespace kinerja::rpc {

// string for kString and kEnum, int64_t for kInt, CivilDay for kDate, bool for kBool.
using FilterValue = std::variant<std::string, int64_t, absl::CivilDay, bool>;

// On failure the status message says what was expected (e.g. "expected a date YYYY-MM-DD");
// the parser adds the field name and position.
absl::StatusOr<FilterValue> ConvertFilterValue(const FilterField& field, std::string_view text);

}  // namespace kinerja::rpc
