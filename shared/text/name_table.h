// Stable names of a domain enum (storage, events, logs) kept in one constexpr table per enum,
// with the lookups every service's names.cc needs: the name of a value and the value of a name.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::text {

template <typename Enum, size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

// The name of `value`; "" for a value the table does not hold (e.g. cast from an unchecked
// integer).
template <typename Enum, size_t N>
std::string_view Lookup(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "";
}

// The value named exactly `name`; INVALID_ARGUMENT "<field>: unknown value '...'; expected one
// of '...', ..." otherwise.
template <typename Enum, size_t N>
absl::StatusOr<Enum> Parse(const NameTable<Enum, N>& table, std::string_view name,
                           std::string_view field) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  std::vector<std::string> expected;
  for (const auto& entry : table) expected.push_back(absl::StrCat("'", ToAbsl(entry.second), "'"));
  return errors::InvalidField(ToAbsl(field),
                              absl::StrCat("unknown value '", ToAbsl(name), "'; expected one of ",
                                           absl::StrJoin(expected, ", ")));
}

}  // namespace kinerja::text
