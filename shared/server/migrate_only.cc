#include "shared/server/migrate_only.h"

#include <iostream>
#include <string_view>
#include <variant>

#include "absl/strings/str_cat.h"
#include "shared/config/config.h"
#include "shared/log/log.h"
#include "shared/server/schema_migration.h"
#include "shared/server/shared_options.h"

namespace kinerja::server {
namespace {

// Any spelling of the flag: its value (--migrate-only=false) is read by the parse that follows.
bool MentionsMigrateOnly(int argc, char** argv) {
  const std::string flag = absl::StrCat("--", MigrateOnlyOption().name);
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == flag || arg.starts_with(flag + "=")) return true;
  }
  return false;
}

config::Spec MigrateOnlySpec(const ServiceDefinition& definition) {
  return {.program = definition.program,
          .summary = absl::StrCat("Applies the ", definition.settings.name,
                                  " service's database migrations, then exits."),
          .options = {MigrateOnlyOption(), PgDsnOption(), DbWaitOption(), LogLevelOption()}};
}

int Migrate(const config::Config& config, const ServiceDefinition& definition) {
  auto level = log::ParseLevel(config.GetString("log-level"));
  if (!level.ok()) {
    std::cerr << "--log-level (LOG_LEVEL): " << level.status().message() << "\n";
    return 2;
  }
  log::SetLevel(*level);
  log::Info("migrating", {{"config", config.Describe()}});
  const ServiceSettings& settings = definition.settings;
  absl::Status status = MigrateSchema(config.GetString("pg-dsn"), settings.name,
                                      settings.migrations, config.GetDuration("db-wait"));
  if (!status.ok()) {
    log::Error("migration failed", {{"schema", settings.name}, {"error", status.message()}});
    return 1;
  }
  log::Info("schema migrated", {{"schema", settings.name}});
  return 0;
}

}  // namespace

std::optional<int> RunMigrateOnlyIfAsked(int argc, char** argv,
                                         const ServiceDefinition& definition) {
  if (!MentionsMigrateOnly(argc, argv)) return std::nullopt;
  std::variant<config::Config, int> parsed =
      ParseOrExitCode(MigrateOnlySpec(definition), argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  const config::Config* config = &std::get<config::Config>(parsed);
  if (!config->GetBool("migrate-only")) return std::nullopt;
  return Migrate(*config, definition);
}

}  // namespace kinerja::server
