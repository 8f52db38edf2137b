// Everything a Kinerja service process has besides its own API: configuration, JSON logs, the
// database pool with migrations applied at start-up, JWT verification, the worker pool, the
// outbox notifier, the audit chain's sealer, gRPC health (following database reachability) and
// reflection, and an HTTP port with Prometheus /metrics, /healthz and any routes the service
// adds. main.cc builds one, adds its service and runs it.
//
// /healthz answers JSON (application/json), with status 200 while the database answers and 503
// when it does not (only the database decides the status; a consumer behind or disconnected is
// reported, not failed):
//   {"status":"ok","database":"up",
//    "consumers":[{"name":"analytics.goals","connected":true,"applied":120,"cursor":"...",
//                  "lag_seconds":0.012,"last_occurred_at":"2026-...Z","last_applied_at":"...",
//                  "last_error":"","last_error_at":null}],
//    ...one member per AddHealthDetail}
// with "status":"unavailable","database":"down" on 503. Times are RFC 3339 in UTC, null before
// the first event or error; lag_seconds is null before the first event.
#pragma once

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "shared/auth/jwt_verifier.h"
#include "shared/config/config.h"
#include "shared/db/migrations.h"
#include "shared/db/pool.h"
#include "shared/events/event_follower.h"
#include "shared/events/outbox_notifier.h"
#include "shared/http/http_server.h"
#include "shared/metrics/registry.h"
#include "shared/rpc/page_token.h"
#include "shared/server/audit_sealer.h"
#include "shared/server/call.h"
#include "shared/server/host_deps.h"
#include "shared/server/server_arguments.h"
#include "shared/server/worker_pool.h"
#include "shared/tls/reloading_key_pair.h"
#include "shared/tls/tls_settings.h"

namespace kinerja::server {

struct ServiceSettings {
  std::string name;          // "employee": schema, metrics and log name
  std::string grpc_service;  // full name for health, e.g. "kinerja.employee.v1.EmployeeService"
  std::vector<db::Migration> migrations;  // the service's own (platform ones are added)
};

class ServiceHost {
 public:
  // The options every service takes (flags and environment); `extra` adds the service's own.
  static config::Spec Spec(std::string program, std::string summary,
                           std::vector<config::Option> extra = {});
  // Validates configuration, connects (waiting up to --db-wait for the database) and applies
  // migrations. Any failure is returned with a message an operator can act on.
  static absl::StatusOr<std::unique_ptr<ServiceHost>> Create(const config::Config& config,
                                                             ServiceSettings settings);
  ~ServiceHost();

  // Starts gRPC (with health and reflection) and the HTTP endpoint.
  absl::Status Start(const std::vector<grpc::Service*>& services);
  // Blocks until SIGINT/SIGTERM or Shutdown().
  void Wait();
  void Shutdown();

  int grpc_port() const { return grpc_port_; }
  int metrics_port() const { return http_ ? http_->port() : 0; }
  // The HTTP endpoint (/metrics, /healthz), for a service's own routes: add them before Start().
  http::HttpServer& http() { return *http_; }
  // Options for a service's own HTTP ports (analytics' reports): TLS as the host's ports have it
  // (the same certificate, re-read on change) or cleartext under --insecure.
  http::ServerOptions HttpServerOptions() const;

  // Lists the follower's Status() under "consumers" in /healthz. The follower must outlive the
  // HTTP endpoint (a ServiceParts member does: RunningService stops the host first). Any time,
  // from any thread.
  void WatchFollower(const events::EventFollower& follower);
  // Adds "name": json_fragment() to /healthz, e.g. AddHealthDetail("read_models", [] { return
  // R"({"rebuilding":false})"; }). The fragment is any JSON value; text that does not parse is
  // shown as a JSON string. Called on an HTTP thread at each request: keep it quick and
  // thread-safe, and make what it reads outlive the HTTP endpoint. "status", "database" and
  // "consumers" are the host's own names and are refused (a wiring bug: aborts).
  void AddHealthDetail(std::string name, std::function<std::string()> json_fragment);
  db::Pool& pool() { return *pool_; }
  WorkerPool& workers() { return *workers_; }
  metrics::Registry& metrics() { return registry_; }
  events::OutboxNotifier& notifier() { return *notifier_; }
  const rpc::PageTokenCodec& page_tokens() const { return *page_tokens_; }
  CallRunner& calls() { return *calls_; }
  // The configured token verifier, for a service's own HTTP routes that take bearer tokens.
  const auth::JwtVerifier& verifier() const { return *verifier_; }
  // The above, for a service's handlers.
  HostDeps deps();
  const ServiceSettings& settings() const { return settings_; }
  const std::string& dsn() const { return dsn_; }

 private:
  ServiceHost() = default;
  void MonitorHealth();
  void RegisterPoolMetrics();
  void AddHttpRoutes();
  http::Response Health();

  ServiceSettings settings_;
  std::string dsn_;
  std::string listen_;
  ConnectionSettings connection_settings_;
  tls::ServerTls tls_;
  std::shared_ptr<tls::ReloadingKeyPair> http_key_pair_;  // null under --insecure
  std::string metrics_listen_host_;
  int metrics_listen_port_ = 0;
  metrics::Registry registry_;
  std::unique_ptr<auth::JwtVerifier> verifier_;
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<WorkerPool> workers_;
  std::unique_ptr<events::OutboxNotifier> notifier_;
  std::unique_ptr<rpc::PageTokenCodec> page_tokens_;
  std::unique_ptr<CallRunner> calls_;
  std::unique_ptr<AuditSealer> audit_sealer_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<http::HttpServer> http_;
  int grpc_port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> db_healthy_{false};
  std::thread health_thread_;
  absl::Mutex health_mu_;
  std::vector<const events::EventFollower*> followers_ ABSL_GUARDED_BY(health_mu_);
  std::vector<std::pair<std::string, std::function<std::string()>>> health_details_
      ABSL_GUARDED_BY(health_mu_);
};

}  // namespace kinerja::server
