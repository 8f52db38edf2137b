// Parses the AIP-160 subset our List methods accept: comparisons joined by AND.
//
//   filter     = [condition { "AND" condition }]
//   condition  = field op value
//   op         = "=" | "!=" | "<" | "<=" | ">" | ">=" | ":"
//   value      = "quoted" (escapes \" and \\) | bare (letters digits - _ . /)
//
// ':' with a value ending in '*' is a prefix match (FilterOp::kPrefix, '*' stripped); other ':'
// is kHas. OR, NOT, parentheses and lowercase "and" are rejected rather than guessed at.
// Every error is InvalidArgument "filter: <what> at <1-based column>[; hint]".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "shared/rpc/filter_schema.h"
#include "shared/rpc/filter_value.h"

namespace kinerja::rpc {

struct Condition {
  std::string field;
  FilterOp op;
  FilterValue value;

  friend bool operator==(const Condition&, const Condition&) = default;
};

// Bounds on untrusted input, so a filter cannot become an expensive query.
inline constexpr size_t kMaxFilterLength = 2048;
inline constexpr size_t kMaxFilterConditions = 20;

// An empty or all-whitespace filter yields no conditions.
absl::StatusOr<std::vector<Condition>> ParseFilter(std::string_view text,
                                                   const FilterSchema& schema);

}  // namespace kinerja::rpc
