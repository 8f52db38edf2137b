#include "services/review/api/review_definition.h"

#include <memory>

#include "services/review/api/review_service.h"
#include "services/review/store/review_store.h"
#include "shared/clients/grpc_employee_client.h"
#include "shared/clients/grpc_goals_client.h"

namespace kinerja::review::api {
namespace {

using config::Option;
using config::OptionType;

clients::ChannelOptions ChannelOf(const config::Config& config, const char* service) {
  const std::string name(service);
  return {.addr = clients::DialAddress(config.GetAddress(name + "-addr").host,
                                       config.GetAddress(name + "-addr").port),
          .token_file = config.GetString(name + "-token-file"),
          .deadline = config.GetDuration(name + "-deadline")};
}

class ReviewParts final : public server::ServiceParts {
 public:
  ReviewParts(const config::Config& config, server::ServiceHost& host,
              std::function<absl::Time()> now)
      : employees_(ChannelOf(config, "employee")),
        goals_(ChannelOf(config, "goals")),
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

std::vector<Option> ClientOptions(const char* service, const char* env, const char* label) {
  const std::string name(service);
  const std::string upper(env);
  const std::string what(label);
  return {
      {.name = name + "-addr",
       .env = upper + "_ADDR",
       .help = "Address (host:port) of the " + what + ".",
       .type = OptionType::kAddress,
       .required = true},
      {.name = name + "-token-file",
       .env = upper + "_TOKEN_FILE",
       .help = "File holding this service's bearer token for the " + what +
               "; re-read when it changes.",
       .required = true},
      {.name = name + "-deadline",
       .env = upper + "_DEADLINE",
       .help = "Deadline of each call to the " + what +
               ", at most (a call made for a client never outlives that client's own deadline).",
       .type = OptionType::kDuration,
       .default_value = "5s"},
  };
}

}  // namespace

server::ServiceDefinition ReviewDefinition(std::function<absl::Time()> now) {
  std::vector<Option> options = ClientOptions("employee", "EMPLOYEE", "employee service");
  for (Option& o : ClientOptions("goals", "GOALS", "goals service"))
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
