// Acting officials (Plt / Plh): create, list.
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

std::optional<std::string> AgencyOf(pqxx::work& tx, const db::Query& query, const std::string& id) {
  pqxx::result r = db::Exec(tx, query, id);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::string>();
}

ActingFacts LoadActingFacts(pqxx::work& tx, const ActingOfficial& acting) {
  return ActingFacts{
      .position_agency_id = AgencyOf(tx, queries::kPositionAgency, acting.position_id),
      .employee_agency_id = AgencyOf(tx, queries::kEmployeeAgency, acting.employee_id),
  };
}

}  // namespace

absl::StatusOr<ActingOfficial> EmployeeStore::CreateActingOfficial(const ActingOfficial& acting,
                                                                   const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateNewActingOfficial(acting));
  return internal::RunWrite<
      ActingOfficial>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<ActingOfficial> {
    ActingOfficial placed = acting;
    RETURN_IF_ERROR(PlaceActingOfficial(placed, LoadActingFacts(tx, acting)));
    static const db::Query* sql = new db::Query{
        "employee.acting_store.1",
        absl::StrCat(
            "INSERT INTO acting_officials AS a (id, position_id, employee_id, kind, start_date, "
            "end_date, basis, agency_id) VALUES (coalesce($1, gen_random_uuid()::text), $2, $3, "
            "$4, $5::date, $6::date, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING ",
            internal::ActingColumns("a"), ", to_jsonb(a.*)::text")};
    pqxx::result r = db::Exec(
        tx, *sql, internal::NullIfEmpty(acting.id), acting.position_id, acting.employee_id,
        std::string(internal::ActingKindName(acting.kind)), internal::DayText(acting.start_date),
        internal::DayText(acting.end_date), acting.basis, placed.agency_id);
    if (r.empty()) {
      return absl::AlreadyExistsError(absl::StrCat("acting official ", acting.id, " exists"));
    }
    ActingOfficial created = internal::ActingFromRow(r[0]);
    internal::Audit(tx, write, "acting_official.create", "acting_official", created.id,
                    std::nullopt, r[0][9].as<std::string>());
    v1::ActingOfficialAssigned event;
    *event.mutable_acting_official() = convert::ToProto(created);
    internal::Emit(tx, write, internal::kActingOfficialAssigned, "acting_official", created.id,
                   event);
    return created;
  });
}

absl::StatusOr<ActingOfficial> EmployeeStore::GetActingOfficial(const std::string& id) {
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<ActingOfficial> {
        static const db::Query* sql = new db::Query{
            "employee.acting_store.4", absl::StrCat("SELECT ", internal::ActingColumns("a"),
                                                    " FROM acting_officials a WHERE a.id = $1")};
        pqxx::result r = db::Exec(tx, *sql, id);
        if (r.empty()) return errors::NotFound("acting official", id);
        return internal::ActingFromRow(r[0]);
      });
}

absl::StatusOr<ActingOfficial> EmployeeStore::UpdateActingOfficial(const ActingUpdate& update,
                                                                   const WriteOptions& write) {
  return internal::RunWrite<ActingOfficial>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<ActingOfficial> {
        static const db::Query* lock = new db::Query{
            "employee.acting_store.2",
            absl::StrCat(
                "SELECT ", internal::ActingColumns("a"),
                ", to_jsonb(a.*)::text FROM acting_officials a WHERE a.id = $1 FOR UPDATE")};
        pqxx::result locked = db::Exec(tx, *lock, update.id);
        if (locked.empty()) return errors::NotFound("acting official", update.id);
        const ActingOfficial before = internal::ActingFromRow(locked[0]);
        ActingOfficial changed = before;
        ASSIGN_OR_RETURN(bool differs, ApplyActingUpdate(changed, update));
        if (!differs) return before;
        static const db::Query* sql = new db::Query{
            "employee.acting_store.3",
            absl::StrCat("UPDATE acting_officials AS a SET end_date = $2::date, basis = $3 "
                         "WHERE a.id = $1 RETURNING ",
                         internal::ActingColumns("a"), ", to_jsonb(a.*)::text")};
        pqxx::result r =
            db::Exec(tx, *sql, update.id, internal::DayText(changed.end_date), changed.basis);
        ActingOfficial updated = internal::ActingFromRow(r[0]);
        internal::Audit(tx, write, "acting_official.update", "acting_official", update.id,
                        locked[0][9].as<std::string>(), r[0][9].as<std::string>());
        v1::ActingOfficialChanged event;
        *event.mutable_acting_official() = convert::ToProto(updated);
        *event.mutable_previous() = convert::ToProto(before);
        internal::Emit(tx, write, internal::kActingOfficialChanged, "acting_official", updated.id,
                       event);
        return updated;
      });
}

absl::StatusOr<Page<ActingOfficial>> EmployeeStore::ListActingOfficials(
    const std::vector<rpc::Condition>& filter, const PageRequest& page) {
  if (page.page_size < 1) return errors::InvalidField("page_size", "must be at least 1");
  if (!page.after.empty() && page.after.size() != 2) {
    return errors::InvalidField("page_token", "does not fit this list");
  }
  db::SqlParams params;
  std::vector<std::string> where;
  for (const rpc::Condition& c : filter) {
    if (c.op != rpc::FilterOp::kEq ||
        (c.field != "position_id" && c.field != "employee_id" && c.field != "agency_id")) {
      return db::UnsupportedCondition(c);
    }
    where.push_back(absl::StrCat("a.", c.field, " = ", params.Add(db::ConditionText(c))));
  }
  if (!page.after.empty()) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(page.after[0], &day)) {
      return errors::InvalidField("page_token", "does not fit this list");
    }
    where.push_back(absl::StrCat("(a.start_date, a.id) > (", params.Add(page.after[0]), "::date, ",
                                 params.Add(page.after[1]), ")"));
  }
  const std::string sql = absl::StrCat("SELECT ", internal::ActingColumns("a"),
                                       " FROM acting_officials a", db::WhereClause(where),
                                       " ORDER BY a.start_date, a.id LIMIT ", page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<ActingOfficial>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<ActingOfficial> out;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(internal::ActingFromRow(row));
        }
        if (out.has_more) {
          out.last_key = {internal::DayText(out.items.back().start_date), out.items.back().id};
        }
        return out;
      });
}

}  // namespace kinerja::employee::store
