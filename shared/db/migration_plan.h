// Decides, without a database, what a binary does with its migrations given what a schema has
// applied (ApplyMigrations in migrations.h reads the one and runs the other).
//
// Expand/contract (docs/upgrades.md): during a rolling upgrade the previous release's binaries
// run against a schema migrated by the next release. So a binary starts when the database is
// ahead of it: its own migrations all applied, and newer ones (of the same sources, sorting after
// its own) on top. It refuses:
//   - an applied migration it knows whose text differs (it was edited after being applied);
//   - an applied migration it does not know that does not sort after its own of the same source
//     (another branch migrated this schema: there is no order in which both are right);
//   - a database ahead of it that lacks one of its own migrations, and any migration of its own
//     that sorts before an applied one of the same source: applying either would run migrations
//     out of order;
//   - a newer contract migration that is not meant for it. A contract migration (one that drops
//     or renames) declares the migration a binary must know to be safe from it, on a line
//       -- kinerja-contract-after: employee/0004_split_name.sql
//     (the expand step whose binaries stopped reading what it removes). A binary that does not
//     know that migration is more than one release behind and refuses.
// The lead is not bounded by a count: a count of migrations is not a count of releases, and
// expand steps are safe however many there are; the contract marker bounds it where it matters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "shared/db/migration.h"

namespace kinerja::db {

// What schema_migrations holds about one applied migration.
struct AppliedMigration {
  std::string id;
  std::string checksum;
  std::string contract_after;  // empty for an expand migration
};

struct MigrationPlan {
  std::vector<const Migration*> to_apply;  // into the `known` vector, in its order
  int already_applied = 0;
  std::vector<std::string> newer;  // applied migrations newer than the binary's, by id
};

// Hex SHA-256 of the migration's text, as recorded when it is applied.
std::string MigrationChecksum(std::string_view sql);

// The migration id on the migration's "-- kinerja-contract-after: <id>" line, or "" when it has
// none (an expand migration).
std::string ContractAfter(std::string_view sql);

// `known`: the binary's migrations in the order it applies them (platform ones, then the
// service's). Ids are "<source>/<file name>"; file names sort in the order they were written.
absl::StatusOr<MigrationPlan> PlanMigrations(const std::vector<Migration>& known,
                                             const std::vector<AppliedMigration>& applied);

}  // namespace kinerja::db
