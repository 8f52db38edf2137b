// One start-up for every service. A service describes itself once (ServiceDefinition: its name,
// its options, its settings and how to wire its store, clients and handlers on a ServiceHost);
// its main.cc is then
//     int main(int argc, char** argv) { return server::RunService(argc, argv, Definition()); }
// and its in-process test fixture starts the same definition (tests/harness/service_under_test.h).
#pragma once

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "shared/config/config.h"
#include "shared/server/service_host.h"

namespace kinerja::server {

// What a service adds to its host, owned for the process's life: its gRPC services, and work that
// runs beside them (event consumers), started after gRPC serves and stopped before it stops.
class ServiceParts {
 public:
  virtual ~ServiceParts() = default;
  virtual std::vector<grpc::Service*> services() = 0;
  virtual void StartBackground() {}
  virtual void StopBackground() {}
};

struct ServiceDefinition {
  std::string program;                  // e.g. "kinerja-goals"
  std::string summary;                  // one paragraph for --help
  std::vector<config::Option> options;  // the service's own, beside ServiceHost::Spec's
  ServiceSettings settings;
  // Builds the service on a created host (its database is migrated, nothing serves yet).
  std::function<absl::StatusOr<std::unique_ptr<ServiceParts>>(const config::Config&, ServiceHost&)>
      wire;

  config::Spec Spec() const;
};

// A service created, wired and serving.
class RunningService {
 public:
  // Creates the host (database, migrations), wires the parts, starts gRPC and the background work.
  static absl::StatusOr<std::unique_ptr<RunningService>> Start(const ServiceDefinition& definition,
                                                               const config::Config& config);
  ~RunningService();  // Stop()

  ServiceHost& host() { return *host_; }
  ServiceParts& parts() { return *parts_; }
  // Blocks until SIGINT/SIGTERM or Stop().
  void Wait();
  // Stops the background work, then gRPC; idempotent.
  void Stop();

 private:
  RunningService() = default;
  std::unique_ptr<ServiceHost> host_;
  std::unique_ptr<ServiceParts> parts_;
  bool stopped_ = false;
};

// Parses flags and environment, logs the configuration, runs the service until a signal.
// Exit codes: 0 after a clean stop or --help, 2 for bad configuration, 1 when it cannot start.
// With --migrate-only, applies the migrations and exits instead (migrate_only.h).
int RunService(int argc, char** argv, const ServiceDefinition& definition);

}  // namespace kinerja::server
