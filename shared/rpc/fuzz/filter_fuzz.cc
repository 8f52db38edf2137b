// Fuzzes the AIP-160 filter of List calls (rpc::ParseFilter) and its SQL rendering
// (db::AppendFilterConditions). Properties, besides no crash and no sanitizer finding:
//  - every failure is INVALID_ARGUMENT "filter: ...";
//  - a filter that parses stays within kMaxFilterConditions and renders to SQL in which every
//    value is a bound parameter: each condition is "<column> <operator> $n[cast]";
//  - printing the parsed conditions back as a filter (values quoted) parses to the same
//    conditions.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "shared/db/filter_sql.h"
#include "shared/rpc/filter.h"
#include "tests/harness/fuzz_check.h"

namespace {

using kinerja::rpc::Condition;
using kinerja::rpc::FilterFieldType;
using kinerja::rpc::FilterOp;

// One field of every type, with every operator its type allows.
const kinerja::rpc::FilterSchema& Schema() {
  static const auto* schema = new kinerja::rpc::FilterSchema{{
      {"name",
       FilterFieldType::kString,
       {FilterOp::kEq, FilterOp::kNe, FilterOp::kLt, FilterOp::kLe, FilterOp::kGt, FilterOp::kGe,
        FilterOp::kHas, FilterOp::kPrefix}},
      {"grade",
       FilterFieldType::kInt,
       {FilterOp::kEq, FilterOp::kNe, FilterOp::kLt, FilterOp::kLe, FilterOp::kGt, FilterOp::kGe}},
      {"hired",
       FilterFieldType::kDate,
       {FilterOp::kEq, FilterOp::kNe, FilterOp::kLt, FilterOp::kLe, FilterOp::kGt, FilterOp::kGe}},
      {"state",
       FilterFieldType::kEnum,
       {FilterOp::kEq, FilterOp::kNe},
       {"DRAFT", "PLAN_STATE_DRAFT"}},
      {"active", FilterFieldType::kBool, {FilterOp::kEq, FilterOp::kNe}},
  }};
  return *schema;
}

const std::vector<kinerja::db::FilterColumn>& Columns() {
  static const auto* columns = new std::vector<kinerja::db::FilterColumn>{
      {.field = "name", .column = "e.name"},
      {.field = "grade", .column = "e.grade", .cast = "::bigint"},
      {.field = "hired", .column = "e.hired_on", .cast = "::date"},
      {.field = "state", .column = "p.state", .proto_prefix = "PLAN_STATE"},
      {.field = "active", .column = "e.active", .cast = "::boolean"},
  };
  return *columns;
}

const kinerja::db::FilterColumn& ColumnOf(const Condition& condition) {
  for (const auto& column : Columns()) {
    if (column.field == condition.field) return column;
  }
  std::abort();  // the schema and the columns name the same fields
}

// "<column> <operator> $<n><cast>" with a known SQL operator: no text of the filter itself.
bool IsBoundCondition(std::string_view sql, const kinerja::db::FilterColumn& column, size_t n) {
  const std::string placeholder = absl::StrCat("$", n, column.cast);
  if (!sql.starts_with(column.column) || !sql.ends_with(placeholder)) return false;
  sql.remove_prefix(column.column.size());
  sql.remove_suffix(placeholder.size());
  for (std::string_view op : {" = ", " <> ", " < ", " <= ", " > ", " >= ", " LIKE "}) {
    if (sql == op) return true;
  }
  return false;
}

void CheckRendersBound(const std::vector<Condition>& conditions) {
  kinerja::db::SqlParams params;
  std::vector<std::string> where;
  absl::Status status = kinerja::db::AppendFilterConditions(conditions, Columns(), params, where);
  bool has_has = false;
  for (const Condition& c : conditions) has_has |= c.op == FilterOp::kHas;
  if (has_has) {  // ':' without '*' parses but no SQL list supports it
    KINERJA_FUZZ_CHECK(status.code() == absl::StatusCode::kInvalidArgument);
    return;
  }
  KINERJA_FUZZ_CHECK(status.ok());
  KINERJA_FUZZ_CHECK(where.size() == conditions.size());
  KINERJA_FUZZ_CHECK(params.values().size() == conditions.size());
  for (size_t i = 0; i < conditions.size(); ++i) {
    KINERJA_FUZZ_CHECK(IsBoundCondition(where[i], ColumnOf(conditions[i]), i + 1));
    KINERJA_FUZZ_CHECK(params.values()[i].has_value());
  }
}

// The conditions as filter text again, every value quoted (escaping \ and ").
std::string Print(const std::vector<Condition>& conditions) {
  std::vector<std::string> parts;
  for (const Condition& c : conditions) {
    std::string value;
    for (char ch : kinerja::db::ConditionText(c)) {
      if (ch == '"' || ch == '\\') value.push_back('\\');
      value.push_back(ch);
    }
    const bool prefix = c.op == FilterOp::kPrefix;
    const std::string op(prefix ? ":" : kinerja::rpc::FilterOpSymbol(c.op));
    parts.push_back(c.field + op + "\"" + value + (prefix ? "*" : "") + "\"");
  }
  return absl::StrJoin(parts, " AND ");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<std::vector<Condition>> parsed = kinerja::rpc::ParseFilter(text, Schema());
  if (!parsed.ok()) {
    KINERJA_FUZZ_CHECK(parsed.status().code() == absl::StatusCode::kInvalidArgument);
    KINERJA_FUZZ_CHECK(absl::StartsWith(parsed.status().message(), "filter: "));
    return 0;
  }
  KINERJA_FUZZ_CHECK(parsed->size() <= kinerja::rpc::kMaxFilterConditions);
  CheckRendersBound(*parsed);
  const std::string printed = Print(*parsed);
  if (printed.size() <= kinerja::rpc::kMaxFilterLength) {
    absl::StatusOr<std::vector<Condition>> again = kinerja::rpc::ParseFilter(printed, Schema());
    KINERJA_FUZZ_CHECK(again.ok());
    KINERJA_FUZZ_CHECK(*again == *parsed);
  }
  return 0;
}
