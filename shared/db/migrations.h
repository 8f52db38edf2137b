// Versioned SQL migrations, applied at start-up.
//
// Each service ships its migrations inside its binary (cmake kinerja_embed_migrations). At
// start-up they are applied in name order under an advisory lock, so several replicas starting
// together apply each migration once. Every applied migration's SHA-256 is recorded: a binary
// whose migration text differs from what was applied, or that does not know an applied
// migration, refuses to start instead of running against a schema it does not understand.
#pragma once

#include <string>
#include <vector>

#include <pqxx/connection>

#include "absl/status/statusor.h"

namespace kinerja::db {

struct Migration {
  std::string id;  // "<prefix>/<file name>", e.g. "employee/0001_init.sql"
  std::string sql;
};

struct MigrationReport {
  std::vector<std::string> applied;  // ids applied by this call
  int already_applied = 0;
};

// The platform's own migrations (outbox, idempotency keys, audit log), applied into every
// service schema before the service's.
std::vector<Migration> PlatformMigrations();

// Applies `migrations` (platform ones first is the caller's choice) in the schema the
// connection's search_path points to. `schema` names the lock and the bookkeeping table.
absl::StatusOr<MigrationReport> ApplyMigrations(pqxx::connection& conn, const std::string& schema,
                                                const std::vector<Migration>& migrations);

}  // namespace kinerja::db
