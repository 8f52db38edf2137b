// The options that a service's normal run and its --migrate-only run both take, defined once,
// and how both read their command line.
#pragma once

#include <variant>

#include "shared/config/config.h"
#include "shared/config/spec.h"

namespace kinerja::server {

config::Option PgDsnOption();        // --pg-dsn (PG_DSN)
config::Option DbWaitOption();       // --db-wait (DB_WAIT)
config::Option LogLevelOption();     // --log-level (LOG_LEVEL)
config::Option MigrateOnlyOption();  // --migrate-only (no environment variable: a run's mode)

// The command line and environment read against `spec`: the Config, or the process's exit code
// when there is nothing to run (2 after printing the error, 0 after printing --help).
std::variant<config::Config, int> ParseOrExitCode(const config::Spec& spec, int argc, char** argv);

}  // namespace kinerja::server
