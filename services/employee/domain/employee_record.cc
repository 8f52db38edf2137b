#include "services/employee/domain/employee_record.h"

#include "absl/strings/str_cat.h"
#include "services/employee/domain/references.h"
#include "shared/errors/errors.h"

namespace kinerja::employee {
namespace {

// A unit or agency that the request names must be the position's.
absl::Status CheckPlace(const Employee& e, const PositionPlace& place) {
  if (!e.unit_id.empty() && e.unit_id != place.unit_id) {
    return errors::RuleViolation(
        "POSITION_IN_ANOTHER_UNIT",
        absl::StrCat("unit_id: position ", e.position_id, " belongs to unit ", place.unit_id));
  }
  if (!e.agency_id.empty() && e.agency_id != place.agency_id) {
    return errors::RuleViolation("DIFFERENT_AGENCY",
                                 absl::StrCat("agency_id: position ", e.position_id,
                                              " belongs to agency ", place.agency_id));
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<FieldViolation> EmployeeRecordViolations(const EmployeeRecord& record,
                                                     const NipOptions& options) {
  std::vector<FieldViolation> out = EmployeeViolations(record.employee, options);
  if (record.appointment_date) {
    for (FieldViolation& v :
         AppointmentViolations(record.employee, *record.appointment_date, options)) {
      out.push_back(std::move(v));
    }
  }
  return out;
}

absl::Status ValidateNewEmployee(const EmployeeRecord& record) {
  if (record.employee.id.size() > kMaxIdLength) {
    return errors::InvalidField("id", "longer than 64 bytes");
  }
  return absl::OkStatus();
}

absl::Status PlaceNewEmployee(EmployeeRecord& record, const std::optional<PositionPlace>& position,
                              const NipOptions& options) {
  Employee& e = record.employee;
  if (!e.position_id.empty()) {
    if (!position) return ReferenceNotFound("position_id", "position", e.position_id);
    RETURN_IF_ERROR(CheckPlace(e, *position));
    e.unit_id = position->unit_id;
    e.agency_id = position->agency_id;
    if (!record.position_start_date) record.position_start_date = record.appointment_date;
    if (!record.position_start_date) {
      return errors::InvalidField("appointment_date", "is required");
    }
  } else if (!e.unit_id.empty()) {
    return errors::InvalidField("position_id", "is required with unit_id");
  } else {
    record.position_start_date = std::nullopt;  // no assignment without a position
  }
  return ViolationsToStatus(EmployeeRecordViolations(record, options));  // empty id: optional
}

std::optional<AssignmentRecord> FirstAssignment(const EmployeeRecord& created) {
  const Employee& e = created.employee;
  if (e.position_id.empty() || !created.position_start_date) return std::nullopt;
  return AssignmentRecord{.employee_id = e.id,
                          .position_id = e.position_id,
                          .unit_id = e.unit_id,
                          .agency_id = e.agency_id,
                          .start_date = *created.position_start_date,
                          .end_date = std::nullopt,
                          .reason = AssignmentReason::kInitial};
}

absl::StatusOr<bool> ApplyEmployeeUpdate(Employee& employee, const EmployeeUpdate& update) {
  Employee changed = employee;
  if (update.name) changed.name = *update.name;
  if (update.status) changed.status = *update.status;
  if (update.rank) changed.rank = *update.rank;
  if (changed.name == employee.name && changed.status == employee.status &&
      changed.rank == employee.rank) {
    return false;
  }
  RETURN_IF_ERROR(ValidateEmployee(changed));
  employee = std::move(changed);
  return true;
}

}  // namespace kinerja::employee
