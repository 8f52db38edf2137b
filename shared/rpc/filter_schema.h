// What a List method lets clients filter on: field names, their types and operators (AIP-160).
#pragma once

#include <string>
#include <string_view>
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

}  // namespace kinerja::rpc
