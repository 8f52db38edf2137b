// kinerja-employee: agencies, org units, positions, employees, reporting lines, transfers and
// SIASN import (kinerja.employee.v1.EmployeeService). Wiring only: the service's definition
// (api/employee_definition.h) run by the service kit.
#include "services/employee/api/employee_definition.h"
#include "shared/server/service_main.h"

int main(int argc, char** argv) {
  return kinerja::server::RunService(argc, argv, kinerja::employee::api::EmployeeDefinition());
}
