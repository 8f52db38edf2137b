#include "services/analytics/api/analytics_definition.h"

#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/analytics/api/analytics_service.h"
#include "services/analytics/api/http_routes.h"
#include "services/analytics/api/read_model_followers.h"
#include "services/analytics/api/reports.h"
#include "services/analytics/store/migrations.h"
#include "shared/clients/client_config.h"
#include "shared/http/http_server.h"

namespace kinerja::analytics::api {
namespace {

using config::Option;
using config::OptionType;

constexpr const char* kProducers[] = {"employee", "goals", "review"};

std::vector<std::unique_ptr<clients::ProducerEvents>> Sources(const config::Config& config) {
  std::vector<std::unique_ptr<clients::ProducerEvents>> sources;
  for (const char* producer : kProducers) {
    // The names are the known ones: connecting cannot fail.
    sources.push_back(
        *clients::ConnectProducerEvents(producer, clients::ChannelOptionsFrom(config, producer)));
  }
  return sources;
}

ReportSettings SettingsFrom(const config::Config& config) {
  return {
      .public_min_group_size = static_cast<int>(config.GetInt("public-min-group-size")),
      .annual_assessment_due_days = static_cast<int>(config.GetInt("annual-assessment-due-days"))};
}

class AnalyticsParts final : public server::ServiceParts {
 public:
  AnalyticsParts(const config::Config& config, server::ServiceHost& host,
                 std::function<absl::Time()> now)
      : followers_(host.pool(), Sources(config),
                   {.max_batch = static_cast<int>(config.GetInt("follower-batch")),
                    .durable_commit = config.GetBool("read-model-durable-commit")},
                   &host.metrics()),
        reports_(
            host.pool(), host.page_tokens(), SettingsFrom(config),
            [this] { return followers_.Status(); }, now),
        service_(MakeDeps(host)),
        http_(host.HttpServerOptions()),
        follow_(config.GetBool("follow-events")) {
    for (const auto& follower : followers_.followers()) host.WatchFollower(*follower);
    AddHttpRoutes(http_, reports_, host.verifier());
  }

  absl::Status StartHttp(const config::Address& address) {
    return http_.Start(address.host.empty() ? "0.0.0.0" : address.host, address.port);
  }
  int http_port() const { return http_.port(); }

  std::vector<grpc::Service*> services() override { return {&service_}; }
  void StartBackground() override {
    if (follow_) followers_.Start();
  }
  void StopBackground() override {
    followers_.Stop();
    http_.Stop();
  }

 private:
  ServiceDeps MakeDeps(server::ServiceHost& host) {
    ServiceDeps deps;
    static_cast<server::HostDeps&>(deps) = host.deps();
    deps.reports = &reports_;
    return deps;
  }

  ReadModelFollowers followers_;
  Reports reports_;
  AnalyticsService service_;
  http::HttpServer http_;
  const bool follow_;
};

std::vector<Option> Options() {
  std::vector<Option> options;
  for (const char* producer : kProducers) {
    const std::string upper = absl::AsciiStrToUpper(producer);
    for (Option& o : clients::ClientOptions(producer, upper, std::string(producer) + " service")) {
      options.push_back(std::move(o));
    }
  }
  options.push_back({.name = "http-listen",
                     .env = "HTTP_LISTEN",
                     .help = "HTTP address host:port of the reports (JSON, CSV under /api/v1/) "
                             "and the ops dashboard (/dashboard); port 0: any free port",
                     .type = OptionType::kAddress,
                     .default_value = "127.0.0.1:8080"});
  options.push_back({.name = "public-min-group-size",
                     .env = "PUBLIC_MIN_GROUP_SIZE",
                     .help = "Transparency report: groups with fewer finalised assessments are "
                             "suppressed (k-anonymity)",
                     .type = OptionType::kInt,
                     .default_value = "5",
                     .min = 2,
                     .max = 1000});
  options.push_back({.name = "annual-assessment-due-days",
                     .env = "ANNUAL_ASSESSMENT_DUE_DAYS",
                     .help = "Participation: days after a plan's last day by which its annual "
                             "assessment is due (not in the regulation: a setting)",
                     .type = OptionType::kInt,
                     .default_value = "31",
                     .min = 0,
                     .max = 366});
  options.push_back({.name = "follow-events",
                     .env = "FOLLOW_EVENTS",
                     .help = "Follow the employee, goals and review services' events into the "
                             "read model (off: serve the read model as it is)",
                     .type = OptionType::kBool,
                     .default_value = "true"});
  options.push_back({.name = "follower-batch",
                     .env = "FOLLOWER_BATCH",
                     .help = "Events applied to the read model per transaction, at most",
                     .type = OptionType::kInt,
                     .default_value = "256",
                     .min = 1,
                     .max = 10000});
  options.push_back({.name = "read-model-durable-commit",
                     .env = "READ_MODEL_DURABLE_COMMIT",
                     .help = "Wait for the WAL flush on every read-model transaction (the read "
                             "model is derived from the events: after a crash the last events are "
                             "applied again either way)",
                     .type = OptionType::kBool,
                     .default_value = "false"});
  return options;
}

}  // namespace

server::ServiceSettings AnalyticsServiceSettings() {
  return {.name = "analytics",
          .grpc_service = "kinerja.analytics.v1.AnalyticsService",
          .migrations = AnalyticsMigrations()};
}

int AnalyticsHttpPort(server::ServiceParts& parts) {
  return static_cast<AnalyticsParts&>(parts).http_port();
}

server::ServiceDefinition AnalyticsDefinition(std::function<absl::Time()> now) {
  return server::ServiceDefinition{
      .program = "kinerja-analytics",
      .summary =
          "Analytics service: read models built only from the employee, goals and review "
          "services' events; predicate distribution, compliance with the organisation "
          "predicate bands, participation, development needs, recognition, indicator "
          "health, rater statistics, trends and the public transparency report, over "
          "gRPC and as JSON/CSV over HTTP, with an ops dashboard.",
      .options = Options(),
      .settings = AnalyticsServiceSettings(),
      .wire = [now](const config::Config& config, server::ServiceHost& host)
          -> absl::StatusOr<std::unique_ptr<server::ServiceParts>> {
        auto parts = std::make_unique<AnalyticsParts>(config, host, now);
        if (absl::Status s = parts->StartHttp(config.GetAddress("http-listen")); !s.ok()) {
          return absl::UnavailableError(absl::StrCat("--http-listen (HTTP_LISTEN): ", s.message()));
        }
        return parts;
      }};
}

}  // namespace kinerja::analytics::api
