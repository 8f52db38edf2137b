// Turns parsed List filters (rpc::Condition, shared/rpc/filter.h) into parameterised SQL WHERE
// conditions for stores that build their list queries at run time. Values are always bound as
// parameters ("$n"), never spliced into the SQL text.
//
//   db::SqlParams params;
//   std::vector<std::string> where;
//   RETURN_IF_ERROR(db::AppendFilterConditions(filter, kColumns, params, where));
//   where.push_back("p.id > " + params.Add(after));
//   tx.exec_params(absl::StrCat(select, db::WhereClause(where), " ORDER BY ..."),
//                  pqxx::prepare::make_dynamic_params(params.values()));
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "shared/rpc/filter.h"

namespace kinerja::db {

// Positional parameters for SQL built at run time.
class SqlParams {
 public:
  std::string Add(std::optional<std::string> value);  // "$<n>"
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

// How one filter field maps to SQL.
struct FilterColumn {
  std::string field;   // filter field name (rpc::FilterField::name)
  std::string column;  // SQL expression, e.g. "p.agency_id"
  // Appended to the parameter, e.g. "::bigint" for an int field compared with a bigint column.
  std::string cast = {};
  // kEnum: the proto enum's prefix ("PLAN_STATE"); a value given in its proto form
  // ("PLAN_STATE_DRAFT") is bound as the stable name ("DRAFT").
  std::string proto_prefix = {};
};

// LIKE pattern matching strings that start with `prefix` (escapes \, % and _).
std::string LikePrefix(std::string_view prefix);
// The value of a condition as text: strings as given (with `proto_prefix` + "_" stripped when
// present), ints in decimal, dates as YYYY-MM-DD, bools as true/false.
std::string ConditionText(const rpc::Condition& condition, std::string_view proto_prefix = "");
// " AND "-joined conditions, "" when none, else " WHERE ...".
std::string WhereClause(const std::vector<std::string>& conditions);
// INVALID_ARGUMENT "filter: ..." for a field or operator the list does not support.
absl::Status UnsupportedCondition(const rpc::Condition& condition);

// Appends "<column> <op> $n" for each condition (=, !=, <, <=, >, >= and ":*" as LIKE prefix);
// a field missing from `columns` or the ':' has-operator is UnsupportedCondition. The filter
// schema (rpc::ParseFilter) has already checked value types and which operators a field allows.
absl::Status AppendFilterConditions(const std::vector<rpc::Condition>& conditions,
                                    const std::vector<FilterColumn>& columns, SqlParams& params,
                                    std::vector<std::string>& where);

}  // namespace kinerja::db
