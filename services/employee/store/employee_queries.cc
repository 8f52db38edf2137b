// Employee reads: get by id / NIP (one prepared round trip), batch get (= ANY), filtered keyset
// lists, assignment history. Fixed statements are in queries/*.sql; the filtered lists build
// their text at run time.
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/queries.h"
#include "services/employee/store/rows.h"
#include "shared/db/filter_sql.h"
#include "shared/db/query.h"
#include "shared/db/sql_array.h"
#include "shared/text/text.h"

namespace kinerja::employee::store {
namespace {

const std::string& SelectEmployee() {
  static const std::string* sql =
      new std::string(absl::StrCat("SELECT ", internal::EmployeeColumns("e"), " FROM employees e"));
  return *sql;
}

// One key through the batch statement (an array of one): one prepared statement per key kind.
absl::StatusOr<EmployeeRecord> GetOne(db::Pool& pool, const db::Query& query,
                                      const std::string& key, std::string_view what) {
  return internal::RunRead(pool, [&](pqxx::transaction_base& tx) -> absl::StatusOr<EmployeeRecord> {
    pqxx::result r = db::Exec(tx, query, db::TextArrayLiteral({key}));
    if (r.empty()) return errors::NotFound(ToAbsl(what), key);
    return internal::EmployeeFromRow(r[0]);
  });
}

// The stored employees among `keys` (ids, or NIPs when by_nip), by key; one query (= ANY).
absl::StatusOr<absl::flat_hash_map<std::string, EmployeeRecord>> FindByKeys(
    db::Pool& pool, const std::vector<std::string>& keys, bool by_nip) {
  using Found = absl::flat_hash_map<std::string, EmployeeRecord>;
  if (keys.empty()) return Found();
  if (keys.size() > EmployeeStore::kMaxKeysPerQuery) {
    return errors::InvalidField(by_nip ? "nips" : "ids",
                                absl::StrCat("more than ", EmployeeStore::kMaxKeysPerQuery));
  }
  const db::Query& query = by_nip ? queries::kEmployeesByNips : queries::kEmployeesByIds;
  return internal::RunRead(pool, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Found> {
    pqxx::result r = db::Exec(tx, query, db::TextArrayLiteral(keys));
    Found found;
    found.reserve(r.size());
    for (const pqxx::row& row : r) {
      EmployeeRecord record = internal::EmployeeFromRow(row);
      std::string key = by_nip ? record.employee.nip : record.employee.id;
      found.emplace(std::move(key), std::move(record));
    }
    return found;
  });
}

absl::StatusOr<std::vector<EmployeeRecord>> BatchGet(db::Pool& pool,
                                                     const std::vector<std::string>& keys,
                                                     bool by_nip) {
  ASSIGN_OR_RETURN(auto found, FindByKeys(pool, keys, by_nip));
  std::vector<EmployeeRecord> out;
  out.reserve(keys.size());
  for (const std::string& key : keys) {
    auto it = found.find(key);
    if (it == found.end()) {
      return by_nip ? errors::NotFound("employee with nip", key)
                    : errors::NotFound("employee", key);
    }
    out.push_back(it->second);
  }
  return out;
}

absl::StatusOr<std::string> RankFilterLabel(const std::string& text) {
  if (absl::StatusOr<Golongan> g = Golongan::Parse(text); g.ok()) return std::string(g->label());
  if (absl::StatusOr<PppkGrade> p = PppkGrade::Parse(text); p.ok()) {
    return std::string(p->label());
  }
  return errors::InvalidField("filter",
                              absl::StrCat("rank: '", text, "' is neither a golongan nor a grade"));
}

// Appends the SQL condition for one employee filter condition.
absl::Status AddEmployeeCondition(const rpc::Condition& c, db::SqlParams& params,
                                  std::vector<std::string>& where) {
  const bool eq = c.op == rpc::FilterOp::kEq;
  const bool ne = c.op == rpc::FilterOp::kNe;
  auto enum_condition = [&](const char* column, std::string value, bool allow_ne) -> absl::Status {
    if (!eq && !(ne && allow_ne)) return db::UnsupportedCondition(c);
    where.push_back(absl::StrCat(column, eq ? " = " : " <> ", params.Add(std::move(value))));
    return absl::OkStatus();
  };
  if (c.field == "agency_id" || c.field == "unit_id") {
    if (!eq) return db::UnsupportedCondition(c);
    where.push_back(absl::StrCat("e.", c.field, " = ", params.Add(db::ConditionText(c))));
    return absl::OkStatus();
  }
  if (c.field == "position_id") {
    // Through the position's unit: employees are indexed by (unit_id, nip), not by position.
    if (!eq) return db::UnsupportedCondition(c);
    const std::string p = params.Add(db::ConditionText(c));
    where.push_back(absl::StrCat("e.position_id = ", p,
                                 " AND e.unit_id = (SELECT unit_id FROM positions WHERE id = ", p,
                                 ")"));
    return absl::OkStatus();
  }
  if (c.field == "kind") {
    std::string kind = db::ConditionText(c, "EMPLOYEE_KIND");
    RETURN_IF_ERROR(errors::PrefixField(ParseEmployeeKind(kind).status(), "filter."));
    return enum_condition("e.kind", kind, false);
  }
  if (c.field == "status") {
    std::string status = db::ConditionText(c, "EMPLOYEE_STATUS");
    RETURN_IF_ERROR(errors::PrefixField(ParseEmployeeStatus(status).status(), "filter."));
    return enum_condition("e.status", status, true);
  }
  if (c.field == "sex") {
    std::string sex = db::ConditionText(c, "SEX");
    RETURN_IF_ERROR(errors::PrefixField(ParseSexName(sex).status(), "filter."));
    return enum_condition("e.sex", sex, false);
  }
  if (c.field == "rank") {
    ASSIGN_OR_RETURN(std::string label, RankFilterLabel(db::ConditionText(c)));
    return enum_condition("e.rank", label, false);
  }
  if (c.field == "name") {
    if (eq) {
      where.push_back("e.name = " + params.Add(db::ConditionText(c)));
    } else if (c.op == rpc::FilterOp::kPrefix) {
      where.push_back("e.name LIKE " + params.Add(db::LikePrefix(db::ConditionText(c))));
    } else {
      return db::UnsupportedCondition(c);
    }
    return absl::OkStatus();
  }
  return db::UnsupportedCondition(c);
}

}  // namespace

absl::StatusOr<EmployeeRecord> EmployeeStore::GetEmployee(const std::string& id) {
  return GetOne(pool_, queries::kEmployeesByIds, id, "employee");
}

absl::StatusOr<EmployeeRecord> EmployeeStore::GetEmployeeByNip(const std::string& nip) {
  return GetOne(pool_, queries::kEmployeesByNips, nip, "employee with nip");
}

absl::StatusOr<std::vector<EmployeeRecord>> EmployeeStore::BatchGetEmployees(
    const std::vector<std::string>& ids) {
  return BatchGet(pool_, ids, /*by_nip=*/false);
}

absl::StatusOr<std::vector<EmployeeRecord>> EmployeeStore::BatchGetEmployeesByNip(
    const std::vector<std::string>& nips) {
  return BatchGet(pool_, nips, /*by_nip=*/true);
}

absl::StatusOr<absl::flat_hash_map<std::string, EmployeeRecord>> EmployeeStore::FindEmployees(
    const std::vector<std::string>& ids) {
  return FindByKeys(pool_, ids, /*by_nip=*/false);
}

absl::StatusOr<absl::flat_hash_map<std::string, EmployeeRecord>> EmployeeStore::FindEmployeesByNip(
    const std::vector<std::string>& nips) {
  return FindByKeys(pool_, nips, /*by_nip=*/true);
}

absl::StatusOr<Page<EmployeeRecord>> EmployeeStore::ListEmployees(
    const std::vector<rpc::Condition>& filter, EmployeeOrder order, const PageRequest& page) {
  if (page.page_size < 1) return errors::InvalidField("page_size", "must be at least 1");
  db::SqlParams params;
  std::vector<std::string> where;
  for (const rpc::Condition& c : filter) {
    RETURN_IF_ERROR(AddEmployeeCondition(c, params, where));
  }
  const size_t key_size = order == EmployeeOrder::kNip ? 1 : 2;
  if (!page.after.empty() && page.after.size() != key_size) {
    return errors::InvalidField("page_token", "does not fit this list");
  }
  std::string order_by;
  switch (order) {
    case EmployeeOrder::kNip:
      if (!page.after.empty()) where.push_back("e.nip > " + params.Add(page.after[0]));
      order_by = "e.nip";
      break;
    case EmployeeOrder::kName:
      if (!page.after.empty()) {
        where.push_back(absl::StrCat("(e.name, e.nip) > (", params.Add(page.after[0]), ", ",
                                     params.Add(page.after[1]), ")"));
      }
      order_by = "e.name, e.nip";
      break;
    case EmployeeOrder::kCreateTimeDesc: {
      if (!page.after.empty()) {
        int64_t micros = 0;
        if (!absl::SimpleAtoi(page.after[0], &micros)) {
          return errors::InvalidField("page_token", "does not fit this list");
        }
        where.push_back(absl::StrCat(
            "(e.create_time, e.id) < (timestamptz 'epoch' + ", params.Add(page.after[0]),
            "::bigint * interval '1 microsecond', ", params.Add(page.after[1]), ")"));
      }
      order_by = "e.create_time DESC, e.id DESC";
      break;
    }
  }
  const std::string sql = absl::StrCat(SelectEmployee(), db::WhereClause(where), " ORDER BY ",
                                       order_by, " LIMIT ", page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<EmployeeRecord>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<EmployeeRecord> out;
        out.items.reserve(std::min<size_t>(r.size(), page.page_size));
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(internal::EmployeeFromRow(row));
        }
        if (out.has_more) {
          const EmployeeRecord& last = out.items.back();
          switch (order) {
            case EmployeeOrder::kNip:
              out.last_key = {last.employee.nip};
              break;
            case EmployeeOrder::kName:
              out.last_key = {last.employee.name, last.employee.nip};
              break;
            case EmployeeOrder::kCreateTimeDesc:
              out.last_key = {absl::StrCat(absl::ToUnixMicros(last.create_time)), last.employee.id};
              break;
          }
        }
        return out;
      });
}

absl::StatusOr<Page<AssignmentRecord>> EmployeeStore::ListAssignments(
    const std::string& employee_id, const PageRequest& page) {
  if (page.page_size < 1) return errors::InvalidField("page_size", "must be at least 1");
  if (page.after.size() > 1) return errors::InvalidField("page_token", "does not fit this list");
  std::optional<std::string> after;
  if (!page.after.empty()) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(page.after[0], &day)) {
      return errors::InvalidField("page_token", "does not fit this list");
    }
    after = page.after[0];
  }
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<AssignmentRecord>> {
        pqxx::result r =
            db::Exec(tx, queries::kAssignmentsPage, employee_id, after, page.page_size + 1);
        if (r.empty() && !after) {
          pqxx::result exists = db::Exec(tx, queries::kEmployeeExists, employee_id);
          if (exists.empty()) return errors::NotFound("employee", employee_id);
        }
        Page<AssignmentRecord> out;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(internal::AssignmentFromRow(row));
        }
        if (out.has_more) out.last_key = {internal::DayText(out.items.back().start_date)};
        return out;
      });
}

}  // namespace kinerja::employee::store
