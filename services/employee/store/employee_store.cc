// Employee writes: create (with the first assignment), update (name, status, rank), transfer
// (close the open assignment, open the next one).
#include <string>

#include "absl/strings/str_cat.h"
#include "services/employee/convert/events.h"
#include "services/employee/convert/resources.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/queries.h"
#include "services/employee/store/rows.h"
#include "shared/db/event_writes.h"
#include "shared/db/query.h"
#include "shared/db/run.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::employee::store {
namespace {

constexpr int kJsonColumn = internal::kEmployeeColumnCount;  // to_jsonb(e.*) after the columns

struct LockedEmployee {
  EmployeeRecord record;
  std::string json;
};

absl::StatusOr<LockedEmployee> LockEmployee(pqxx::work& tx, const std::string& id,
                                            std::optional<int64_t> expected_version) {
  static const db::Query* sql = new db::Query{
      "employee.employee_store.1",
      absl::StrCat("SELECT ", internal::EmployeeColumns("e"),
                   ", to_jsonb(e.*)::text FROM employees e WHERE e.id = $1 FOR UPDATE")};
  pqxx::result r = db::Exec(tx, *sql, id);
  if (r.empty()) return errors::NotFound("employee", id);
  LockedEmployee locked{internal::EmployeeFromRow(r[0]), r[0][kJsonColumn].as<std::string>()};
  RETURN_IF_ERROR(internal::CheckVersion(expected_version, locked.record.version,
                                         absl::StrCat("employee ", id)));
  return locked;
}

// The position's unit and agency; nullopt when there is no such position.
std::optional<PositionPlace> PlaceOf(pqxx::work& tx, const std::string& position_id) {
  pqxx::result r = db::Exec(tx, queries::kPositionPlace, position_id);
  if (r.empty()) return std::nullopt;
  return PositionPlace{.unit_id = r[0][0].as<std::string>(),
                       .agency_id = r[0][1].as<std::string>()};
}

// UPDATE ... RETURNING the columns and the row as JSON.
const std::string& UpdateReturning() {
  static const std::string* sql = new std::string(
      absl::StrCat(" RETURNING ", internal::EmployeeColumns("e"), ", to_jsonb(e.*)::text"));
  return *sql;
}

// Start of the employee's open assignment, locked; nullopt when there is none.
std::optional<absl::CivilDay> OpenAssignmentStart(pqxx::work& tx, const std::string& employee_id) {
  pqxx::result open = db::Exec(tx, queries::kOpenAssignmentStart, employee_id);
  if (open.empty()) return std::nullopt;
  return internal::DayFromField(open[0][0]);
}

void InsertAssignment(pqxx::work& tx, const AssignmentRecord& a) {
  db::Exec0(tx, queries::kInsertAssignment, a.employee_id, internal::DayText(a.start_date),
            a.position_id, a.unit_id, a.agency_id, std::string(AssignmentReasonName(a.reason)));
}

// Carries out the history change that ApplyTransfer decided.
void WriteAssignmentChange(pqxx::work& tx, const AssignmentChange& change) {
  const AssignmentRecord& next = change.next;
  switch (change.kind) {
    case AssignmentChange::Kind::kOpen:
      InsertAssignment(tx, next);
      return;
    case AssignmentChange::Kind::kCorrect:
      db::Exec0(tx, queries::kCorrectOpenAssignment, next.employee_id, next.position_id,
                next.unit_id, std::string(AssignmentReasonName(next.reason)));
      return;
    case AssignmentChange::Kind::kCloseAndOpen:
      db::Exec0(tx, queries::kCloseOpenAssignment, next.employee_id,
                internal::DayText(next.start_date));
      InsertAssignment(tx, next);
      return;
  }
}

// The audit row (before/after as JSON) and the event of a change to an employee, together.
void RecordEmployeeChange(pqxx::work& tx, const WriteOptions& write, const char* action,
                          std::optional<std::string> before_json, std::string after_json,
                          const char* type, const std::string& id,
                          const google::protobuf::Message& payload) {
  events::RecordChange(tx, write,
                       {action, "employee", id, std::move(before_json), std::move(after_json)},
                       {type, "employee", id, &payload});
}

v1::EmployeeChanged ChangedEvent(const EmployeeRecord& record) {
  v1::EmployeeChanged event;
  *event.mutable_employee() = convert::ToProto(record);
  return event;
}

}  // namespace

absl::StatusOr<EmployeeRecord> EmployeeStore::CreateEmployee(const EmployeeRecord& record,
                                                             const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateNewEmployee(record));
  return internal::RunWrite<
      EmployeeRecord>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<EmployeeRecord> {
    EmployeeRecord placed = record;
    std::optional<PositionPlace> place;
    if (!record.employee.position_id.empty()) place = PlaceOf(tx, record.employee.position_id);
    RETURN_IF_ERROR(PlaceNewEmployee(placed, place));
    const Employee& e = placed.employee;
    if (e.position_id.empty()) {
      pqxx::result agency = db::Exec(tx, queries::kAgencyExists, e.agency_id);
      if (agency.empty()) return ReferenceNotFound("agency_id", "agency", e.agency_id);
    }
    pqxx::result same_nip = db::Exec(tx, queries::kEmployeeIdByNip, e.nip);
    if (!same_nip.empty()) {
      return absl::AlreadyExistsError(
          absl::StrCat("nip: employee ", same_nip[0][0].c_str(), " already has NIP ", e.nip));
    }
    if (!e.siasn_id.empty()) {
      pqxx::result same_siasn = db::Exec(tx, queries::kEmployeeIdBySiasnId, e.siasn_id);
      if (!same_siasn.empty()) {
        return absl::AlreadyExistsError(absl::StrCat(
            "siasn_id: employee ", same_siasn[0][0].c_str(), " already has SIASN id ", e.siasn_id));
      }
    }
    static const db::Query* sql = new db::Query{
        "employee.employee_store.3",
        absl::StrCat(
            "INSERT INTO employees AS e (id, nip, kind, candidate, name, sex, birth_date, rank, "
            "status, agency_id, unit_id, position_id, appointment_date, position_start_date, "
            "siasn_id) VALUES (coalesce($1, gen_random_uuid()::text), $2, $3, $4, $5, $6, "
            "$7::date, $8, $9, $10, $11, $12, $13::date, $14::date, $15)",
            UpdateReturning())};
    pqxx::result r = db::Exec(
        tx, *sql, internal::NullIfEmpty(e.id), e.nip, std::string(EmployeeKindName(e.kind)),
        e.candidate, e.name, std::string(SexName(e.sex)), internal::DayText(e.birth_date),
        internal::RankParam(e.rank), std::string(EmployeeStatusName(e.status)), e.agency_id,
        internal::NullIfEmpty(e.unit_id), internal::NullIfEmpty(e.position_id),
        internal::DayText(placed.appointment_date), internal::DayText(placed.position_start_date),
        internal::NullIfEmpty(e.siasn_id));
    EmployeeRecord created = internal::EmployeeFromRow(r[0]);
    if (std::optional<AssignmentRecord> first = FirstAssignment(created)) {
      InsertAssignment(tx, *first);
    }
    RecordEmployeeChange(tx, write, "employee.create", std::nullopt,
                         r[0][kJsonColumn].as<std::string>(), internal::kEmployeeCreated,
                         created.employee.id, ChangedEvent(created));
    return created;
  });
}

namespace {

// The change takes the employee out of service (DOMAIN.md: the one who left does not decide).
bool LeavesService(const Employee& before, const Employee& after) {
  return IsInService(before.status) && !IsInService(after.status);
}

// UpdateEmployee as one statement: applies the change only if the row is still at
// `current.version`, and writes the audit row (before/after as the database's JSON of the row)
// and the event with it. False when the row moved on meanwhile (nothing written).
absl::StatusOr<bool> WriteUpdateStatement(db::Pool& pool, const EmployeeRecord& current,
                                          const EmployeeRecord& updated,
                                          const WriteOptions& write) {
  static const db::Query* sql = new db::Query{
      "employee.UpdateEmployeeStatement",
      "WITH old AS (SELECT e.id, to_jsonb(e.*)::text AS json FROM employees e "
      "  WHERE e.id = $1 AND e.version = $2), "
      "upd AS (UPDATE employees AS e SET name = $3, status = $4, rank = $5, "
      "  version = e.version + 1, "
      "  update_time = 'epoch'::timestamptz + $6::bigint * interval '1 microsecond' "
      "  FROM old WHERE e.id = old.id AND e.version = $2 "
      "  RETURNING e.id, to_jsonb(e.*)::text AS json, old.json AS before_json), "
      "audit AS (INSERT INTO audit_log (actor, request_id, action, resource_type, resource_id, "
      "  before, after) SELECT $7, $8, 'employee.update', 'employee', upd.id, "
      "  upd.before_json::jsonb, upd.json::jsonb FROM upd), "
      // An employee who leaves the service (retired, deceased, dismissed, transferred out)
      // holds no position and acts in none from the day it is recorded ($12, Asia/Jakarta).
      "left_post AS (UPDATE assignments a SET valid_to = GREATEST(a.valid_from + 1, $12::date) "
      "  FROM upd WHERE $13 AND a.employee_id = upd.id AND a.valid_to IS NULL), "
      "left_acting AS (UPDATE acting_officials x SET end_date = GREATEST(x.start_date, "
      "  $12::date - 1) FROM upd WHERE $13 AND x.employee_id = upd.id AND x.end_date >= $12::date) "
      "INSERT INTO outbox (type, aggregate_type, aggregate_id, payload_type, payload, actor, "
      "  request_id) SELECT $9, 'employee', upd.id, $10, $11, $7, $8 FROM upd "
      "RETURNING 1"};
  const v1::EmployeeChanged event = ChangedEvent(updated);
  return db::RunStatementWrite(pool, [&](pqxx::transaction_base& tx) -> absl::StatusOr<bool> {
    pqxx::result r = db::Exec(tx, *sql, current.employee.id, current.version, updated.employee.name,
                              std::string(EmployeeStatusName(updated.employee.status)),
                              internal::RankParam(updated.employee.rank),
                              absl::ToUnixMicros(updated.update_time), write.ctx.actor,
                              write.ctx.request_id, std::string(internal::kEmployeeUpdated),
                              events::TypeUrl(event), pqxx::binarystring(event.SerializeAsString()),
                              internal::DayText(rpc::TodayInJakarta(updated.update_time)),
                              LeavesService(current.employee, updated.employee));
    if (r.empty()) return false;
    db::CountEventWrite();
    return true;
  });
}

}  // namespace

absl::StatusOr<EmployeeRecord> EmployeeStore::UpdateEmployee(const EmployeeUpdate& update,
                                                             const WriteOptions& write,
                                                             const EmployeeRecord* read) {
  if (update.id.empty()) return errors::InvalidField("id", "is required");
  if (!write.idempotency) {
    std::optional<EmployeeRecord> current;
    if (read != nullptr && read->employee.id == update.id) current = *read;
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (!current) {
        ASSIGN_OR_RETURN(EmployeeRecord fresh, GetEmployee(update.id));
        current = std::move(fresh);
      }
      RETURN_IF_ERROR(internal::CheckVersion(update.expected_version, current->version,
                                             absl::StrCat("employee ", update.id)));
      Employee changed = current->employee;
      ASSIGN_OR_RETURN(bool differs, ApplyEmployeeUpdate(changed, update));
      if (!differs) return *current;
      EmployeeRecord updated = *current;
      updated.employee = std::move(changed);
      updated.version = current->version + 1;
      // Microseconds, as the column keeps it, so that the answer, the event and a later read
      // agree.
      updated.update_time = absl::FromUnixMicros(absl::ToUnixMicros(absl::Now()));
      ASSIGN_OR_RETURN(bool written, WriteUpdateStatement(pool_, *current, updated, write));
      if (written) return updated;
      current.reset();  // changed since it was read: read it again
    }
    return absl::AbortedError(
        absl::StrCat("employee ", update.id, " kept changing while it was updated; retry"));
  }
  return internal::RunWrite<EmployeeRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<EmployeeRecord> {
        ASSIGN_OR_RETURN(LockedEmployee locked,
                         LockEmployee(tx, update.id, update.expected_version));
        Employee changed = locked.record.employee;
        ASSIGN_OR_RETURN(bool differs, ApplyEmployeeUpdate(changed, update));
        if (!differs) return locked.record;
        static const db::Query* sql = new db::Query{
            "employee.employee_store.4",
            absl::StrCat("UPDATE employees AS e SET name = $2, status = $3, rank = $4, "
                         "version = version + 1, update_time = now() WHERE e.id = $1",
                         UpdateReturning())};
        pqxx::result r = db::Exec(tx, *sql, update.id, changed.name,
                                  std::string(EmployeeStatusName(changed.status)),
                                  internal::RankParam(changed.rank));
        EmployeeRecord updated = internal::EmployeeFromRow(r[0]);
        if (LeavesService(locked.record.employee, changed)) {
          static const db::Query* leave = new db::Query{
              "employee.employee_store.leave",
              "WITH left_post AS (UPDATE assignments a SET valid_to = "
              "  GREATEST(a.valid_from + 1, $2::date) WHERE a.employee_id = $1 AND "
              "  a.valid_to IS NULL) "
              "UPDATE acting_officials x SET end_date = GREATEST(x.start_date, $2::date - 1) "
              "WHERE x.employee_id = $1 AND x.end_date >= $2::date"};
          db::Exec0(tx, *leave, update.id, internal::DayText(rpc::TodayInJakarta()));
        }
        RecordEmployeeChange(tx, write, "employee.update", locked.json,
                             r[0][kJsonColumn].as<std::string>(), internal::kEmployeeUpdated,
                             update.id, ChangedEvent(updated));
        return updated;
      });
}

absl::StatusOr<EmployeeRecord> EmployeeStore::TransferEmployee(const TransferRequest& request,
                                                               const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateTransferRequest(request));
  return internal::RunWrite<EmployeeRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<EmployeeRecord> {
        ASSIGN_OR_RETURN(LockedEmployee locked,
                         LockEmployee(tx, request.employee_id, request.expected_version));
        const Employee& before = locked.record.employee;
        TransferFacts facts{.position = PlaceOf(tx, request.position_id),
                            .open_start = OpenAssignmentStart(tx, before.id)};
        EmployeeRecord moved = locked.record;
        ASSIGN_OR_RETURN(AssignmentChange change, ApplyTransfer(moved, request, facts));
        WriteAssignmentChange(tx, change);
        const Employee& changed = moved.employee;
        const std::string effective = internal::DayText(request.effective_date);
        static const db::Query* sql = new db::Query{
            "employee.employee_store.5",
            absl::StrCat(
                "UPDATE employees AS e SET position_id = $2, unit_id = $3, position_start_date = "
                "$4::date, rank = $5, version = version + 1, update_time = now() WHERE e.id = $1",
                UpdateReturning())};
        pqxx::result r = db::Exec(tx, *sql, before.id, changed.position_id, changed.unit_id,
                                  effective, internal::RankParam(changed.rank));
        EmployeeRecord updated = internal::EmployeeFromRow(r[0]);
        RecordEmployeeChange(tx, write, "employee.transfer", locked.json,
                             r[0][kJsonColumn].as<std::string>(), internal::kEmployeeTransferred,
                             before.id, convert::TransferredEvent(before, updated, request));
        return updated;
      });
}

}  // namespace kinerja::employee::store
