#include "services/employee/api/employee_service.h"

#include "services/employee/store/migrations.h"

namespace kinerja::employee::api {

ServiceDeps ServiceDeps::FromHost(server::ServiceHost& host, store::EmployeeStore& store) {
  return ServiceDeps{.calls = &host.calls(),
                     .page_tokens = &host.page_tokens(),
                     .pool = &host.pool(),
                     .workers = &host.workers(),
                     .notifier = &host.notifier(),
                     .store = &store};
}

server::ServiceSettings EmployeeServiceSettings() {
  return server::ServiceSettings{.name = "employee",
                                 .grpc_service = "kinerja.employee.v1.EmployeeService",
                                 .migrations = EmployeeMigrations(),
                                 .statements = store::EmployeeStore::Statements()};
}

}  // namespace kinerja::employee::api
