#include "shared/db/migrations.h"

#include <map>
#include <set>

#include <pqxx/pqxx>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "shared/crypto/encoding.h"
#include "shared/crypto/hmac.h"
#include "shared/db/transaction.h"

namespace kinerja::db {
namespace {

std::string Checksum(const std::string& sql) { return crypto::HexEncode(crypto::Sha256(sql)); }

absl::StatusOr<std::map<std::string, std::string>> AppliedChecksums(pqxx::connection& conn) {
  pqxx::work tx(conn);
  tx.exec0(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " id text PRIMARY KEY, checksum text NOT NULL,"
      " applied_at timestamptz NOT NULL DEFAULT now())");
  std::map<std::string, std::string> applied;
  for (const auto& row : tx.exec("SELECT id, checksum FROM schema_migrations")) {
    applied[row[0].as<std::string>()] = row[1].as<std::string>();
  }
  tx.commit();
  return applied;
}

absl::Status CheckKnown(const std::map<std::string, std::string>& applied,
                        const std::vector<Migration>& migrations) {
  std::set<std::string> known;
  for (const Migration& m : migrations) {
    known.insert(m.id);
    auto it = applied.find(m.id);
    if (it != applied.end() && it->second != Checksum(m.sql)) {
      return absl::FailedPreconditionError(
          absl::StrCat("migration ", m.id,
                       " was changed after it was applied; add a new migration instead of "
                       "editing an applied one"));
    }
  }
  std::vector<std::string> unknown;
  for (const auto& [id, sum] : applied) {
    if (!known.contains(id)) unknown.push_back(id);
  }
  if (!unknown.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("the database has migrations this binary does not know (",
                     absl::StrJoin(unknown, ", "), "); is an older binary starting?"));
  }
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
    auto applied = AppliedChecksums(conn);
    if (!applied.ok()) return applied.status();
    if (absl::Status known = CheckKnown(*applied, migrations); !known.ok()) return known;

    MigrationReport report;
    for (const Migration& m : migrations) {
      if (applied->contains(m.id)) {
        ++report.already_applied;
        continue;
      }
      pqxx::work tx(conn);
      try {
        tx.exec(m.sql);
      } catch (const std::exception& e) {
        return absl::FailedPreconditionError(
            absl::StrCat("migration ", m.id, " failed: ", e.what()));
      }
      tx.exec_params0("INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)", m.id,
                      Checksum(m.sql));
      tx.commit();
      report.applied.push_back(m.id);
    }
    return report;
  } catch (const std::exception& e) {
    return DetailedStatusFromException(e);
  }
}

}  // namespace kinerja::db
