#include "services/analytics/web/labels.h"

#include <google/protobuf/descriptor.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kinerja::analytics::web {

std::array<int64_t, kPredicateCount> PredicateValues(const v1::PredicateCounts& counts) {
  return {counts.sangat_baik(), counts.baik(), counts.butuh_perbaikan(), counts.kurang(),
          counts.sangat_kurang()};
}

absl::string_view PredicateLabel(kinerja::review::v1::Predicate predicate) {
  const int code = static_cast<int>(predicate);
  if (code < 1 || code > kPredicateCount) return "";
  return kPredicateLabels[code - 1];
}

absl::string_view OrgPredicateLabel(kinerja::review::v1::OrgPredicate predicate) {
  static constexpr std::array<absl::string_view, 5> kLabels = {
      "Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"};
  const int code = static_cast<int>(predicate);
  if (code < 1 || code > static_cast<int>(kLabels.size())) return "";
  return kLabels[code - 1];
}

std::string EnumCode(const google::protobuf::EnumDescriptor* descriptor, int value) {
  const google::protobuf::EnumValueDescriptor* found = descriptor->FindValueByNumber(value);
  if (found == nullptr) return absl::StrCat(value);
  // The prefix is the enum's name in UPPER_SNAKE_CASE ("RaterFlag" -> "RATER_FLAG_").
  std::string prefix;
  for (char c : descriptor->name()) {
    if (absl::ascii_isupper(c) && !prefix.empty()) prefix += '_';
    prefix += absl::ascii_toupper(c);
  }
  prefix += '_';
  absl::string_view name = found->name();
  if (absl::StartsWith(name, prefix)) name.remove_prefix(prefix.size());
  return std::string(name);
}

}  // namespace kinerja::analytics::web
