#include "services/goals/api/goal_service.h"

#include <algorithm>

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

namespace {

// As in the employee service's GetEmployee: one coalesced batch per two cores reads at once
// (server::DefaultBatchesInFlight); fewer batches in flight make them larger, and the other
// connections stay free for writes and lists.
server::ReadCoalescer<std::string>::Options CoalescerOptions(const ServiceDeps& deps) {
  server::ReadCoalescer<std::string>::Options options{
      .max_batch = 64,
      .max_in_flight = std::min(server::DefaultBatchesInFlight(), deps.pool->options().size)};
  if (deps.metrics != nullptr) {
    prometheus::Counter* batches =
        &deps.metrics
             ->AddCounter("coalesced_read_batches_total",
                          "batched queries that answered coalesced point reads, by read")
             .Add({{"read", "plan_by_id"}});
    prometheus::Counter* keys =
        &deps.metrics
             ->AddCounter("coalesced_read_keys_total",
                          "point reads answered by coalesced batches, by read")
             .Add({{"read", "plan_by_id"}});
    options.on_batch = [batches, keys](int n) {
      batches->Increment();
      keys->Increment(n);
    };
  }
  return options;
}

}  // namespace

GoalService::GoalService(ServiceDeps deps)
    : deps_(std::move(deps)),
      reads_by_id_(
          deps_.workers,
          [store = deps_.store](const std::vector<std::string>& ids) {
            return store->FindPlanAnswers(ids);
          },
          CoalescerOptions(deps_)) {}

absl::CivilDay GoalService::Today() const { return rpc::TodayInJakarta(deps_.now()); }

}  // namespace kinerja::goals::api
