// Versioned SQL migrations, applied at start-up and by a service's --migrate-only run.
//
// Each service ships its migrations inside its binary (cmake kinerja_embed_migrations). They are
// applied in order under an advisory lock, so several replicas starting together apply each
// migration once. Every applied migration's SHA-256 is recorded: a binary whose migration text
// differs from what was applied refuses to start. A database ahead of the binary (newer
// migrations of a release being rolled out) is accepted as migration_plan.h explains, so the
// previous release keeps running during a rolling upgrade (docs/upgrades.md).
#pragma once

#include <string>
#include <vector>

#include <pqxx/connection>

#include "absl/status/statusor.h"
#include "shared/db/migration.h"

namespace kinerja::db {

struct MigrationReport {
  std::vector<std::string> applied;  // ids applied by this call
  int already_applied = 0;
  // Applied migrations newer than the binary's own: the database is ahead of it.
  std::vector<std::string> newer;
};

// The platform's own migrations (outbox, idempotency keys, audit log), applied into every
// service schema before the service's.
std::vector<Migration> PlatformMigrations();

// Applies `migrations` (platform ones first is the caller's choice) in the schema the
// connection's search_path points to. `schema` names the lock and the bookkeeping table.
absl::StatusOr<MigrationReport> ApplyMigrations(pqxx::connection& conn, const std::string& schema,
                                                const std::vector<Migration>& migrations);

}  // namespace kinerja::db
