// Assessment delegations (delegated assessors): create, get, list, end. The rules are in
// domain/delegation.h; the facts are read with the unit row locked, so two delegations of one
// unit cannot both pass the overlap check.
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

std::string DelegationColumns(std::string_view alias) {
  return db::QualifyColumns(
      alias, absl::StrCat("$.id, $.agency_id, $.unit_id, $.delegate_employee_id, ",
                          db::DaysColumn("start_date"), ", ", db::DaysColumn("end_date"),
                          ", $.basis, ", db::MicrosColumn("create_time")));
}
constexpr int kDelegationColumnCount = 8;

AssessmentDelegation DelegationFromRow(const pqxx::row& row) {
  AssessmentDelegation d;
  d.id = row[0].as<std::string>();
  d.agency_id = row[1].as<std::string>();
  d.unit_id = row[2].as<std::string>();
  d.delegate_employee_id = row[3].as<std::string>();
  d.start_date = internal::DayFromField(row[4]);
  d.end_date = internal::OptionalDayFromField(row[5]);
  d.basis = row[6].as<std::string>();
  d.create_time = internal::TimeFromField(row[7]);
  return d;
}

void EmitDelegation(pqxx::work& tx, const WriteOptions& write, const AssessmentDelegation& d) {
  v1::AssessmentDelegationChanged event;
  *event.mutable_delegation() = convert::ToProto(d);
  internal::Emit(tx, write, internal::kAssessmentDelegationChanged, "assessment_delegation", d.id,
                 event);
}

DelegationFacts LoadDelegationFacts(pqxx::work& tx, const AssessmentDelegation& d) {
  DelegationFacts facts;
  pqxx::result unit = db::Exec(tx, queries::kLockUnitRow, d.unit_id);
  if (unit.empty()) return facts;
  facts.unit_agency_id = unit[0][0].as<std::string>();
  facts.unit_end_date = internal::OptionalDayFromField(unit[0][2]);
  pqxx::result person = db::Exec(tx, queries::kEmployeeAgency, d.delegate_employee_id);
  facts.delegate_exists = !person.empty();
  pqxx::result placed = db::Exec(tx, queries::kAgenciesOfPlacementsOnDate, d.delegate_employee_id,
                                 DayText(d.start_date));
  for (const pqxx::row& row : placed) facts.delegate_agencies_on_start.push_back(row[0].c_str());
  pqxx::result others = db::Exec(tx, queries::kUnitDelegationSpans, d.unit_id);
  for (const pqxx::row& row : others) {
    facts.unit_delegations.push_back({row[0].as<std::string>(), internal::DayFromField(row[1]),
                                      internal::OptionalDayFromField(row[2])});
  }
  return facts;
}

}  // namespace

absl::StatusOr<AssessmentDelegation> EmployeeStore::CreateAssessmentDelegation(
    const AssessmentDelegation& delegation, const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateNewDelegation(delegation));
  return internal::RunWrite<AssessmentDelegation>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<AssessmentDelegation> {
        AssessmentDelegation placed = delegation;
        RETURN_IF_ERROR(PlaceDelegation(placed, LoadDelegationFacts(tx, delegation)));
        static const db::Query* sql = new db::Query{
            "employee.delegation_store.1",
            absl::StrCat("INSERT INTO assessment_delegations AS d (id, agency_id, unit_id, "
                         "delegate_employee_id, start_date, end_date, basis) VALUES "
                         "(coalesce($1, gen_random_uuid()::text), $2, $3, $4, $5::date, "
                         "$6::date, $7) ON CONFLICT (id) DO NOTHING RETURNING ",
                         DelegationColumns("d"), ", to_jsonb(d.*)::text")};
        pqxx::result r =
            db::Exec(tx, *sql, internal::NullIfEmpty(placed.id), placed.agency_id, placed.unit_id,
                     placed.delegate_employee_id, DayText(placed.start_date),
                     DayText(placed.end_date), placed.basis);
        if (r.empty()) {
          return absl::AlreadyExistsError(absl::StrCat("delegation ", placed.id, " exists"));
        }
        AssessmentDelegation created = DelegationFromRow(r[0]);
        internal::Audit(tx, write, "assessment_delegation.create", "assessment_delegation",
                        created.id, std::nullopt, r[0][kDelegationColumnCount].as<std::string>());
        EmitDelegation(tx, write, created);
        return created;
      });
}

absl::StatusOr<AssessmentDelegation> EmployeeStore::GetAssessmentDelegation(const std::string& id) {
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<AssessmentDelegation> {
        static const db::Query* sql =
            new db::Query{"employee.delegation_store.2",
                          absl::StrCat("SELECT ", DelegationColumns("d"),
                                       " FROM assessment_delegations d WHERE d.id = $1")};
        pqxx::result r = db::Exec(tx, *sql, id);
        if (r.empty()) return errors::NotFound("assessment delegation", id);
        return DelegationFromRow(r[0]);
      });
}

absl::StatusOr<Page<AssessmentDelegation>> EmployeeStore::ListAssessmentDelegations(
    const std::vector<rpc::Condition>& filter, const PageRequest& page) {
  if (page.page_size < 1) return errors::InvalidField("page_size", "must be at least 1");
  if (!page.after.empty() && page.after.size() != 2) {
    return errors::InvalidField("page_token", "does not fit this list");
  }
  db::SqlParams params;
  std::vector<std::string> where;
  for (const rpc::Condition& c : filter) {
    if (c.op != rpc::FilterOp::kEq ||
        (c.field != "agency_id" && c.field != "unit_id" && c.field != "delegate_employee_id")) {
      return db::UnsupportedCondition(c);
    }
    where.push_back(absl::StrCat("d.", c.field, " = ", params.Add(db::ConditionText(c))));
  }
  if (!page.after.empty()) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(page.after[0], &day)) {
      return errors::InvalidField("page_token", "does not fit this list");
    }
    where.push_back(absl::StrCat("(d.start_date, d.id) > (", params.Add(page.after[0]), "::date, ",
                                 params.Add(page.after[1]), ")"));
  }
  const std::string sql = absl::StrCat("SELECT ", DelegationColumns("d"),
                                       " FROM assessment_delegations d", db::WhereClause(where),
                                       " ORDER BY d.start_date, d.id LIMIT ", page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<AssessmentDelegation>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<AssessmentDelegation> out;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(DelegationFromRow(row));
        }
        if (out.has_more) {
          out.last_key = {DayText(out.items.back().start_date), out.items.back().id};
        }
        return out;
      });
}

absl::StatusOr<AssessmentDelegation> EmployeeStore::EndAssessmentDelegation(
    const std::string& id, absl::CivilDay end_date, const WriteOptions& write) {
  return internal::RunWrite<AssessmentDelegation>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<AssessmentDelegation> {
        static const db::Query* lock = new db::Query{
            "employee.delegation_store.3",
            absl::StrCat("SELECT ", DelegationColumns("d"),
                         ", to_jsonb(d.*)::text FROM assessment_delegations d WHERE d.id = $1 "
                         "FOR UPDATE")};
        pqxx::result locked = db::Exec(tx, *lock, id);
        if (locked.empty()) return errors::NotFound("assessment delegation", id);
        AssessmentDelegation ended = DelegationFromRow(locked[0]);
        ASSIGN_OR_RETURN(bool differs, ApplyDelegationEnd(ended, end_date));
        if (!differs) return ended;
        static const db::Query* sql =
            new db::Query{"employee.delegation_store.4",
                          absl::StrCat("UPDATE assessment_delegations AS d SET end_date = $2::date "
                                       "WHERE d.id = $1 RETURNING ",
                                       DelegationColumns("d"), ", to_jsonb(d.*)::text")};
        pqxx::result r = db::Exec(tx, *sql, id, DayText(end_date));
        AssessmentDelegation updated = DelegationFromRow(r[0]);
        internal::Audit(tx, write, "assessment_delegation.end", "assessment_delegation", id,
                        locked[0][kDelegationColumnCount].as<std::string>(),
                        r[0][kDelegationColumnCount].as<std::string>());
        EmitDelegation(tx, write, updated);
        return updated;
      });
}

}  // namespace kinerja::employee::store
