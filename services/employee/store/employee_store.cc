// Employee writes: create (with the first assignment), update (name, status, rank), transfer
// (close the open assignment, open the next one).
#include <string>

#include "absl/strings/str_cat.h"
#include "google/type/date.pb.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/event_payloads.h"
#include "services/employee/store/rows.h"

namespace kinerja::employee::store {
namespace {


constexpr int kJsonColumn = internal::kEmployeeColumnCount;  // to_jsonb(e.*) after the columns

struct LockedEmployee {
  EmployeeRecord record;
  std::string json;
};

absl::StatusOr<LockedEmployee> LockEmployee(pqxx::work& tx, const std::string& id,
                                            std::optional<int64_t> expected_version) {
  static const std::string* sql = new std::string(
      absl::StrCat("SELECT ", internal::EmployeeColumns("e"),
                   ", to_jsonb(e.*)::text FROM employees e WHERE e.id = $1 FOR UPDATE"));
  pqxx::result r = tx.exec_params(*sql, id);
  if (r.empty()) return errors::NotFound("employee", id);
  LockedEmployee locked{internal::EmployeeFromRow(r[0]), r[0][kJsonColumn].as<std::string>()};
  RETURN_IF_ERROR(internal::CheckVersion(expected_version, locked.record.version,
                                         absl::StrCat("employee ", id)));
  return locked;
}

struct PositionPlace {
  std::string unit_id;
  std::string agency_id;
};

absl::StatusOr<PositionPlace> PlaceOf(pqxx::work& tx, const std::string& position_id) {
  pqxx::result r =
      tx.exec_params("SELECT unit_id, agency_id FROM positions WHERE id = $1", position_id);
  if (r.empty()) return internal::ReferenceNotFound("position_id", "position", position_id);
  return PositionPlace{r[0][0].as<std::string>(), r[0][1].as<std::string>()};
}

// UPDATE ... RETURNING the columns and the row as JSON.
const std::string& UpdateReturning() {
  static const std::string* sql = new std::string(
      absl::StrCat(" RETURNING ", internal::EmployeeColumns("e"), ", to_jsonb(e.*)::text"));
  return *sql;
}

void EmitEmployee(pqxx::work& tx, const WriteOptions& write, const char* type,
                  const EmployeeRecord& record) {
  v1::EmployeeChanged event;
  *event.mutable_employee() = ToProto(record);
  internal::Emit(tx, write, type, "employee", record.employee.id, event);
}

}  // namespace

absl::StatusOr<EmployeeRecord> EmployeeStore::CreateEmployee(const EmployeeRecord& record,
                                                             const WriteOptions& write) {
  if (record.employee.id.size() > kMaxIdLength) {
    return errors::InvalidField("id", "longer than 64 bytes");
  }
  return internal::RunWrite<EmployeeRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<EmployeeRecord> {
        Employee e = record.employee;
        std::optional<absl::CivilDay> start =
            record.position_start_date ? record.position_start_date : record.appointment_date;
        if (!e.position_id.empty()) {
          ASSIGN_OR_RETURN(PositionPlace place, PlaceOf(tx, e.position_id));
          if (!e.unit_id.empty() && e.unit_id != place.unit_id) {
            return errors::RuleViolation("POSITION_IN_ANOTHER_UNIT",
                                         absl::StrCat("unit_id: position ", e.position_id,
                                                      " belongs to unit ", place.unit_id));
          }
          if (!e.agency_id.empty() && e.agency_id != place.agency_id) {
            return errors::RuleViolation("DIFFERENT_AGENCY",
                                         absl::StrCat("agency_id: position ", e.position_id,
                                                      " belongs to agency ", place.agency_id));
          }
          e.unit_id = place.unit_id;
          e.agency_id = place.agency_id;
          if (!start) return errors::InvalidField("appointment_date", "is required");
        } else if (!e.unit_id.empty()) {
          return errors::InvalidField("position_id", "is required with unit_id");
        }
        RETURN_IF_ERROR(ValidateEmployee(e));  // an empty id is optional there
        if (e.position_id.empty()) {
          pqxx::result agency = tx.exec_params("SELECT 1 FROM agencies WHERE id = $1", e.agency_id);
          if (agency.empty())
            return internal::ReferenceNotFound("agency_id", "agency", e.agency_id);
        }
        pqxx::result same_nip = tx.exec_params("SELECT id FROM employees WHERE nip = $1", e.nip);
        if (!same_nip.empty()) {
          return absl::AlreadyExistsError(
              absl::StrCat("nip: employee ", same_nip[0][0].c_str(), " already has NIP ", e.nip));
        }
        static const std::string* sql = new std::string(absl::StrCat(
            "INSERT INTO employees AS e (id, nip, kind, candidate, name, sex, birth_date, rank, "
            "status, agency_id, unit_id, position_id, appointment_date, position_start_date, "
            "siasn_id) VALUES (coalesce($1, gen_random_uuid()::text), $2, $3, $4, $5, $6, "
            "$7::date, $8, $9, $10, $11, $12, $13::date, $14::date, $15)",
            UpdateReturning()));
        pqxx::result r = tx.exec_params(
            *sql, internal::NullIfEmpty(e.id), e.nip, std::string(EmployeeKindName(e.kind)),
            e.candidate, e.name, std::string(SexName(e.sex)), internal::DayText(e.birth_date),
            internal::RankParam(e.rank), std::string(EmployeeStatusName(e.status)), e.agency_id,
            internal::NullIfEmpty(e.unit_id), internal::NullIfEmpty(e.position_id),
            internal::DayText(record.appointment_date),
            e.position_id.empty() ? std::nullopt : internal::DayText(start),
            internal::NullIfEmpty(e.siasn_id));
        EmployeeRecord created = internal::EmployeeFromRow(r[0]);
        if (!e.position_id.empty()) {
          tx.exec_params0(
              "INSERT INTO assignments (employee_id, valid_from, position_id, unit_id, agency_id, "
              "reason) VALUES ($1, $2::date, $3, $4, $5, 'INITIAL')",
              created.employee.id, internal::DayText(*start), e.position_id, e.unit_id,
              e.agency_id);
        }
        internal::Audit(tx, write, "employee.create", "employee", created.employee.id, std::nullopt,
                        r[0][kJsonColumn].as<std::string>());
        EmitEmployee(tx, write, internal::kEmployeeCreated, created);
        return created;
      });
}

absl::StatusOr<EmployeeRecord> EmployeeStore::UpdateEmployee(const EmployeeUpdate& update,
                                                             const WriteOptions& write) {
  if (update.id.empty()) return errors::InvalidField("id", "is required");
  return internal::RunWrite<EmployeeRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<EmployeeRecord> {
        ASSIGN_OR_RETURN(LockedEmployee locked,
                         LockEmployee(tx, update.id, update.expected_version));
        Employee changed = locked.record.employee;
        if (update.name) changed.name = *update.name;
        if (update.status) changed.status = *update.status;
        if (update.rank) changed.rank = *update.rank;
        const Employee& before = locked.record.employee;
        if (changed.name == before.name && changed.status == before.status &&
            changed.rank == before.rank) {
          return locked.record;
        }
        RETURN_IF_ERROR(ValidateEmployee(changed));
        static const std::string* sql = new std::string(
            absl::StrCat("UPDATE employees AS e SET name = $2, status = $3, rank = $4, "
                         "version = version + 1, update_time = now() WHERE e.id = $1",
                         UpdateReturning()));
        pqxx::result r = tx.exec_params(*sql, update.id, changed.name,
                                        std::string(EmployeeStatusName(changed.status)),
                                        internal::RankParam(changed.rank));
        EmployeeRecord updated = internal::EmployeeFromRow(r[0]);
        internal::Audit(tx, write, "employee.update", "employee", update.id, locked.json,
                        r[0][kJsonColumn].as<std::string>());
        EmitEmployee(tx, write, internal::kEmployeeUpdated, updated);
        return updated;
      });
}

absl::StatusOr<EmployeeRecord> EmployeeStore::TransferEmployee(const TransferRequest& request,
                                                               const WriteOptions& write) {
  if (request.employee_id.empty()) return errors::InvalidField("employee_id", "is required");
  if (request.position_id.empty()) return errors::InvalidField("position_id", "is required");
  if (request.reason == AssignmentReason::kInitial) {
    return errors::InvalidField("reason", "INITIAL is only for the first assignment");
  }
  return internal::RunWrite<EmployeeRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<EmployeeRecord> {
        ASSIGN_OR_RETURN(LockedEmployee locked,
                         LockEmployee(tx, request.employee_id, request.expected_version));
        const Employee& before = locked.record.employee;
        ASSIGN_OR_RETURN(PositionPlace place, PlaceOf(tx, request.position_id));
        if (place.agency_id != before.agency_id) {
          return errors::RuleViolation(
              "DIFFERENT_AGENCY",
              absl::StrCat("position_id: position ", request.position_id,
                           " belongs to another agency; a move between agencies is recorded "
                           "by the new agency"));
        }
        if (request.position_id == before.position_id) {
          return errors::RuleViolation(
              "ALREADY_IN_POSITION", absl::StrCat("position_id: employee ", before.id,
                                                  " already holds position ", before.position_id));
        }
        Employee changed = before;
        changed.position_id = request.position_id;
        changed.unit_id = place.unit_id;
        if (request.new_rank) changed.rank = *request.new_rank;
        RETURN_IF_ERROR(ValidateEmployee(changed));

        const std::string effective = internal::DayText(request.effective_date);
        pqxx::result open = tx.exec_params(
            "SELECT (valid_from - DATE '1970-01-01') FROM assignments "
            "WHERE employee_id = $1 AND valid_to IS NULL FOR UPDATE",
            before.id);
        const char* reason_name = AssignmentReasonName(request.reason).data();
        if (open.empty()) {
          tx.exec_params0(
              "INSERT INTO assignments (employee_id, valid_from, position_id, unit_id, agency_id, "
              "reason) VALUES ($1, $2::date, $3, $4, $5, $6)",
              before.id, effective, changed.position_id, changed.unit_id, changed.agency_id,
              reason_name);
        } else {
          const absl::CivilDay start = internal::DayFromField(open[0][0]);
          if (request.effective_date < start) {
            return errors::RuleViolation(
                "EFFECTIVE_DATE_TOO_EARLY",
                absl::StrCat("effective_date: ", effective,
                             " is before the start of the current assignment (",
                             internal::DayText(start), ")"));
          }
          if (request.effective_date == start) {
            // Same-day correction: the open assignment is replaced in place.
            tx.exec_params0(
                "UPDATE assignments SET position_id = $2, unit_id = $3, reason = $4 "
                "WHERE employee_id = $1 AND valid_to IS NULL",
                before.id, changed.position_id, changed.unit_id, reason_name);
          } else {
            tx.exec_params0(
                "UPDATE assignments SET valid_to = $2::date "
                "WHERE employee_id = $1 AND valid_to IS NULL",
                before.id, effective);
            tx.exec_params0(
                "INSERT INTO assignments (employee_id, valid_from, position_id, unit_id, "
                "agency_id, reason) VALUES ($1, $2::date, $3, $4, $5, $6)",
                before.id, effective, changed.position_id, changed.unit_id, changed.agency_id,
                reason_name);
          }
        }
        static const std::string* sql = new std::string(absl::StrCat(
            "UPDATE employees AS e SET position_id = $2, unit_id = $3, position_start_date = "
            "$4::date, rank = $5, version = version + 1, update_time = now() WHERE e.id = $1",
            UpdateReturning()));
        pqxx::result r = tx.exec_params(*sql, before.id, changed.position_id, changed.unit_id,
                                        effective, internal::RankParam(changed.rank));
        EmployeeRecord updated = internal::EmployeeFromRow(r[0]);
        internal::Audit(tx, write, "employee.transfer", "employee", before.id, locked.json,
                        r[0][kJsonColumn].as<std::string>());
        v1::EmployeeTransferred event;
        *event.mutable_employee() = ToProto(updated);
        event.set_from_position_id(before.position_id);
        event.set_from_unit_id(before.unit_id);
        event.mutable_effective_date()->set_year(
            static_cast<int32_t>(request.effective_date.year()));
        event.mutable_effective_date()->set_month(request.effective_date.month());
        event.mutable_effective_date()->set_day(request.effective_date.day());
        event.set_reason(static_cast<v1::AssignmentReason>(static_cast<int>(request.reason) + 1));
        internal::Emit(tx, write, internal::kEmployeeTransferred, "employee", before.id, event);
        return updated;
      });
}

}  // namespace kinerja::employee::store
