#include "services/employee/api/employee_service.h"

#include <algorithm>
#include <string>
#include <vector>

#include "services/employee/store/migrations.h"
#include "shared/server/coalesced_reads.h"

namespace kinerja::employee::api {

ServiceDeps ServiceDeps::FromHost(server::ServiceHost& host, store::EmployeeStore& store) {
  ServiceDeps deps;
  static_cast<server::HostDeps&>(deps) = host.deps();
  deps.store = &store;
  return deps;
}

EmployeeService::EmployeeService(ServiceDeps deps)
    : deps_(deps),
      reads_by_id_(
          deps.workers,
          [store = deps.store](const std::vector<std::string>& ids) {
            return store->FindEmployees(ids);
          },
          server::CoalescedReadOptions<EmployeeRecord>(deps, "employee_by_id")),
      reads_by_nip_(
          deps.workers,
          [store = deps.store](const std::vector<std::string>& nips) {
            return store->FindEmployeesByNip(nips);
          },
          server::CoalescedReadOptions<EmployeeRecord>(deps, "employee_by_nip")) {}

server::ServiceSettings EmployeeServiceSettings() {
  return server::ServiceSettings{.name = "employee",
                                 .grpc_service = "kinerja.employee.v1.EmployeeService",
                                 .migrations = EmployeeMigrations()};
}

}  // namespace kinerja::employee::api
