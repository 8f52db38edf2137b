#include "services/employee/api/employee_service.h"

#include <algorithm>
#include <string>
#include <vector>

#include "services/employee/store/migrations.h"

namespace kinerja::employee::api {

ServiceDeps ServiceDeps::FromHost(server::ServiceHost& host, store::EmployeeStore& store) {
  ServiceDeps deps;
  static_cast<server::HostDeps&>(deps) = host.deps();
  deps.store = &store;
  return deps;
}

namespace {

// One coalesced batch per two cores reads at once (server::DefaultBatchesInFlight; uncoalesced
// GetEmployee was 7.5k/s on 2 cores, coalesced 16.5k), the other connections stay free for
// writes and lists.
server::ReadCoalescer<EmployeeRecord>::Options CoalescerOptions(const ServiceDeps& deps,
                                                                const char* read) {
  server::ReadCoalescer<EmployeeRecord>::Options options{
      .max_batch = 64,
      .max_in_flight = std::min(server::DefaultBatchesInFlight(), deps.pool->options().size)};
  if (deps.metrics != nullptr) {
    // Both readers share the families (a second registration returns the first), by label.
    prometheus::Counter* batches =
        &deps.metrics
             ->AddCounter("coalesced_read_batches_total",
                          "batched queries that answered coalesced point reads, by read")
             .Add({{"read", read}});
    prometheus::Counter* keys =
        &deps.metrics
             ->AddCounter("coalesced_read_keys_total",
                          "point reads answered by coalesced batches, by read")
             .Add({{"read", read}});
    options.on_batch = [batches, keys](int n) {
      batches->Increment();
      keys->Increment(n);
    };
  }
  return options;
}

}  // namespace

EmployeeService::EmployeeService(ServiceDeps deps)
    : deps_(deps),
      reads_by_id_(
          deps.workers,
          [store = deps.store](const std::vector<std::string>& ids) {
            return store->FindEmployees(ids);
          },
          CoalescerOptions(deps, "employee_by_id")),
      reads_by_nip_(
          deps.workers,
          [store = deps.store](const std::vector<std::string>& nips) {
            return store->FindEmployeesByNip(nips);
          },
          CoalescerOptions(deps, "employee_by_nip")) {}

server::ServiceSettings EmployeeServiceSettings() {
  return server::ServiceSettings{.name = "employee",
                                 .grpc_service = "kinerja.employee.v1.EmployeeService",
                                 .migrations = EmployeeMigrations()};
}

}  // namespace kinerja::employee::api
