// Regional heads (kepala daerah, elected or Pj) with their terms: create, get, list, update.
// Rules in domain/regional_head.h; terms of one unit are checked for overlap with the unit row
// locked. A Pj's name is read from the employee record (never stored twice).
#include <string>

#include "absl/strings/str_cat.h"
#include "services/employee/convert/resources.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/queries.h"
#include "services/employee/store/rows.h"
#include "shared/db/filter_sql.h"
#include "shared/db/query.h"

namespace kinerja::employee::store {
namespace {

using internal::DayText;

// The head's columns; name is the employee's for a Pj.
std::string HeadColumns() {
  return db::QualifyColumns(
      "h", absl::StrCat("$.id, $.agency_id, coalesce(e.name, $.name), $.title, $.kind, ",
                        "$.employee_id, ", db::DaysColumn("term_start"), ", ",
                        db::DaysColumn("term_end"), ", $.unit_id, $.basis, $.version, ",
                        db::MicrosColumn("create_time"), ", ", db::MicrosColumn("update_time")));
}
constexpr int kHeadColumnCount = 13;
constexpr char kHeadFrom[] = " FROM regional_heads h LEFT JOIN employees e ON e.id = h.employee_id";

RegionalHead HeadFromRow(const pqxx::row& row) {
  RegionalHead h;
  h.id = row[0].as<std::string>();
  h.agency_id = row[1].as<std::string>();
  h.name = internal::TextOrEmpty(row[2]);
  h.title = row[3].as<std::string>();
  h.kind = ParseRegionalHeadKind(row[4].c_str()).value_or(RegionalHeadKind::kElected);
  h.employee_id = internal::TextOrEmpty(row[5]);
  h.term_start = internal::DayFromField(row[6]);
  h.term_end = internal::OptionalDayFromField(row[7]);
  h.unit_id = row[8].as<std::string>();
  h.basis = row[9].as<std::string>();
  h.version = row[10].as<int64_t>();
  h.create_time = internal::TimeFromField(row[11]);
  h.update_time = internal::TimeFromField(row[12]);
  return h;
}

std::vector<TermSpan> UnitTerms(pqxx::work& tx, const std::string& unit_id) {
  std::vector<TermSpan> terms;
  for (const pqxx::row& row : db::Exec(tx, queries::kUnitHeadTerms, unit_id)) {
    terms.push_back({row[0].as<std::string>(), internal::DayFromField(row[1]),
                     internal::OptionalDayFromField(row[2])});
  }
  return terms;
}

// Reads the head back (with the Pj's name) and its row JSON for the audit.
std::pair<RegionalHead, std::string> ReadHead(pqxx::work& tx, const std::string& id) {
  static const db::Query* sql =
      new db::Query{"employee.regional_head_store.1",
                    absl::StrCat("SELECT ", HeadColumns(), ", to_jsonb(h.*)::text", kHeadFrom,
                                 " WHERE h.id = $1")};
  pqxx::result r = db::Exec(tx, *sql, id);
  return {HeadFromRow(r[0]), r[0][kHeadColumnCount].as<std::string>()};
}

void EmitHead(pqxx::work& tx, const WriteOptions& write, const RegionalHead& head,
              const RegionalHead* previous) {
  v1::RegionalHeadChanged event;
  *event.mutable_head() = convert::ToProto(head);
  if (previous != nullptr) *event.mutable_previous() = convert::ToProto(*previous);
  internal::Emit(tx, write, internal::kRegionalHeadChanged, "regional_head", head.id, event);
}

}  // namespace

absl::StatusOr<RegionalHead> EmployeeStore::CreateRegionalHead(const RegionalHead& head,
                                                               const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateNewRegionalHead(head));
  return internal::RunWrite<RegionalHead>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<RegionalHead> {
        RegionalHeadFacts facts;
        pqxx::result unit = db::Exec(tx, queries::kLockUnitRow, head.unit_id);
        if (!unit.empty()) {
          facts.unit_agency_id = unit[0][0].as<std::string>();
          facts.unit_is_root = unit[0][1].is_null();
          pqxx::result agency = db::Exec(tx, queries::kAgencyHeadTitle, *facts.unit_agency_id);
          if (!agency.empty()) facts.agency_head_title = agency[0][0].as<std::string>();
          facts.unit_terms = UnitTerms(tx, head.unit_id);
        }
        if (!head.employee_id.empty()) {
          facts.employee_exists = !db::Exec(tx, queries::kEmployeeAgency, head.employee_id).empty();
        }
        RegionalHead placed = head;
        RETURN_IF_ERROR(PlaceRegionalHead(placed, facts));
        static const db::Query* sql = new db::Query{
            "employee.regional_head_store.2",
            "INSERT INTO regional_heads (id, agency_id, unit_id, kind, name, title, employee_id, "
            "term_start, term_end, basis) VALUES (coalesce($1, gen_random_uuid()::text), $2, $3, "
            "$4, $5, $6, $7, $8::date, $9::date, $10) ON CONFLICT (id) DO NOTHING RETURNING id"};
        pqxx::result r =
            db::Exec(tx, *sql, internal::NullIfEmpty(placed.id), placed.agency_id, placed.unit_id,
                     std::string(RegionalHeadKindName(placed.kind)),
                     placed.kind == RegionalHeadKind::kPj ? std::string() : placed.name,
                     placed.title, internal::NullIfEmpty(placed.employee_id),
                     DayText(placed.term_start), DayText(placed.term_end), placed.basis);
        if (r.empty()) {
          return absl::AlreadyExistsError(absl::StrCat("regional head ", placed.id, " exists"));
        }
        auto [created, json] = ReadHead(tx, r[0][0].as<std::string>());
        internal::Audit(tx, write, "regional_head.create", "regional_head", created.id,
                        std::nullopt, json);
        EmitHead(tx, write, created, nullptr);
        return created;
      });
}

absl::StatusOr<RegionalHead> EmployeeStore::GetRegionalHead(const std::string& id) {
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<RegionalHead> {
    static const db::Query* sql =
        new db::Query{"employee.regional_head_store.3",
                      absl::StrCat("SELECT ", HeadColumns(), kHeadFrom, " WHERE h.id = $1")};
    pqxx::result r = db::Exec(tx, *sql, id);
    if (r.empty()) return errors::NotFound("regional head", id);
    return HeadFromRow(r[0]);
  });
}

absl::StatusOr<Page<RegionalHead>> EmployeeStore::ListRegionalHeads(
    const std::vector<rpc::Condition>& filter, const PageRequest& page) {
  if (page.page_size < 1) return errors::InvalidField("page_size", "must be at least 1");
  if (!page.after.empty() && page.after.size() != 2) {
    return errors::InvalidField("page_token", "does not fit this list");
  }
  db::SqlParams params;
  std::vector<std::string> where;
  for (const rpc::Condition& c : filter) {
    if (c.op != rpc::FilterOp::kEq ||
        (c.field != "agency_id" && c.field != "unit_id" && c.field != "employee_id")) {
      return db::UnsupportedCondition(c);
    }
    where.push_back(absl::StrCat("h.", c.field, " = ", params.Add(db::ConditionText(c))));
  }
  if (!page.after.empty()) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(page.after[0], &day)) {
      return errors::InvalidField("page_token", "does not fit this list");
    }
    where.push_back(absl::StrCat("(h.term_start, h.id) > (", params.Add(page.after[0]), "::date, ",
                                 params.Add(page.after[1]), ")"));
  }
  const std::string sql = absl::StrCat("SELECT ", HeadColumns(), kHeadFrom, db::WhereClause(where),
                                       " ORDER BY h.term_start, h.id LIMIT ", page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<RegionalHead>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<RegionalHead> out;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(HeadFromRow(row));
        }
        if (out.has_more) {
          out.last_key = {DayText(out.items.back().term_start), out.items.back().id};
        }
        return out;
      });
}

absl::StatusOr<RegionalHead> EmployeeStore::UpdateRegionalHead(const RegionalHeadUpdate& update,
                                                               const WriteOptions& write) {
  return internal::RunWrite<RegionalHead>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<RegionalHead> {
        static const db::Query* unit_of = new db::Query{
            "employee.regional_head_store.4", "SELECT unit_id FROM regional_heads WHERE id = $1"};
        pqxx::result where = db::Exec(tx, *unit_of, update.id);
        if (where.empty()) return errors::NotFound("regional head", update.id);
        const std::string unit_id = where[0][0].as<std::string>();
        db::Exec(tx, queries::kLockUnitRow, unit_id);  // serialises the unit's terms
        static const db::Query* lock =
            new db::Query{"employee.regional_head_store.5",
                          "SELECT 1 FROM regional_heads WHERE id = $1 FOR UPDATE"};
        db::Exec(tx, *lock, update.id);
        auto [before, before_json] = ReadHead(tx, update.id);
        RETURN_IF_ERROR(internal::CheckVersion(update.expected_version, before.version,
                                               absl::StrCat("regional head ", update.id)));
        RegionalHead changed = before;
        ASSIGN_OR_RETURN(bool differs,
                         ApplyRegionalHeadUpdate(changed, update, UnitTerms(tx, unit_id)));
        if (!differs) return before;
        static const db::Query* sql = new db::Query{
            "employee.regional_head_store.6",
            "UPDATE regional_heads SET name = $2, title = $3, term_end = $4::date, basis = $5, "
            "version = version + 1, update_time = now() WHERE id = $1"};
        db::Exec(tx, *sql, update.id,
                 changed.kind == RegionalHeadKind::kPj ? std::string() : changed.name,
                 changed.title, DayText(changed.term_end), changed.basis);
        auto [updated, json] = ReadHead(tx, update.id);
        internal::Audit(tx, write, "regional_head.update", "regional_head", update.id, before_json,
                        json);
        EmitHead(tx, write, updated, &before);
        return updated;
      });
}

}  // namespace kinerja::employee::store
