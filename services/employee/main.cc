// kinerja-employee: agencies, org units, positions, employees, reporting lines, transfers and
// SIASN import (kinerja.employee.v1.EmployeeService). Wiring only: configuration, the service
// host (database, auth, health, metrics), the store and the gRPC service.
#include <iostream>

#include "services/employee/api/employee_service.h"
#include "services/employee/store/employee_store.h"
#include "shared/config/config.h"
#include "shared/log/log.h"
#include "shared/server/service_host.h"

int main(int argc, char** argv) {
  using kinerja::server::ServiceHost;
  namespace api = kinerja::employee::api;

  kinerja::config::Spec spec = ServiceHost::Spec(
      "kinerja-employee",
      "Employee service: agencies, org units, positions, employees, reporting lines, transfers "
      "and import from the national registry (SIASN).");
  absl::StatusOr<kinerja::config::Config> config =
      kinerja::config::Parse(spec, argc, argv, kinerja::config::ProcessEnv());
  if (!config.ok()) {
    std::cerr << config.status().message() << "\n";
    return 2;
  }
  if (config->help_requested()) {
    std::cout << config->usage();
    return 0;
  }

  kinerja::log::Info("starting", {{"config", config->Describe()}});
  auto host = ServiceHost::Create(*config, api::EmployeeServiceSettings());
  if (!host.ok()) {
    kinerja::log::Error("cannot start", {{"error", host.status().message()}});
    return 1;
  }
  kinerja::employee::store::EmployeeStore store((*host)->pool());
  api::EmployeeService service(api::ServiceDeps::FromHost(**host, store));
  if (absl::Status started = (*host)->Start({&service}); !started.ok()) {
    kinerja::log::Error("cannot start", {{"error", started.message()}});
    return 1;
  }
  (*host)->Wait();
  return 0;
}
