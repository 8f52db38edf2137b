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
};

// A new draft plan (revision 1, content NewContent(style)) for the snapshotted employee in
// `period`, as CreatePlan and a transfer make it.
Plan NewPlanFromSnapshot(EmployeeSnapshot snapshot, const Period& period, PlanStyle style);

// What the employee service says about the employee (exactly one of employee_id / nip) with
// the reporting line on `date`.
absl::StatusOr<EmployeeSnapshot> TakeSnapshot(clients::EmployeeClient& employees,
                                              const std::string& employee_id,
                                              const std::string& nip, absl::CivilDay date);

}  // namespace kinerja::goals::api
