// What a List method lets clients filter on: field names, their types and operators (AIP-160).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kinerja::rpc {

// kHas is ':' with a plain value; kPrefix is ':' with a value ending in '*' (the '*' is
// stripped from the parsed value), so callers never re-inspect the text.
enum class FilterOp { kEq, kNe, kLt, kLe, kGt, kGe, kHas, kPrefix };

enum class FilterFieldType {
  kString,
  kInt,   // int64, decimal, optional leading '-'
  kDate,  // YYYY-MM-DD, a real calendar date
  kEnum,  // one of FilterField::enum_values (case-sensitive)
  kBool,  // true | false
};

struct FilterField {
  std::string name;
  FilterFieldType type = FilterFieldType::kString;
  std::vector<FilterOp> ops = {};
  // kEnum only. "= {}" lets schemas omit it under -Wmissing-field-initializers.
  std::vector<std::string> enum_values = {};
};

struct FilterSchema {
  std::vector<FilterField> fields;

  const FilterField* Find(std::string_view name) const;
  // Comma-separated field names, for error messages and API docs.
  std::string FieldNames() const;
};

// The operator as written in a filter; kPrefix reads ":*".
std::string_view FilterOpSymbol(FilterOp op);

// Field builders for the schemas of the services' List calls.

// An id (or other exact-match string) field: '=' only.
FilterField IdField(std::string name);

// An enum field accepting each value's stable name and its proto enum's full name
// ("<proto_prefix>_<NAME>", e.g. "PLAN_STATE_DRAFT"): the stores accept both.
FilterField EnumNamesField(std::string name, const std::vector<std::string_view>& stable_names,
                           std::string_view proto_prefix, std::vector<FilterOp> ops);
// The same for domain values and their stable-name function:
//   EnumField<Sex>("sex", {Sex::kMale, Sex::kFemale}, SexName, "SEX", {FilterOp::kEq})
template <typename Enum, typename NameFn>
FilterField EnumField(std::string name, const std::vector<Enum>& values, NameFn name_of,
                      std::string_view proto_prefix, std::vector<FilterOp> ops) {
  std::vector<std::string_view> stable_names;
  stable_names.reserve(values.size());
  for (Enum v : values) stable_names.push_back(name_of(v));
  return EnumNamesField(std::move(name), stable_names, proto_prefix, std::move(ops));
}

}  // namespace kinerja::rpc
