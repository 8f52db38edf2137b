#include "services/review/api/review_service.h"

#include "services/review/store/migrations.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::api {

ServiceDeps ServiceDeps::FromHost(server::ServiceHost& host, store::ReviewStore& store,
                                  clients::EmployeeClient& employees, clients::GoalsClient& goals) {
  ServiceDeps deps;
  static_cast<server::HostDeps&>(deps) = host.deps();
  deps.store = &store;
  deps.employees = &employees;
  deps.goals = &goals;
  return deps;
}

server::ServiceSettings ReviewServiceSettings() {
  return server::ServiceSettings{
      .name = "review", .grpc_service = kServiceName, .migrations = ReviewMigrations()};
}

ReviewService::ReviewService(ServiceDeps deps) : deps_(std::move(deps)) {}

absl::CivilDay ReviewService::Today() const { return rpc::TodayInJakarta(deps_.now()); }

}  // namespace kinerja::review::api
