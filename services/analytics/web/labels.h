// What the analytics pages and downloads call things: the national predicates' Indonesian
// labels (PermenPANRB 6/2022, as HR offices write them) and the contract's enum codes without
// their prefix ("LENIENT" for RATER_FLAG_LENIENT), the same names the JSON answers carry.
#pragma once

#include <google/protobuf/generated_enum_reflection.h>

#include <array>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "kinerja/analytics/v1/resources.pb.h"
#include "kinerja/review/v1/resources.pb.h"

namespace kinerja::analytics::web {

namespace v1 = ::kinerja::analytics::v1;

// The staff predicates (predikat kinerja pegawai), national codes 1..5 in order.
inline constexpr int kPredicateCount = 5;
inline constexpr std::array<absl::string_view, kPredicateCount> kPredicateLabels = {
    "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"};

// The counts of a PredicateCounts in the order of kPredicateLabels.
std::array<int64_t, kPredicateCount> PredicateValues(const v1::PredicateCounts& counts);

// "Sangat Baik" ... ; "" for UNSPECIFIED or an unknown value.
absl::string_view PredicateLabel(kinerja::review::v1::Predicate predicate);
// The organisation predicates (predikat kinerja organisasi): "Istimewa", "Baik", ...
absl::string_view OrgPredicateLabel(kinerja::review::v1::OrgPredicate predicate);

// The enum value's name without the enum's prefix: "LENIENT", "PLAN_NOT_APPROVED"; the number
// for a value the contract does not name (a newer producer).
std::string EnumCode(const google::protobuf::EnumDescriptor* descriptor, int value);

template <typename Enum>
std::string EnumCode(Enum value) {
  return EnumCode(google::protobuf::GetEnumDescriptor<Enum>(), static_cast<int>(value));
}

}  // namespace kinerja::analytics::web
