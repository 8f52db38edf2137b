// An employee as the service keeps it (the Employee of employee.h plus dates and versions), and
// the rules for creating and updating one. The store loads the facts; these functions decide.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/employee/domain/assignment.h"
#include "services/employee/domain/employee.h"

namespace kinerja::employee {

// An employee as stored. employee.position_id / unit_id / agency_id are the CURRENT (open)
// assignment's.
struct EmployeeRecord {
  Employee employee = {};
  std::optional<absl::CivilDay> appointment_date = {};     // TMT CPNS / TMT PPPK
  std::optional<absl::CivilDay> position_start_date = {};  // start of the open assignment (output)
  int64_t version = 0;
  absl::Time create_time = {};
  absl::Time update_time = {};
};

struct EmployeeUpdate {
  std::string id = {};
  std::optional<std::string> name = {};  // normalised by the caller (person_name.h)
  std::optional<EmployeeStatus> status = {};
  std::optional<Rank> rank = {};  // must fit the employee's kind (ValidateEmployee)
  std::optional<int64_t> expected_version = {};
};

// EmployeeViolations plus, when the record has an appointment_date, AppointmentViolations
// (field order: the employee's, then appointment_date).
std::vector<FieldViolation> EmployeeRecordViolations(const EmployeeRecord& record,
                                                     const NipOptions& options = {});

// Input checks before any lookup: the id, when given, is at most kMaxIdLength.
absl::Status ValidateNewEmployee(const EmployeeRecord& record);

// Places a new employee: with a position (`position`: its place, nullopt when it does not exist,
// REFERENCE_NOT_FOUND), a unit_id or agency_id given must be the position's
// (POSITION_IN_ANOTHER_UNIT / DIFFERENT_AGENCY), both are taken from it, and the first assignment
// starts at position_start_date, else appointment_date (INVALID_ARGUMENT "appointment_date" when
// neither is set); without a position there is no unit and no start. Then
// EmployeeRecordViolations(record, options).
absl::Status PlaceNewEmployee(EmployeeRecord& record, const std::optional<PositionPlace>& position,
                              const NipOptions& options = {});

// The INITIAL assignment that a created employee with a position starts with (at
// position_start_date); nullopt without a position.
std::optional<AssignmentRecord> FirstAssignment(const EmployeeRecord& created);

// Applies the update's fields to the locked employee. Returns false when nothing changes (no
// validation then, and nothing is written); otherwise the result must pass ValidateEmployee.
absl::StatusOr<bool> ApplyEmployeeUpdate(Employee& employee, const EmployeeUpdate& update);

}  // namespace kinerja::employee
