#include "services/review/api/review_definition.h"

#include <memory>

#include "services/review/api/review_service.h"
#include "services/review/store/review_store.h"
#include "shared/clients/client_config.h"
#include "shared/clients/grpc_employee_client.h"
#include "shared/clients/grpc_goals_client.h"

namespace kinerja::review::api {
namespace {

using config::Option;

class ReviewParts final : public server::ServiceParts {
 public:
  ReviewParts(const config::Config& config, server::ServiceHost& host,
              std::function<absl::Time()> now)
      : employees_(clients::ChannelOptionsFrom(config, "employee")),
        goals_(clients::ChannelOptionsFrom(config, "goals")),
        store_(host.pool()),
        service_(MakeDeps(host, std::move(now))) {}

  std::vector<grpc::Service*> services() override { return {&service_}; }
  void StartBackground() override {}
  void StopBackground() override {}

 private:
  ServiceDeps MakeDeps(server::ServiceHost& host, std::function<absl::Time()> now) {
    ServiceDeps deps = ServiceDeps::FromHost(host, store_, employees_, goals_);
    deps.now = std::move(now);
    return deps;
  }

  clients::GrpcEmployeeClient employees_;
  clients::GrpcGoalsClient goals_;
  store::ReviewStore store_;
  ReviewService service_;
};

}  // namespace

server::ServiceDefinition ReviewDefinition(std::function<absl::Time()> now) {
  std::vector<Option> options = clients::ClientOptions("employee", "EMPLOYEE", "employee service");
  for (Option& o : clients::ClientOptions("goals", "GOALS", "goals service"))
    options.push_back(std::move(o));
  return server::ServiceDefinition{
      .program = "kinerja-review",
      .summary =
          "Review service: organisation predicates, periodic and annual assessments with derived "
          "predicates and distribution checks, objections, and the national (SIASN) export.",
      .options = std::move(options),
      .settings = ReviewServiceSettings(),
      .wire = [now](const config::Config& config, server::ServiceHost& host)
          -> absl::StatusOr<std::unique_ptr<server::ServiceParts>> {
        return std::make_unique<ReviewParts>(config, host, now);
      }};
}

}  // namespace kinerja::review::api
