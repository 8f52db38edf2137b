// The options that a service's normal run and its --migrate-only run both take, defined once.
#pragma once

#include "shared/config/spec.h"

namespace kinerja::server {

config::Option PgDsnOption();        // --pg-dsn (PG_DSN)
config::Option DbWaitOption();       // --db-wait (DB_WAIT)
config::Option LogLevelOption();     // --log-level (LOG_LEVEL)
config::Option MigrateOnlyOption();  // --migrate-only (no environment variable: a run's mode)

}  // namespace kinerja::server
