#include "shared/db/filter_sql.h"

#include <string>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::db {
namespace {

const char* SqlOperator(rpc::FilterOp op) {
  switch (op) {
    case rpc::FilterOp::kEq:
      return " = ";
    case rpc::FilterOp::kNe:
      return " <> ";
    case rpc::FilterOp::kLt:
      return " < ";
    case rpc::FilterOp::kLe:
      return " <= ";
    case rpc::FilterOp::kGt:
      return " > ";
    case rpc::FilterOp::kGe:
      return " >= ";
    case rpc::FilterOp::kPrefix:
      return " LIKE ";
    case rpc::FilterOp::kHas:
      return nullptr;
  }
  return nullptr;
}

}  // namespace

std::string SqlParams::Add(std::optional<std::string> value) {
  values_.push_back(std::move(value));
  return absl::StrCat("$", values_.size());
}

std::string LikePrefix(std::string_view prefix) {
  std::string out;
  out.reserve(prefix.size() + 1);
  for (char c : prefix) {
    if (c == '\\' || c == '%' || c == '_') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

std::string ConditionText(const rpc::Condition& condition, std::string_view proto_prefix) {
  if (const int64_t* number = std::get_if<int64_t>(&condition.value)) {
    return absl::StrCat(*number);
  }
  if (const absl::CivilDay* day = std::get_if<absl::CivilDay>(&condition.value)) {
    // Not absl::FormatCivilTime: it writes year 223 as "223", which is no longer YYYY-MM-DD
    // (the filter accepts years 0001 to 9999).
    return absl::StrFormat("%04d-%02d-%02d", day->year(), day->month(), day->day());
  }
  if (const bool* flag = std::get_if<bool>(&condition.value)) return *flag ? "true" : "false";
  const std::string* text = std::get_if<std::string>(&condition.value);
  if (text == nullptr) return std::string();
  std::string_view view = *text;
  if (!proto_prefix.empty() && view.size() > proto_prefix.size() + 1 &&
      view.substr(0, proto_prefix.size()) == proto_prefix && view[proto_prefix.size()] == '_') {
    view.remove_prefix(proto_prefix.size() + 1);
  }
  return std::string(view);
}

std::string WhereClause(const std::vector<std::string>& conditions) {
  if (conditions.empty()) return std::string();
  return absl::StrCat(" WHERE ", absl::StrJoin(conditions, " AND "));
}

absl::Status UnsupportedCondition(const rpc::Condition& condition) {
  return errors::InvalidField(
      "filter", absl::StrCat("'", condition.field, " ", ToAbsl(rpc::FilterOpSymbol(condition.op)),
                             "' is not supported by this list"));
}

absl::Status AppendFilterConditions(const std::vector<rpc::Condition>& conditions,
                                    const std::vector<FilterColumn>& columns, SqlParams& params,
                                    std::vector<std::string>& where) {
  for (const rpc::Condition& c : conditions) {
    const FilterColumn* column = nullptr;
    for (const FilterColumn& candidate : columns) {
      if (candidate.field == c.field) column = &candidate;
    }
    const char* op = SqlOperator(c.op);
    if (column == nullptr || op == nullptr) return UnsupportedCondition(c);
    std::string value = ConditionText(c, column->proto_prefix);
    if (c.op == rpc::FilterOp::kPrefix) value = LikePrefix(value);
    where.push_back(absl::StrCat(column->column, op, params.Add(std::move(value)), column->cast));
  }
  return absl::OkStatus();
}

}  // namespace kinerja::db
