#include "shared/db/migrations.h"

#include <pqxx/pqxx>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "shared/db/migration_plan.h"
#include "shared/db/transaction.h"

namespace kinerja::db {
namespace {

// Creates the bookkeeping table on first use; contract_after came with expand/contract upgrades
// and is added to tables made before.
std::vector<AppliedMigration> ReadApplied(pqxx::connection& conn) {
  pqxx::work tx(conn);
  tx.exec0(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " id text PRIMARY KEY, checksum text NOT NULL,"
      " applied_at timestamptz NOT NULL DEFAULT now())");
  tx.exec0(
      "ALTER TABLE schema_migrations"
      " ADD COLUMN IF NOT EXISTS contract_after text NOT NULL DEFAULT ''");
  std::vector<AppliedMigration> applied;
  for (const auto& row : tx.exec("SELECT id, checksum, contract_after FROM schema_migrations")) {
    applied.push_back(
        {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()});
  }
  tx.commit();
  return applied;
}

absl::Status Apply(pqxx::connection& conn, const Migration& m) {
  pqxx::work tx(conn);
  try {
    tx.exec(m.sql);
  } catch (const std::exception& e) {
    return absl::FailedPreconditionError(absl::StrCat("migration ", m.id, " failed: ", e.what()));
  }
  tx.exec_params0(
      "INSERT INTO schema_migrations (id, checksum, contract_after) VALUES ($1, $2, $3)", m.id,
      MigrationChecksum(m.sql), ContractAfter(m.sql));
  tx.commit();
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<MigrationReport> ApplyMigrations(pqxx::connection& conn, const std::string& schema,
                                                const std::vector<Migration>& migrations) {
  try {
    const std::string lock_key = absl::StrCat("kinerja.migrate.", schema);
    {
      pqxx::nontransaction lock(conn);
      lock.exec("SELECT pg_advisory_lock(hashtextextended(" + lock.quote(lock_key) + ", 0))");
    }
    absl::Cleanup unlock = [&] {
      try {
        pqxx::nontransaction tx(conn);
        tx.exec("SELECT pg_advisory_unlock(hashtextextended(" + tx.quote(lock_key) + ", 0))");
      } catch (const std::exception&) {
        // A lost connection releases session locks by itself.
      }
    };
    absl::StatusOr<MigrationPlan> plan = PlanMigrations(migrations, ReadApplied(conn));
    if (!plan.ok()) return plan.status();
    MigrationReport report{
        .applied = {}, .already_applied = plan->already_applied, .newer = plan->newer};
    for (const Migration* m : plan->to_apply) {
      if (absl::Status s = Apply(conn, *m); !s.ok()) return s;
      report.applied.push_back(m->id);
    }
    return report;
  } catch (const std::exception& e) {
    return DetailedStatusFromException(e);
  }
}

}  // namespace kinerja::db
