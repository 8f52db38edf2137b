#include "shared/rpc/filter_schema.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kinerja::rpc {

const FilterField* FilterSchema::Find(std::string_view name) const {
  for (const FilterField& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

std::string FilterSchema::FieldNames() const {
  return absl::StrJoin(fields, ", ",
                       [](std::string* out, const FilterField& f) { out->append(f.name); });
}

std::string_view FilterOpSymbol(FilterOp op) {
  switch (op) {
    case FilterOp::kEq:
      return "=";
    case FilterOp::kNe:
      return "!=";
    case FilterOp::kLt:
      return "<";
    case FilterOp::kLe:
      return "<=";
    case FilterOp::kGt:
      return ">";
    case FilterOp::kGe:
      return ">=";
    case FilterOp::kHas:
      return ":";
    case FilterOp::kPrefix:
      return ":*";
  }
  return "?";
}

FilterField IdField(std::string name) {
  return {.name = std::move(name), .type = FilterFieldType::kString, .ops = {FilterOp::kEq}};
}

FilterField EnumNamesField(std::string name, const std::vector<std::string_view>& stable_names,
                           std::string_view proto_prefix, std::vector<FilterOp> ops) {
  FilterField field{.name = std::move(name), .type = FilterFieldType::kEnum, .ops = std::move(ops)};
  field.enum_values.reserve(2 * stable_names.size());
  for (std::string_view v : stable_names) field.enum_values.emplace_back(v);
  for (std::string_view v : stable_names) {
    field.enum_values.push_back(
        absl::StrCat(absl::string_view(proto_prefix.data(), proto_prefix.size()), "_",
                     absl::string_view(v.data(), v.size())));
  }
  return field;
}

}  // namespace kinerja::rpc
