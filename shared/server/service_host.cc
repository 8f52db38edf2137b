#include "shared/server/service_host.h"

#include <algorithm>
#include <cstdlib>
#include <thread>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include <csignal>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "shared/db/transaction.h"
#include "shared/log/log.h"
#include "shared/server/schema_migration.h"
#include "shared/server/server_arguments.h"
#include "shared/server/shared_options.h"
#include "shared/server/token_keys.h"
#include "shared/tls/grpc_credentials.h"

namespace kinerja::server {
namespace {

// 2 per core (4 on a 2-core machine). Each worker blocks on one libpq round trip at a time, so a
// few per core keep the database busy; beyond that, hand-offs between threads cost more than they
// overlap (docs/benchmarks.md has the GetEmployee figures by pool size).
// Writes on a durable database spend most of their time waiting for their commit's flush, and
// commits waiting together share one flush: more connections than cores let them (measured on
// 2 cores with fsync on, UpdateEmployee / pgbench simple-update: 4 connections 0.31, 16: 0.44;
// with fsync off no difference, reads unaffected as coalesced batches are bounded separately).
int DefaultPoolSize() {
  const unsigned cores = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(4 * (cores == 0 ? 2u : cores), 8u, 64u));
}

std::atomic<bool> g_signalled{false};
extern "C" void OnSignal(int) { g_signalled = true; }

using config::Option;
using config::OptionType;

// RFC 3339 in UTC, or null for a time that has not happened yet (InfinitePast).
nlohmann::ordered_json JsonTime(absl::Time t) {
  if (t == absl::InfinitePast()) return nullptr;
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", t, absl::UTCTimeZone());
}

nlohmann::ordered_json ConsumerJson(const events::FollowerStatus& status) {
  const bool applied_one = status.last_applied_at != absl::InfinitePast();
  return {{"name", status.name},
          {"connected", status.connected},
          {"standby", status.standby},
          {"applied", status.applied},
          {"cursor", status.cursor},
          {"lag_seconds", applied_one ? nlohmann::ordered_json(status.lag_seconds) : nullptr},
          {"last_occurred_at", JsonTime(status.last_occurred_at)},
          {"last_applied_at", JsonTime(status.last_applied_at)},
          {"last_error", status.last_error},
          {"last_error_at", JsonTime(status.last_error_at)}};
}

}  // namespace

config::Spec ServiceHost::Spec(std::string program, std::string summary,
                               std::vector<Option> extra) {
  config::Spec spec{.program = std::move(program), .summary = std::move(summary)};
  spec.options = {
      {.name = "listen",
       .env = "LISTEN_ADDR",
       .help = "gRPC listen address host:port",
       .type = OptionType::kAddress,
       .default_value = "127.0.0.1:50051"},
      {.name = "metrics-listen",
       .env = "METRICS_ADDR",
       .help = "Prometheus /metrics and /healthz HTTP address host:port (port 0: any free port)",
       .type = OptionType::kAddress,
       .default_value = "127.0.0.1:9464"},
      PgDsnOption(),
      {.name = "db-pool-size",
       .env = "DB_POOL_SIZE",
       .help = "database connections, and worker threads running database work (default: 4 per "
               "CPU core, at least 8: durable commits wait for their flush together)",
       .type = OptionType::kInt,
       .default_value = std::to_string(DefaultPoolSize()),
       .min = 1,
       .max = 256},
      {.name = "max-queued-calls",
       .env = "MAX_QUEUED_CALLS",
       .help = "calls that may wait for a worker; beyond it new calls are refused at once with "
               "RESOURCE_EXHAUSTED and a retry delay (0: no bound)",
       .type = OptionType::kInt,
       .default_value = "1024",
       .min = 0,
       .max = 1000000},
      {.name = "db-statement-timeout",
       .env = "DB_STATEMENT_TIMEOUT",
       .help = "statement_timeout of database work without a caller's deadline (background work, "
               "calls whose client set no deadline); a call's work runs under its remaining "
               "deadline",
       .type = OptionType::kDuration,
       .default_value = "60s"},
      {.name = "event-poll-interval",
       .env = "EVENT_POLL_INTERVAL",
       .help = "how often idle event streams look for events committed by other replicas (this "
               "replica's own commits wake them at once): the bound on their delay",
       .type = OptionType::kDuration,
       .default_value = "200ms"},
      DbWaitOption(),
      {.name = "jwt-issuer",
       .env = "JWT_ISSUER",
       .help = "accepted token issuer (iss)",
       .required = true},
      {.name = "jwt-audience",
       .env = "JWT_AUDIENCE",
       .help = "required token audience (aud)",
       .required = true},
      {.name = "page-token-key",
       .env = "PAGE_TOKEN_KEY",
       .help = "secret (16+ characters) that signs page tokens; the same on every replica",
       .required = true,
       .secret = true},
      LogLevelOption(),
      MigrateOnlyOption(),
  };
  for (auto& o : ConnectionOptions()) spec.options.push_back(std::move(o));
  for (auto& o : TokenKeyOptions()) spec.options.push_back(std::move(o));
  for (auto& o : tls::TlsOptions()) spec.options.push_back(std::move(o));
  for (auto& o : extra) spec.options.push_back(std::move(o));
  return spec;
}

// Debian's Abseil checks every Mutex acquisition for lock-order cycles (its deadlock detector
// builds a graph of held locks), which measured 1-3% of a service's CPU on the GetEmployee
// path. Release builds turn it off; debug and sanitizer builds (the test run) keep it.
static void ConfigureMutexChecks() {
#ifdef NDEBUG
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
#endif
}

absl::StatusOr<std::unique_ptr<ServiceHost>> ServiceHost::Create(const config::Config& config,
                                                                 ServiceSettings settings) {
  ConfigureMutexChecks();
  auto level = log::ParseLevel(config.GetString("log-level"));
  if (!level.ok())
    return absl::InvalidArgumentError(absl::StrCat("--log-level: ", level.status().message()));
  log::SetLevel(*level);
  if (config.GetString("page-token-key").size() < 16) {
    return absl::InvalidArgumentError(
        "--page-token-key (PAGE_TOKEN_KEY): must be at least 16 characters");
  }
  std::unique_ptr<ServiceHost> host(new ServiceHost());
  host->settings_ = std::move(settings);
  host->dsn_ = config.GetString("pg-dsn");
  host->listen_ = config.GetString("listen");
  host->connection_settings_ = ConnectionSettingsFrom(config);
  config::Address metrics = config.GetAddress("metrics-listen");
  host->metrics_listen_host_ = metrics.host;
  host->metrics_listen_port_ = metrics.port;
  host->tls_ = tls::ServerTlsFrom(config);
  if (absl::Status s = tls::Validate(host->tls_, tls::ClientTlsFrom(config)); !s.ok()) return s;
  if (!host->tls_.insecure) {
    auto pair = tls::ReloadingKeyPair::Create(host->tls_.cert_file, host->tls_.key_file,
                                              host->tls_.reload_interval);
    if (!pair.ok()) return pair.status();
    host->http_key_pair_ = *std::move(pair);
  }

  auto keys = TokenKeysFrom(config);
  if (!keys.ok()) return keys.status();
  auth::JwtVerifier::Options verifier_options;
  verifier_options.issuer = config.GetString("jwt-issuer");
  verifier_options.audience = config.GetString("jwt-audience");
  auto verifier = auth::JwtVerifier::Create(std::move(verifier_options), *std::move(keys));
  if (!verifier.ok()) return verifier.status();
  host->verifier_ = *std::move(verifier);

  if (absl::Status s = MigrateSchema(host->dsn_, host->settings_.name, host->settings_.migrations,
                                     config.GetDuration("db-wait"));
      !s.ok()) {
    return s;
  }
  int pool_size = static_cast<int>(config.GetInt("db-pool-size"));
  auto pool = db::Pool::Create({.dsn = host->dsn_,
                                .schema = host->settings_.name,
                                .size = pool_size,
                                .application_name = "kinerja-" + host->settings_.name,
                                .statement_timeout = config.GetDuration("db-statement-timeout")});
  if (!pool.ok()) return pool.status();
  host->pool_ = *std::move(pool);
  host->workers_ =
      std::make_unique<WorkerPool>(pool_size, static_cast<int>(config.GetInt("max-queued-calls")));
  host->notifier_ =
      std::make_unique<events::OutboxNotifier>(config.GetDuration("event-poll-interval"));
  // This process's commits that wrote events wake its streams at once; no NOTIFY.
  host->pool_->SetEventCommitListener([notifier = host->notifier_.get()] { notifier->Signal(); });
  host->page_tokens_ = std::make_unique<rpc::PageTokenCodec>(config.GetString("page-token-key"));
  host->calls_ =
      std::make_unique<CallRunner>(host->settings_.name + ".kinerja", host->settings_.grpc_service,
                                   host->verifier_.get(), host->workers_.get(), &host->registry_);
  host->audit_sealer_ = std::make_unique<AuditSealer>(host->pool_.get(), host->settings_.name);
  host->RegisterPoolMetrics();
  host->registry_.SetBuildInfo(host->settings_.name, KINERJA_VERSION);
  host->http_ = std::make_unique<http::HttpServer>(host->HttpServerOptions());
  host->AddHttpRoutes();
  return host;
}

http::ServerOptions ServiceHost::HttpServerOptions() const {
  return http::ServerOptions{.tls = http_key_pair_};
}

HostDeps ServiceHost::deps() {
  return HostDeps{.calls = calls_.get(),
                  .page_tokens = page_tokens_.get(),
                  .pool = pool_.get(),
                  .workers = workers_.get(),
                  .notifier = notifier_.get(),
                  .metrics = &registry_};
}

void ServiceHost::RegisterPoolMetrics() {
  db::Pool* pool = pool_.get();
  registry_.AddCallbackGauge("db_pool_connections", "configured database connections",
                             [pool] { return pool->Stats().size; });
  registry_.AddCallbackGauge("db_pool_in_use", "database connections in use",
                             [pool] { return pool->Stats().in_use; });
  registry_.AddCallbackGauge("db_pool_waiting", "callers waiting for a database connection",
                             [pool] { return pool->Stats().waiting; });
  WorkerPool* workers = workers_.get();
  registry_.AddCallbackGauge("worker_queue_length", "database work items waiting for a worker",
                             [workers] { return workers->queued(); });
  std::atomic<bool>* healthy = &db_healthy_;
  registry_.AddCallbackGauge("db_up", "1 while the database answers health checks",
                             [healthy] { return healthy->load() ? 1.0 : 0.0; });
}

void ServiceHost::AddHttpRoutes() {
  http_->Get("/metrics", [this](const http::Request&) {
    return http::Response{.content_type = std::string(metrics::kTextContentType),
                          .body = registry_.Render()};
  });
  http_->Get("/healthz", [this](const http::Request&) { return Health(); });
}

void ServiceHost::WatchFollower(const events::EventFollower& follower) {
  absl::MutexLock lock(&health_mu_);
  followers_.push_back(&follower);
}

void ServiceHost::AddHealthDetail(std::string name, std::function<std::string()> json_fragment) {
  if (name == "status" || name == "database" || name == "consumers") {
    log::Error("AddHealthDetail: a name of the host's own", {{"name", name}});
    std::abort();
  }
  absl::MutexLock lock(&health_mu_);
  health_details_.emplace_back(std::move(name), std::move(json_fragment));
}

http::Response ServiceHost::Health() {
  const bool up = db_healthy_.load();
  nlohmann::ordered_json body = {{"status", up ? "ok" : "unavailable"},
                                 {"database", up ? "up" : "down"},
                                 {"consumers", nlohmann::ordered_json::array()}};
  absl::MutexLock lock(&health_mu_);
  for (const events::EventFollower* follower : followers_) {
    body["consumers"].push_back(ConsumerJson(follower->Status()));
  }
  for (const auto& [name, fragment] : health_details_) {
    const std::string text = fragment();
    nlohmann::ordered_json value =
        nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
    body[name] = value.is_discarded() ? nlohmann::ordered_json(text) : std::move(value);
  }
  return http::Response{
      .status = up ? 200 : 503,
      .content_type = "application/json",
      // Replaces invalid UTF-8 (an error's text) rather than throwing.
      .body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n",
      .headers = {{"Cache-Control", "no-store"}}};
}

absl::Status ServiceHost::Start(const std::vector<grpc::Service*>& services) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  ApplyConnectionSettings(connection_settings_, builder);
  builder.AddListeningPort(listen_, tls::GrpcServerCredentials(tls_), &grpc_port_);
  for (grpc::Service* s : services) builder.RegisterService(s);
  server_ = builder.BuildAndStart();
  if (server_ == nullptr || grpc_port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("--listen (LISTEN_ADDR): cannot listen on ", listen_));
  }
  if (absl::Status s = http_->Start(metrics_listen_host_, metrics_listen_port_); !s.ok()) {
    return absl::UnavailableError(absl::StrCat("--metrics-listen (METRICS_ADDR): ", s.message()));
  }
  health_thread_ = std::thread([this] { MonitorHealth(); });
  log::Info("serving",
            {{"service", settings_.name},
             {"grpc_port", grpc_port_},
             {"metrics_port", http_->port()},
             {"tls", tls_.insecure                 ? "off (--insecure)"
                     : tls_.client_ca_file.empty() ? "on"
                                                   : "on, client certificates required"}});
  return absl::OkStatus();
}

void ServiceHost::MonitorHealth() {
  grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService();
  bool last = false;
  bool first = true;
  while (!stopping_) {
    bool up = db::RunInTransaction(
                  *pool_,
                  [](pqxx::work& tx) {
                    tx.exec("SELECT 1");
                    return absl::OkStatus();
                  },
                  1)
                  .ok();
    db_healthy_ = up;
    if (first || up != last) {
      health->SetServingStatus(up);
      health->SetServingStatus(settings_.grpc_service, up);
      if (!first || !up)
        log::Log(up ? log::Level::kInfo : log::Level::kError,
                 up ? "database reachable: SERVING" : "database unreachable: NOT_SERVING");
      last = up;
      first = false;
    }
    for (int i = 0; i < 20 && !stopping_; ++i) absl::SleepFor(absl::Milliseconds(100));
  }
}

void ServiceHost::Wait() {
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  while (!g_signalled && !stopping_) absl::SleepFor(absl::Milliseconds(100));
  Shutdown();
}

void ServiceHost::Shutdown() {
  if (stopping_.exchange(true)) return;
  log::Info("shutting down", {{"service", settings_.name}});
  if (server_) server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  if (health_thread_.joinable()) health_thread_.join();
  if (http_) http_->Stop();
}

ServiceHost::~ServiceHost() {
  Shutdown();
  // Streams finish before the notifier and workers they use go away.
  server_.reset();
  audit_sealer_.reset();  // before the pool it seals with
  workers_.reset();       // the last work that could commit events
  if (pool_) pool_->SetEventCommitListener(nullptr);
  notifier_.reset();
}

}  // namespace kinerja::server
