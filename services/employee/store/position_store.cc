// Positions (jabatan): create (optionally as the unit's leader position), get, list.
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

const std::string& SelectPosition() {
  static const std::string* sql =
      new std::string(absl::StrCat("SELECT ", internal::PositionColumns("p"), " FROM positions p"));
  return *sql;
}

}  // namespace

absl::StatusOr<Position> EmployeeStore::CreatePosition(const Position& position, bool unit_leader,
                                                       const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateNewPosition(position));
  return internal::RunWrite<Position>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<Position> {
        // Lock the unit when the position becomes its leader (the unit row changes too).
        pqxx::result unit =
            db::Exec(tx, unit_leader ? queries::kLockUnitForLeader : queries::kUnitAgencyVersion,
                     position.unit_id);
        Position placed = position;
        std::optional<std::string> unit_agency_id;
        if (!unit.empty()) unit_agency_id = unit[0][0].as<std::string>();
        RETURN_IF_ERROR(PlaceNewPosition(placed, unit_agency_id));
        static const db::Query* sql = new db::Query{
            "employee.position_store.1",
            absl::StrCat(
                "INSERT INTO positions AS p (id, agency_id, unit_id, name, type, functional_level, "
                "eselon, non_asn_holder_name) "
                "VALUES (coalesce($1, gen_random_uuid()::text), $2, $3, $4, $5, $6, $7, $8) "
                "ON CONFLICT (id) DO NOTHING RETURNING ",
                internal::PositionColumns("p"), ", to_jsonb(p.*)::text")};
        pqxx::result r =
            db::Exec(tx, *sql, internal::NullIfEmpty(position.id), placed.agency_id,
                     position.unit_id, position.name, std::string(PositionTypeName(position.type)),
                     std::string(FunctionalLevelName(position.functional_level)),
                     internal::EselonParam(position.eselon), position.non_asn_holder_name);
        if (r.empty()) {
          return absl::AlreadyExistsError(absl::StrCat("position ", position.id, " exists"));
        }
        Position created = internal::PositionFromRow(r[0]);
        internal::Audit(tx, write, "position.create", "position", created.id, std::nullopt,
                        r[0][11].as<std::string>());
        v1::PositionChanged event;
        *event.mutable_position() = convert::ToProto(created);
        internal::Emit(tx, write, internal::kPositionChanged, "position", created.id, event);
        if (unit_leader) {
          static const db::Query* set_leader = new db::Query{
              "employee.position_store.2",
              absl::StrCat("UPDATE org_units AS u SET leader_position_id = $2, eselon = $3, "
                           "version = version + 1, update_time = now() WHERE u.id = $1 RETURNING ",
                           internal::OrgUnitColumns("u"), ", to_jsonb(u.*)::text")};
          pqxx::result u = db::Exec(tx, *set_leader, position.unit_id, created.id,
                                    internal::EselonParam(created.eselon));
          OrgUnit updated = internal::OrgUnitFromRow(u[0]);
          internal::Audit(tx, write, "org_unit.set_leader_position", "org_unit", updated.id,
                          unit[0][2].as<std::string>(),
                          u[0][internal::kOrgUnitColumnCount].as<std::string>());
          v1::OrgUnitChanged unit_event;
          *unit_event.mutable_unit() = convert::ToProto(updated);
          internal::Emit(tx, write, internal::kOrgUnitChanged, "org_unit", updated.id, unit_event);
        }
        return created;
      });
}

absl::StatusOr<Position> EmployeeStore::GetPosition(const std::string& id) {
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Position> {
    static const db::Query* sql =
        new db::Query{"employee.position_store.3", SelectPosition() + " WHERE p.id = $1"};
    pqxx::result r = db::Exec(tx, *sql, id);
    if (r.empty()) return errors::NotFound("position", id);
    return internal::PositionFromRow(r[0]);
  });
}

absl::StatusOr<Page<Position>> EmployeeStore::ListPositions(
    const std::vector<rpc::Condition>& filter, const PageRequest& page) {
  if (page.page_size < 1) return errors::InvalidField("page_size", "must be at least 1");
  if (page.after.size() > 1) return errors::InvalidField("page_token", "does not fit this list");
  db::SqlParams params;
  std::vector<std::string> where;
  for (const rpc::Condition& c : filter) {
    if (c.field == "agency_id" && c.op == rpc::FilterOp::kEq) {
      where.push_back("p.agency_id = " + params.Add(db::ConditionText(c)));
    } else if (c.field == "unit_id" && c.op == rpc::FilterOp::kEq) {
      where.push_back("p.unit_id = " + params.Add(db::ConditionText(c)));
    } else if (c.field == "type" && (c.op == rpc::FilterOp::kEq || c.op == rpc::FilterOp::kNe)) {
      std::string type = db::ConditionText(c, "POSITION_TYPE");
      RETURN_IF_ERROR(ParsePositionType(type).status());
      where.push_back(
          absl::StrCat("p.type ", c.op == rpc::FilterOp::kEq ? "= " : "<> ", params.Add(type)));
    } else {
      return db::UnsupportedCondition(c);
    }
  }
  if (!page.after.empty()) where.push_back("p.id > " + params.Add(page.after[0]));
  const std::string sql = absl::StrCat(SelectPosition(), db::WhereClause(where),
                                       " ORDER BY p.id LIMIT ", page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<Position>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<Position> out;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(internal::PositionFromRow(row));
        }
        if (out.has_more) out.last_key = {out.items.back().id};
        return out;
      });
}

absl::StatusOr<Position> EmployeeStore::UpdatePosition(const PositionUpdate& update,
                                                       const WriteOptions& write) {
  return internal::RunWrite<Position>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<Position> {
        static const db::Query* lock = new db::Query{
            "employee.position_store.4",
            absl::StrCat("SELECT ", internal::PositionColumns("p"),
                         ", to_jsonb(p.*)::text, (SELECT u.id FROM org_units u "
                         "WHERE u.leader_position_id = p.id) FROM positions p WHERE p.id = $1 "
                         "FOR UPDATE")};
        pqxx::result locked = db::Exec(tx, *lock, update.id);
        if (locked.empty()) return errors::NotFound("position", update.id);
        const Position before = internal::PositionFromRow(locked[0]);
        RETURN_IF_ERROR(internal::CheckVersion(update.expected_version, before.version,
                                               absl::StrCat("position ", update.id)));
        const std::string led_unit = internal::TextOrEmpty(locked[0][12]);
        Position changed = before;
        ASSIGN_OR_RETURN(bool differs, ApplyPositionUpdate(changed, update, !led_unit.empty()));
        if (!differs) return before;
        static const db::Query* sql = new db::Query{
            "employee.position_store.5",
            absl::StrCat("UPDATE positions AS p SET name = $2, type = $3, functional_level = $4, "
                         "eselon = $5, version = version + 1, update_time = now() "
                         "WHERE p.id = $1 RETURNING ",
                         internal::PositionColumns("p"), ", to_jsonb(p.*)::text")};
        pqxx::result r =
            db::Exec(tx, *sql, update.id, changed.name, std::string(PositionTypeName(changed.type)),
                     std::string(FunctionalLevelName(changed.functional_level)),
                     internal::EselonParam(changed.eselon));
        Position updated = internal::PositionFromRow(r[0]);
        internal::Audit(tx, write, "position.update", "position", update.id,
                        locked[0][11].as<std::string>(), r[0][11].as<std::string>());
        v1::PositionChanged event;
        *event.mutable_position() = convert::ToProto(updated);
        *event.mutable_previous() = convert::ToProto(before);
        internal::Emit(tx, write, internal::kPositionChanged, "position", updated.id, event);
        // The unit a leader position leads mirrors its eselon (org_units.eselon).
        if (!led_unit.empty() && updated.eselon != before.eselon) {
          pqxx::result unit = db::Exec(tx, queries::kLockUnitForLeader, led_unit);
          static const db::Query* set_eselon = new db::Query{
              "employee.position_store.6",
              absl::StrCat("UPDATE org_units AS u SET eselon = $2, version = version + 1, "
                           "update_time = now() WHERE u.id = $1 RETURNING ",
                           internal::OrgUnitColumns("u"), ", to_jsonb(u.*)::text")};
          static const db::Query* read_unit = new db::Query{
              "employee.position_store.7", absl::StrCat("SELECT ", internal::OrgUnitColumns("u"),
                                                        " FROM org_units u WHERE u.id = $1")};
          pqxx::result prior = db::Exec(tx, *read_unit, led_unit);
          pqxx::result u =
              db::Exec(tx, *set_eselon, led_unit, internal::EselonParam(updated.eselon));
          internal::Audit(tx, write, "org_unit.set_leader_eselon", "org_unit", led_unit,
                          unit[0][2].as<std::string>(),
                          u[0][internal::kOrgUnitColumnCount].as<std::string>());
          v1::OrgUnitChanged unit_event;
          *unit_event.mutable_unit() = convert::ToProto(internal::OrgUnitFromRow(u[0]));
          *unit_event.mutable_previous() = convert::ToProto(internal::OrgUnitFromRow(prior[0]));
          internal::Emit(tx, write, internal::kOrgUnitChanged, "org_unit", led_unit, unit_event);
        }
        return updated;
      });
}

}  // namespace kinerja::employee::store
