// kinerja-goals: periods, SKP plans with cascading work results, indicators, behaviour
// expectations, the plan workflow and revisions (kinerja.goals.v1.GoalService). Wiring only:
// configuration, the service host (database, auth, health, metrics), the employee service
// client, the transfer consumer, the store and the gRPC service.
#include <iostream>

#include "absl/strings/str_cat.h"

#include "services/goals/api/employee_directory.h"
#include "services/goals/api/goal_service.h"
#include "services/goals/api/transfer_consumer.h"
#include "services/goals/store/goals_store.h"
#include "shared/config/config.h"
#include "shared/log/log.h"
#include "shared/server/service_host.h"

int main(int argc, char** argv) {
  using kinerja::server::ServiceHost;
  namespace api = kinerja::goals::api;

  kinerja::config::Spec spec = ServiceHost::Spec(
      "kinerja-goals",
      "Goal-setting service: periods, SKP plans with cascading work results (RHK), indicators "
      "(IKI), behaviour expectations, plan approval and revisions.",
      {
          {.name = "employee-addr",
           .env = "EMPLOYEE_ADDR",
           .help = "Address (host:port) of the employee service.",
           .type = kinerja::config::OptionType::kAddress,
           .required = true},
          {.name = "employee-token-file",
           .env = "EMPLOYEE_TOKEN_FILE",
           .help = "File holding this service's bearer token for the employee service; re-read "
                   "when it changes.",
           .required = true},
          {.name = "employee-deadline",
           .env = "EMPLOYEE_DEADLINE",
           .help = "Deadline of each call to the employee service.",
           .type = kinerja::config::OptionType::kDuration,
           .default_value = "5s"},
          {.name = "consume-transfers",
           .env = "CONSUME_TRANSFERS",
           .help = "Follow the employee service's transfer events (close and re-open plans).",
           .type = kinerja::config::OptionType::kBool,
           .default_value = "true"},
      });
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
  auto host = ServiceHost::Create(*config, api::GoalServiceSettings());
  if (!host.ok()) {
    kinerja::log::Error("cannot start", {{"error", host.status().message()}});
    return 1;
  }
  const kinerja::config::Address employee = config->GetAddress("employee-addr");
  const std::string host_part = employee.host.empty() ? "127.0.0.1"
                                : employee.host.find(':') != std::string::npos
                                    ? absl::StrCat("[", employee.host, "]")
                                    : employee.host;
  api::EmployeeDirectory directory({.addr = absl::StrCat(host_part, ":", employee.port),
                                    .token_file = config->GetString("employee-token-file"),
                                    .deadline = config->GetDuration("employee-deadline")});
  kinerja::goals::store::GoalsStore store((*host)->pool());
  api::GoalService service(api::ServiceDeps::FromHost(**host, store, directory));
  if (absl::Status started = (*host)->Start({&service}); !started.ok()) {
    kinerja::log::Error("cannot start", {{"error", started.message()}});
    return 1;
  }
  api::TransferConsumer transfers(store, directory);
  if (config->GetBool("consume-transfers")) transfers.Start();
  (*host)->Wait();
  transfers.Stop();
  return 0;
}
