#include "services/goals/api/goals_definition.h"

#include <memory>

#include "services/goals/api/goal_service.h"
#include "services/goals/api/org_change_effects.h"
#include "services/goals/api/transfer_effects.h"
#include "services/goals/store/goals_store.h"
#include "shared/clients/client_config.h"
#include "shared/clients/grpc_employee_client.h"
#include "shared/events/event_follower.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::api {
namespace {

using config::Option;
using config::OptionType;

class GoalsParts final : public server::ServiceParts {
 public:
  GoalsParts(const config::Config& config, server::ServiceHost& host,
             std::function<absl::Time()> now)
      : now_(now),
        employees_(clients::ChannelOptionsFrom(config, "employee")),
        store_(host.pool()),
        service_(MakeDeps(host, std::move(now))),
        transfers_(
            host.pool(), employees_.Events(),
            {.name = kTransferFollower, .types = {kEmployeeTransferred}},
            [this](const kinerja::common::v1::EventEnvelope& event) {
              return PrepareTransfer(store_, employees_, event);
            },
            &host.metrics()),
        organisation_(
            host.pool(), employees_.Events(),
            {.name = kOrgFollower, .types = OrgFollowerEventTypes()},
            [this, now = now_](const kinerja::common::v1::EventEnvelope& event) {
              return PrepareOrgChange(store_, employees_, event, rpc::TodayInJakarta(now()));
            },
            &host.metrics()),
        follow_transfers_(config.GetBool("consume-transfers")) {
    if (follow_transfers_) {  // /healthz lists them
      host.WatchFollower(transfers_);
      host.WatchFollower(organisation_);
    }
  }

  std::vector<grpc::Service*> services() override { return {&service_}; }
  void StartBackground() override {
    if (follow_transfers_) {
      transfers_.Start();
      organisation_.Start();
    }
  }
  void StopBackground() override {
    transfers_.Stop();
    organisation_.Stop();
  }

 private:
  ServiceDeps MakeDeps(server::ServiceHost& host, std::function<absl::Time()> now) {
    ServiceDeps deps = ServiceDeps::FromHost(host, store_, employees_);
    deps.now = std::move(now);
    return deps;
  }

  std::function<absl::Time()> now_;
  clients::GrpcEmployeeClient employees_;
  store::GoalsStore store_;
  GoalService service_;
  events::EventFollower transfers_;
  events::EventFollower organisation_;
  const bool follow_transfers_;
};

std::vector<Option> Options() {
  std::vector<Option> options = clients::ClientOptions("employee", "EMPLOYEE", "employee service");
  options.push_back(
      {.name = "consume-transfers",
       .env = "CONSUME_TRANSFERS",
       .help = "Follow the employee service's transfer and organisation events (close and "
               "re-open plans on transfers; refresh plans' reporting lines after organisation "
               "changes; close the plans of employees who left).",
       .type = OptionType::kBool,
       .default_value = "true"});
  return options;
}

}  // namespace

server::ServiceDefinition GoalsDefinition(std::function<absl::Time()> now) {
  return server::ServiceDefinition{
      .program = "kinerja-goals",
      .summary =
          "Goal-setting service: periods, SKP plans with cascading work results (RHK), "
          "indicators (IKI), behaviour expectations, plan approval and revisions.",
      .options = Options(),
      .settings = GoalServiceSettings(),
      .wire = [now](const config::Config& config, server::ServiceHost& host)
          -> absl::StatusOr<std::unique_ptr<server::ServiceParts>> {
        return std::make_unique<GoalsParts>(config, host, now);
      }};
}

}  // namespace kinerja::goals::api
