#include "services/goals/api/goal_service.h"

#include "services/goals/store/migrations.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::api {

ServiceDeps ServiceDeps::FromHost(server::ServiceHost& host, store::GoalsStore& store,
                                  EmployeeDirectory& directory) {
  ServiceDeps deps;
  deps.calls = &host.calls();
  deps.page_tokens = &host.page_tokens();
  deps.pool = &host.pool();
  deps.workers = &host.workers();
  deps.notifier = &host.notifier();
  deps.store = &store;
  deps.directory = &directory;
  return deps;
}

server::ServiceSettings GoalServiceSettings() {
  return server::ServiceSettings{.name = "goals",
                                 .grpc_service = kServiceName,
                                 .migrations = GoalsMigrations(),
                                 .statements = store::GoalsStore::Statements()};
}

absl::CivilDay GoalService::Today() const { return rpc::TodayInJakarta(deps_.now()); }

}  // namespace kinerja::goals::api
