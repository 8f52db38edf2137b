#include "shared/rpc/filter_schema.h"

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

}  // namespace kinerja::rpc
