#include "services/employee/api/employee_definition.h"

#include <memory>

#include "services/employee/api/employee_service.h"
#include "services/employee/store/employee_store.h"

namespace kinerja::employee::api {
namespace {

class EmployeeParts final : public server::ServiceParts {
 public:
  explicit EmployeeParts(server::ServiceHost& host)
      : store_(host.pool()), service_(ServiceDeps::FromHost(host, store_)) {}
  std::vector<grpc::Service*> services() override { return {&service_}; }

 private:
  store::EmployeeStore store_;
  EmployeeService service_;
};

}  // namespace

server::ServiceDefinition EmployeeDefinition() {
  return server::ServiceDefinition{
      .program = "kinerja-employee",
      .summary =
          "Employee service: agencies, org units, positions, employees, reporting lines, "
          "transfers and import from the national registry (SIASN).",
      .options = {},
      .settings = EmployeeServiceSettings(),
      .wire = [](const config::Config&, server::ServiceHost& host)
          -> absl::StatusOr<std::unique_ptr<server::ServiceParts>> {
        return std::make_unique<EmployeeParts>(host);
      }};
}

}  // namespace kinerja::employee::api
