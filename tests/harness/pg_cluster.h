// A throwaway PostgreSQL cluster for one test binary (tools/lib/pg-cluster under a temp dir),
// with a fresh database per call to CreateDatabase. Stopped and deleted at process exit.
#pragma once

#include <string>

#include "shared/db/provision.h"

namespace kinerja::testing {

class PgCluster {
 public:
  // Started on first use; aborts the test binary with the script's output if it cannot start.
  static PgCluster& Get();

  // Superuser DSN of the given database.
  std::string AdminDsn(const std::string& dbname = "postgres") const;
  // Creates a new empty database and returns its name.
  std::string CreateDatabase(const std::string& prefix);
  // Provisions a service role + schema in `dbname` and returns the role's DSN.
  std::string ProvisionService(const std::string& dbname, const db::ServiceDatabase& service);
  // Stops / starts the server (same data, same port) for reconnect tests.
  void Stop();
  void Start();

  // Stops the server and deletes its directory (also done at process exit).
  void Shutdown();
  ~PgCluster();

 private:
  PgCluster();
  std::string dir_;
  std::string admin_dsn_base_;  // without dbname
  int next_db_ = 0;
};

}  // namespace kinerja::testing
