#include "shared/rpc/filter_value.h"

#include <algorithm>
#include <charconv>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kinerja::rpc {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

// Whole-string parse: from_chars refuses '+', spaces and overflow, which is what we want.
template <typename Int>
bool ParseWhole(std::string_view text, Int* out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return !text.empty() && ec == std::errc() && ptr == end;
}

absl::StatusOr<FilterValue> ToInt(std::string_view text) {
  int64_t value = 0;
  if (!ParseWhole(text, &value)) return absl::InvalidArgumentError("expected a 64-bit integer");
  return value;
}

absl::StatusOr<FilterValue> ToDate(std::string_view text) {
  const absl::Status bad = absl::InvalidArgumentError("expected a date YYYY-MM-DD");
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad;
  std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  int year = 0, month = 0, day = 0;
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d) || !ParseWhole(y, &year) ||
      !ParseWhole(m, &month) || !ParseWhole(d, &day)) {
    return bad;
  }
  // CivilDay normalises 2023-02-30 to March 2nd; a changed field means the date does not exist.
  absl::CivilDay date(year, month, day);
  if (year == 0 || date.year() != year || date.month() != month || date.day() != day) {
    return absl::InvalidArgumentError("not a real calendar date");
  }
  return date;
}

absl::StatusOr<FilterValue> ToEnum(const FilterField& field, std::string_view text) {
  if (std::find(field.enum_values.begin(), field.enum_values.end(), text) !=
      field.enum_values.end()) {
    return std::string(text);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("expected one of: ", absl::StrJoin(field.enum_values, ", ")));
}

absl::StatusOr<FilterValue> ToBool(std::string_view text) {
  if (text == "true") return true;
  if (text == "false") return false;
  return absl::InvalidArgumentError("expected true or false");
}

}  // namespace

absl::StatusOr<FilterValue> ConvertFilterValue(const FilterField& field, std::string_view text) {
  switch (field.type) {
    case FilterFieldType::kString:
      return std::string(text);
    case FilterFieldType::kInt:
      return ToInt(text);
    case FilterFieldType::kDate:
      return ToDate(text);
    case FilterFieldType::kEnum:
      return ToEnum(field, text);
    case FilterFieldType::kBool:
      return ToBool(text);
  }
  return absl::InternalError("unknown filter field type");
}

}  // namespace kinerja::rpc
