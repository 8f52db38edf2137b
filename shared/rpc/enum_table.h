// Bidirectional tables between a proto enum and a domain enum, for every service's wire
// conversions:
//
//   constexpr rpc::EnumTable<pb::Sex, Sex, 2> kSexes = {{
//       {pb::SEX_MALE, Sex::kMale},
//       {pb::SEX_FEMALE, Sex::kFemale},
//   }};
//   ASSIGN_OR_RETURN(Sex sex, rpc::EnumFromProto(kSexes, request.sex(), "sex"));
//   out->set_sex(rpc::EnumToProto(kSexes, sex));
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "shared/errors/errors.h"

namespace kinerja::rpc {

template <typename Proto, typename Domain, size_t N>
using EnumTable = std::array<std::pair<Proto, Domain>, N>;

// INVALID_ARGUMENT naming `field`: "is required" for 0 (UNSPECIFIED), else "unknown value <n>".
inline absl::Status BadEnumValue(std::string_view field, int value) {
  const absl::string_view name(field.data(), field.size());
  if (value == 0) return errors::InvalidField(name, "is required");
  return errors::InvalidField(name, absl::StrCat("unknown value ", value));
}

// The domain value of `value`; BadEnumValue when the table has no row for it.
template <typename Proto, typename Domain, size_t N>
absl::StatusOr<Domain> EnumFromProto(const EnumTable<Proto, Domain, N>& table, Proto value,
                                     std::string_view field) {
  for (const auto& [p, d] : table) {
    if (p == value) return d;
  }
  return BadEnumValue(field, static_cast<int>(value));
}

// The proto value of `value`; Proto{} (UNSPECIFIED) when the table has no row for it, which
// does not happen for valid domain values.
template <typename Proto, typename Domain, size_t N>
Proto EnumToProto(const EnumTable<Proto, Domain, N>& table, Domain value) {
  for (const auto& [p, d] : table) {
    if (d == value) return p;
  }
  return Proto{};
}

}  // namespace kinerja::rpc
