#include "shared/server/service_main.h"

#include "shared/log/log.h"
#include "shared/server/migrate_only.h"
#include "shared/server/shared_options.h"

namespace kinerja::server {

config::Spec ServiceDefinition::Spec() const {
  return ServiceHost::Spec(program, summary, options);
}

absl::StatusOr<std::unique_ptr<RunningService>> RunningService::Start(
    const ServiceDefinition& definition, const config::Config& config) {
  std::unique_ptr<RunningService> running(new RunningService());
  auto host = ServiceHost::Create(config, definition.settings);
  if (!host.ok()) return host.status();
  running->host_ = *std::move(host);
  auto parts = definition.wire(config, *running->host_);
  if (!parts.ok()) return parts.status();
  running->parts_ = *std::move(parts);
  if (absl::Status started = running->host_->Start(running->parts_->services()); !started.ok()) {
    return started;
  }
  running->parts_->StartBackground();
  return running;
}

void RunningService::Wait() { host_->Wait(); }

void RunningService::Stop() {
  if (stopped_) return;
  stopped_ = true;
  if (parts_) parts_->StopBackground();
  if (host_) host_->Shutdown();
}

RunningService::~RunningService() {
  Stop();
  // The host (gRPC server, streams) goes before the handlers and stores it calls into.
  host_.reset();
  parts_.reset();
}

int RunService(int argc, char** argv, const ServiceDefinition& definition) {
  if (std::optional<int> exit_code = RunMigrateOnlyIfAsked(argc, argv, definition)) {
    return *exit_code;
  }
  std::variant<config::Config, int> parsed = ParseOrExitCode(definition.Spec(), argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  const config::Config* config = &std::get<config::Config>(parsed);
  log::Info("starting", {{"config", config->Describe()}});
  auto running = RunningService::Start(definition, *config);
  if (!running.ok()) {
    log::Error("cannot start", {{"error", running.status().message()}});
    return 1;
  }
  (*running)->Wait();
  (*running)->Stop();
  return 0;
}

}  // namespace kinerja::server
