#include "shared/server/shared_options.h"

#include <iostream>

namespace kinerja::server {

using config::Option;
using config::OptionType;

Option PgDsnOption() {
  return {.name = "pg-dsn",
          .env = "PG_DSN",
          .help = "libpq connection string of the service's own database role",
          .required = true,
          .secret = true};
}

Option DbWaitOption() {
  return {.name = "db-wait",
          .env = "DB_WAIT",
          .help = "how long start-up waits for the database before giving up",
          .type = OptionType::kDuration,
          .default_value = "30s"};
}

Option LogLevelOption() {
  return {.name = "log-level",
          .env = "LOG_LEVEL",
          .help = "debug, info, warn or error",
          .default_value = "info"};
}

Option MigrateOnlyOption() {
  return {.name = "migrate-only",
          .help =
              "apply the service's database migrations, then exit (0 when the schema is "
              "current or ahead of this binary, 1 otherwise); takes only --pg-dsn, --db-wait "
              "and --log-level. Run it before rolling out a release (docs/upgrades.md)",
          .type = OptionType::kBool,
          .default_value = "false"};
}

std::variant<config::Config, int> ParseOrExitCode(const config::Spec& spec, int argc, char** argv) {
  absl::StatusOr<config::Config> config = config::Parse(spec, argc, argv, config::ProcessEnv());
  if (!config.ok()) {
    std::cerr << config.status().message() << "\n";
    return 2;
  }
  if (config->help_requested()) {
    std::cout << config->usage();
    return 0;
  }
  return *std::move(config);
}

}  // namespace kinerja::server
