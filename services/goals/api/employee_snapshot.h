// The snapshot a new plan keeps of the employee service's data (employee, position, unit,
// assessor and assessor's superior on a date), taken through the shared employee client
// (shared/clients/employee_client.h) and converted to the goals domain's types.
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/goals/domain/types.h"
#include "shared/clients/employee_client.h"

namespace kinerja::goals::api {

// What a plan snapshots when it is created.
struct EmployeeSnapshot {
  std::string agency_id;
  std::string position_type;  // "JPT_PRATAMA", "PELAKSANA", ...
  PlanPerson employee;
  std::optional<PlanPerson> assessor;
  std::optional<PlanPerson> assessor_superior;
  // The employee's start in the current position (TMT jabatan), when the record has one.
  std::optional<absl::CivilDay> position_start;
  std::vector<std::string> unit_path;  // root unit .. the employee's unit
};

// A new draft plan (revision 1, content NewContent(style)) for the snapshotted employee in
// `period`, starting on `start` (PlanStartDate), as CreatePlan and a transfer make it: it ends
// with the period, its filling deadline counts from its start (PlanFillingDeadline).
Plan NewPlanFromSnapshot(EmployeeSnapshot snapshot, const Period& period, PlanStyle style,
                         absl::CivilDay start);

// The reporting line of the day, as a plan keeps it.
struct PlanLine {
  std::optional<PlanPerson> assessor;
  std::optional<PlanPerson> assessor_superior;
  std::vector<std::string> unit_path;
};
PlanLine PlanLineFrom(const employee::v1::ReportingLine& line);

// The line of the plan's employee in the plan's position on `date` (the line of the day of a
// decision), from the employee service.
absl::StatusOr<PlanLine> LineOfTheDay(clients::EmployeeClient& employees, const Plan& plan,
                                      absl::CivilDay date);

// Puts the line into the plan (assessor, superior; the unit path when the line has one).
void AdoptLine(Plan& plan, const PlanLine& line);

// What the employee service says about the employee (exactly one of employee_id / nip) with
// the reporting line on `date`.
absl::StatusOr<EmployeeSnapshot> TakeSnapshot(clients::EmployeeClient& employees,
                                              const std::string& employee_id,
                                              const std::string& nip, absl::CivilDay date);

}  // namespace kinerja::goals::api
