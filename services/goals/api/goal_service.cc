#include "services/goals/api/goal_service.h"

#include "services/goals/store/migrations.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::api {

ServiceDeps ServiceDeps::FromHost(server::ServiceHost& host, store::GoalsStore& store,
                                  clients::EmployeeClient& employees) {
  ServiceDeps deps;
  static_cast<server::HostDeps&>(deps) = host.deps();
  deps.store = &store;
  deps.employees = &employees;
  return deps;
}

server::ServiceSettings GoalServiceSettings() {
  return server::ServiceSettings{
      .name = "goals", .grpc_service = kServiceName, .migrations = GoalsMigrations()};
}

absl::CivilDay GoalService::Today() const { return rpc::TodayInJakarta(deps_.now()); }

}  // namespace kinerja::goals::api
