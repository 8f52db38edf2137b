#include "services/goals/api/goal_service.h"

#include <algorithm>

#include "services/goals/store/migrations.h"
#include "shared/rpc/proto_time.h"
#include "shared/server/coalesced_reads.h"

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

GoalService::GoalService(ServiceDeps deps)
    : deps_(std::move(deps)),
      reads_by_id_(
          deps_.workers,
          [store = deps_.store](const std::vector<std::string>& ids) {
            return store->FindPlanAnswers(ids);
          },
          server::CoalescedReadOptions<std::string>(deps_, "plan_by_id")) {}

absl::CivilDay GoalService::Today() const { return rpc::TodayInJakarta(deps_.now()); }

}  // namespace kinerja::goals::api
