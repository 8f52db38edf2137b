#include "shared/server/schema_migration.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "shared/db/migrations.h"
#include "shared/db/transaction.h"
#include "shared/log/log.h"

namespace kinerja::server {
namespace {

void LogReport(const db::MigrationReport& report) {
  log::Info("migrations checked", {{"applied", absl::StrJoin(report.applied, ",")},
                                   {"already_applied", report.already_applied}});
  if (!report.newer.empty()) {
    log::Warn(
        "the database schema is ahead of this binary: running on it, as during a rolling "
        "upgrade; the newer migrations must be expand-only for this release (docs/upgrades.md)",
        {{"newer_migrations", absl::StrJoin(report.newer, ",")}});
  }
}

}  // namespace

absl::Status MigrateSchema(const std::string& dsn, const std::string& schema,
                           const std::vector<db::Migration>& migrations, absl::Duration wait) {
  std::vector<db::Migration> all = db::PlatformMigrations();
  all.insert(all.end(), migrations.begin(), migrations.end());
  absl::Time deadline = absl::Now() + wait;
  for (;;) {
    absl::Status status;
    try {
      pqxx::connection conn(dsn);
      pqxx::nontransaction(conn).exec0("SET search_path TO " + conn.quote_name(schema));
      auto report = db::ApplyMigrations(conn, schema, all);
      if (!report.ok()) return report.status();  // a schema problem does not heal by waiting
      LogReport(*report);
      return absl::OkStatus();
    } catch (const std::exception& e) {
      status = db::DetailedStatusFromException(e);
    }
    if (absl::Now() >= deadline) {
      return absl::UnavailableError(absl::StrCat(
          "database not reachable within ", absl::FormatDuration(wait), ": ", status.message()));
    }
    log::Warn("waiting for the database", {{"error", status.message()}});
    absl::SleepFor(absl::Seconds(1));
  }
}

}  // namespace kinerja::server
