#include "shared/db/provision.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "shared/db/transaction.h"

namespace kinerja::db {

std::string ProvisionSql(pqxx::connection& admin, const ServiceDatabase& db) {
  const std::string role = admin.quote_name(db.role);
  const std::string schema = admin.quote_name(db.schema);
  const std::string password = db.password.empty() ? "NULL" : admin.quote(db.password);
  return absl::StrCat(
      "DO $kinerja$ BEGIN\n"
      "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ",
      admin.quote(db.role),
      ") THEN\n"
      "    CREATE ROLE ",
      role,
      " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;\n"
      "  END IF;\n"
      "END $kinerja$;\n",
      "ALTER ROLE ", role, " PASSWORD ", password, ";\n", "CREATE SCHEMA IF NOT EXISTS ", schema,
      " AUTHORIZATION ", role, ";\n", "ALTER ROLE ", role, " SET search_path = ", schema, ";\n",
      // PostgreSQL 15 already denies CREATE on public; make sure nothing lands there either way.
      "REVOKE CREATE ON SCHEMA public FROM PUBLIC;\n");
}

absl::Status Provision(pqxx::connection& admin, const ServiceDatabase& db) {
  try {
    pqxx::nontransaction tx(admin);
    tx.exec0(ProvisionSql(admin, db));
    return absl::OkStatus();
  } catch (const std::exception& e) {
    return DetailedStatusFromException(e);
  }
}

}  // namespace kinerja::db
