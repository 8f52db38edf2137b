// Creates a service's database role and schema (idempotent). Run with an administrator
// connection by the local stack and by tests; in production the DBA runs the same SQL
// (`kinerja-dbadmin provision --print`).
#pragma once

#include <string>

#include <pqxx/connection>

#include "absl/status/status.h"

namespace kinerja::db {

struct ServiceDatabase {
  std::string schema;    // e.g. "employee"
  std::string role;      // e.g. "kinerja_employee"
  std::string password;  // may be empty for roles that authenticate otherwise
};

// SQL statements that create or update the role (LOGIN, no other privileges), create the schema
// owned by it, and confine its search_path. The role gets nothing on other schemas.
std::string ProvisionSql(pqxx::connection& admin, const ServiceDatabase& db);

absl::Status Provision(pqxx::connection& admin, const ServiceDatabase& db);

}  // namespace kinerja::db
