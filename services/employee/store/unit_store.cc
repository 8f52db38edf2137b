// Org units (UNOR): create under a parent of the same agency, get, list, re-parent without
// cycles, set the leader position.
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

const std::string& SelectUnit() {
  static const std::string* sql =
      new std::string(absl::StrCat("SELECT ", internal::OrgUnitColumns("u"), " FROM org_units u"));
  return *sql;
}

// Serialises changes to one agency's unit tree (cycle checks read the tree they change).
void LockAgencyTree(pqxx::work& tx, const std::string& agency_id) {
  db::Exec(tx, queries::kLockAgencyTree, absl::StrCat("employee.org_units/", agency_id));
}

// What the parent named for a unit of `unit_id` is: its agency, and whether it lies inside the
// unit (walking up from the parent meets the unit). Empty unit_id: a new unit, nothing inside.
ParentFacts LoadParentFacts(pqxx::work& tx, const std::string& parent_id,
                            const std::string& unit_id) {
  pqxx::result parent = db::Exec(tx, queries::kUnitAgency, parent_id);
  if (parent.empty()) return ParentFacts{};
  ParentFacts facts{
      .exists = true, .agency_id = parent[0][0].as<std::string>(), .inside_unit = false};
  if (!unit_id.empty()) {
    pqxx::result cycle = db::Exec(tx, queries::kUnitIsInside, parent_id, unit_id);
    facts.inside_unit = !cycle.empty();
  }
  return facts;
}

// The unit and eselon of a position named as a leader position ("" names none).
LeaderFacts LoadLeaderFacts(pqxx::work& tx, const std::string& position_id) {
  if (position_id.empty()) return LeaderFacts{};
  pqxx::result p = db::Exec(tx, queries::kPositionUnitAndEselon, position_id);
  if (p.empty()) return LeaderFacts{};
  absl::StatusOr<PositionType> type = ParsePositionType(p[0][2].c_str());
  return LeaderFacts{.exists = true,
                     .unit_id = p[0][0].as<std::string>(),
                     .eselon = internal::EselonFromField(p[0][1]),
                     .type = type.ok() ? std::optional<PositionType>(*type) : std::nullopt};
}

void EmitUnit(pqxx::work& tx, const WriteOptions& write, const OrgUnit& unit,
              const OrgUnit* previous = nullptr) {
  v1::OrgUnitChanged event;
  *event.mutable_unit() = convert::ToProto(unit);
  if (previous != nullptr) *event.mutable_previous() = convert::ToProto(*previous);
  internal::Emit(tx, write, internal::kOrgUnitChanged, "org_unit", unit.id, event);
}

struct LockedUnit {
  OrgUnit unit;
  std::string json;
};

absl::StatusOr<LockedUnit> LockUnit(pqxx::work& tx, const std::string& unit_id,
                                    std::optional<int64_t> expected_version) {
  static const db::Query* sql = new db::Query{
      "employee.unit_store.1",
      absl::StrCat("SELECT ", internal::OrgUnitColumns("u"),
                   ", to_jsonb(u.*)::text FROM org_units u WHERE u.id = $1 FOR UPDATE")};
  pqxx::result r = db::Exec(tx, *sql, unit_id);
  if (r.empty()) return errors::NotFound("org unit", unit_id);
  LockedUnit locked{internal::OrgUnitFromRow(r[0]),
                    r[0][internal::kOrgUnitColumnCount].as<std::string>()};
  RETURN_IF_ERROR(internal::CheckVersion(expected_version, locked.unit.version,
                                         absl::StrCat("org unit ", unit_id)));
  return locked;
}

}  // namespace

absl::StatusOr<OrgUnit> EmployeeStore::CreateOrgUnit(const OrgUnit& unit,
                                                     const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateNewOrgUnit(unit));
  return internal::RunWrite<OrgUnit>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<OrgUnit> {
    pqxx::result agency = db::Exec(tx, queries::kAgencyExists, unit.agency_id);
    if (agency.empty()) return ReferenceNotFound("agency_id", "agency", unit.agency_id);
    if (!unit.parent_id.empty()) {
      LockAgencyTree(tx, unit.agency_id);
      RETURN_IF_ERROR(CheckParent(unit.agency_id, unit.parent_id,
                                  LoadParentFacts(tx, unit.parent_id, /*unit_id=*/"")));
    }
    static const db::Query* sql = new db::Query{
        "employee.unit_store.2",
        absl::StrCat("INSERT INTO org_units AS u (id, agency_id, parent_id, name, eselon) "
                     "VALUES (coalesce($1, gen_random_uuid()::text), $2, $3, $4, $5) "
                     "ON CONFLICT (id) DO NOTHING RETURNING ",
                     internal::OrgUnitColumns("u"), ", to_jsonb(u.*)::text")};
    pqxx::result r = db::Exec(tx, *sql, internal::NullIfEmpty(unit.id), unit.agency_id,
                              internal::NullIfEmpty(unit.parent_id), unit.name,
                              internal::EselonParam(unit.eselon));
    if (r.empty()) return absl::AlreadyExistsError(absl::StrCat("org unit ", unit.id, " exists"));
    OrgUnit created = internal::OrgUnitFromRow(r[0]);
    internal::Audit(tx, write, "org_unit.create", "org_unit", created.id, std::nullopt,
                    r[0][internal::kOrgUnitColumnCount].as<std::string>());
    EmitUnit(tx, write, created);
    return created;
  });
}

absl::StatusOr<OrgUnit> EmployeeStore::GetOrgUnit(const std::string& id) {
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<OrgUnit> {
    static const db::Query* sql =
        new db::Query{"employee.unit_store.3", SelectUnit() + " WHERE u.id = $1"};
    pqxx::result r = db::Exec(tx, *sql, id);
    if (r.empty()) return errors::NotFound("org unit", id);
    return internal::OrgUnitFromRow(r[0]);
  });
}

absl::StatusOr<Page<OrgUnit>> EmployeeStore::ListOrgUnits(const std::vector<rpc::Condition>& filter,
                                                          const PageRequest& page) {
  if (page.page_size < 1) return errors::InvalidField("page_size", "must be at least 1");
  if (page.after.size() > 1) return errors::InvalidField("page_token", "does not fit this list");
  db::SqlParams params;
  std::vector<std::string> where;
  for (const rpc::Condition& c : filter) {
    if (c.op != rpc::FilterOp::kEq) return db::UnsupportedCondition(c);
    std::string value = db::ConditionText(c);
    if (c.field == "agency_id") {
      where.push_back("u.agency_id = " + params.Add(value));
    } else if (c.field == "parent_id") {
      where.push_back(value.empty() ? std::string("u.parent_id IS NULL")
                                    : "u.parent_id = " + params.Add(value));
    } else {
      return db::UnsupportedCondition(c);
    }
  }
  if (!page.after.empty()) where.push_back("u.id > " + params.Add(page.after[0]));
  const std::string sql = absl::StrCat(SelectUnit(), db::WhereClause(where),
                                       " ORDER BY u.id LIMIT ", page.page_size + 1);
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<OrgUnit>> {
    pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
    Page<OrgUnit> out;
    for (const pqxx::row& row : r) {
      if (static_cast<int>(out.items.size()) == page.page_size) {
        out.has_more = true;
        break;
      }
      out.items.push_back(internal::OrgUnitFromRow(row));
    }
    if (out.has_more) out.last_key = {out.items.back().id};
    return out;
  });
}

absl::StatusOr<OrgUnit> EmployeeStore::SetUnitParent(const std::string& unit_id,
                                                     const std::string& parent_id,
                                                     std::optional<int64_t> expected_version,
                                                     const WriteOptions& write) {
  RETURN_IF_ERROR(CheckNotOwnParent(unit_id, parent_id));
  return internal::RunWrite<OrgUnit>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<OrgUnit> {
    pqxx::result agency = db::Exec(tx, queries::kUnitAgency, unit_id);
    if (agency.empty()) return errors::NotFound("org unit", unit_id);
    LockAgencyTree(tx, agency[0][0].as<std::string>());
    ASSIGN_OR_RETURN(LockedUnit locked, LockUnit(tx, unit_id, expected_version));
    ParentFacts parent;
    if (!parent_id.empty() && parent_id != locked.unit.parent_id) {
      parent = LoadParentFacts(tx, parent_id, unit_id);
    }
    OrgUnit moved = locked.unit;
    ASSIGN_OR_RETURN(bool differs, ApplyUnitParent(moved, parent_id, parent));
    if (!differs) return locked.unit;
    static const db::Query* sql = new db::Query{
        "employee.unit_store.4",
        absl::StrCat(
            "UPDATE org_units AS u SET parent_id = $2, version = version + 1, update_time = now() "
            "WHERE u.id = $1 RETURNING ",
            internal::OrgUnitColumns("u"), ", to_jsonb(u.*)::text")};
    pqxx::result r = db::Exec(tx, *sql, unit_id, internal::NullIfEmpty(parent_id));
    OrgUnit updated = internal::OrgUnitFromRow(r[0]);
    internal::Audit(tx, write, "org_unit.set_parent", "org_unit", unit_id, locked.json,
                    r[0][internal::kOrgUnitColumnCount].as<std::string>());
    EmitUnit(tx, write, updated, &locked.unit);
    return updated;
  });
}

absl::StatusOr<OrgUnit> EmployeeStore::SetUnitLeaderPosition(
    const std::string& unit_id, const std::string& position_id,
    std::optional<int64_t> expected_version, const WriteOptions& write) {
  return internal::RunWrite<OrgUnit>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<OrgUnit> {
    ASSIGN_OR_RETURN(LockedUnit locked, LockUnit(tx, unit_id, expected_version));
    OrgUnit led = locked.unit;
    ASSIGN_OR_RETURN(bool differs,
                     ApplyLeaderPosition(led, position_id, LoadLeaderFacts(tx, position_id)));
    if (!differs) return locked.unit;
    static const db::Query* sql = new db::Query{
        "employee.unit_store.5",
        absl::StrCat("UPDATE org_units AS u SET leader_position_id = $2, eselon = $3, "
                     "version = version + 1, update_time = now() WHERE u.id = $1 RETURNING ",
                     internal::OrgUnitColumns("u"), ", to_jsonb(u.*)::text")};
    pqxx::result r = db::Exec(tx, *sql, unit_id, internal::NullIfEmpty(led.leader_position_id),
                              internal::EselonParam(led.eselon));
    OrgUnit updated = internal::OrgUnitFromRow(r[0]);
    internal::Audit(tx, write, "org_unit.set_leader_position", "org_unit", unit_id, locked.json,
                    r[0][internal::kOrgUnitColumnCount].as<std::string>());
    EmitUnit(tx, write, updated, &locked.unit);
    return updated;
  });
}

absl::StatusOr<OrgUnit> EmployeeStore::UpdateOrgUnit(const OrgUnitUpdate& update,
                                                     const WriteOptions& write) {
  if (update.parent_id) RETURN_IF_ERROR(CheckNotOwnParent(update.id, *update.parent_id));
  return internal::RunWrite<OrgUnit>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<OrgUnit> {
    pqxx::result agency = db::Exec(tx, queries::kUnitAgency, update.id);
    if (agency.empty()) return errors::NotFound("org unit", update.id);
    // A move or an abolition reads the tree it changes: serialised per agency.
    LockAgencyTree(tx, agency[0][0].as<std::string>());
    ASSIGN_OR_RETURN(LockedUnit locked, LockUnit(tx, update.id, update.expected_version));
    OrgUnitUpdateFacts facts;
    if (update.parent_id && !update.parent_id->empty() &&
        *update.parent_id != locked.unit.parent_id) {
      facts.parent = LoadParentFacts(tx, *update.parent_id, update.id);
    }
    if (update.leader_position_id) facts.leader = LoadLeaderFacts(tx, *update.leader_position_id);
    if (update.end_date && update.end_date->has_value()) {
      pqxx::result r = db::Exec(tx, queries::kUnitOccupancyFrom, update.id,
                                internal::DayText(**update.end_date));
      facts.staff_from_end = r[0][0].as<int64_t>();
      facts.open_children_at_end = r[0][1].as<int64_t>();
    }
    OrgUnit changed = locked.unit;
    ASSIGN_OR_RETURN(bool differs, ApplyOrgUnitUpdate(changed, update, facts));
    if (!differs) return locked.unit;
    static const db::Query* sql = new db::Query{
        "employee.unit_store.6",
        absl::StrCat(
            "UPDATE org_units AS u SET name = $2, parent_id = $3, leader_position_id = $4, "
            "eselon = $5, end_date = $6::date, version = version + 1, "
            "update_time = now() WHERE u.id = $1 RETURNING ",
            internal::OrgUnitColumns("u"), ", to_jsonb(u.*)::text")};
    pqxx::result r =
        db::Exec(tx, *sql, update.id, changed.name, internal::NullIfEmpty(changed.parent_id),
                 internal::NullIfEmpty(changed.leader_position_id),
                 internal::EselonParam(changed.eselon), internal::DayText(changed.end_date));
    OrgUnit updated = internal::OrgUnitFromRow(r[0]);
    internal::Audit(tx, write, "org_unit.update", "org_unit", update.id, locked.json,
                    r[0][internal::kOrgUnitColumnCount].as<std::string>());
    EmitUnit(tx, write, updated, &locked.unit);
    return updated;
  });
}

}  // namespace kinerja::employee::store
