// A service's schema brought up to its binary: the platform's migrations and the service's own,
// applied (db::ApplyMigrations) at start-up and by --migrate-only.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "shared/db/migration.h"

namespace kinerja::server {

// Connects to `dsn` (retrying for up to `wait` while the database is unreachable), applies the
// platform's migrations and then `migrations` in `schema`, and logs what it applied. A schema
// ahead of this binary is accepted with a warning naming the newer migrations. A schema problem
// (FailedPrecondition, see shared/db/migration_plan.h) is returned at once; an unreachable
// database as Unavailable after `wait`.
absl::Status MigrateSchema(const std::string& dsn, const std::string& schema,
                           const std::vector<db::Migration>& migrations, absl::Duration wait);

}  // namespace kinerja::server
