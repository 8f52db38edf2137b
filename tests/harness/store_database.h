// A store test's database: a fresh database of the test cluster with one service's schema and
// role provisioned, the platform migrations and the service's own applied (as the service does
// at start-up), and a pool connected as the service's role. Any service's store tests start here.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "shared/db/migrations.h"
#include "shared/db/pool.h"
#include "shared/db/write_options.h"

namespace kinerja::testing {

class StoreDatabase {
 public:
  // Aborts the test binary with the reason when the database cannot be prepared.
  StoreDatabase(const std::string& schema, const std::vector<db::Migration>& migrations);

  db::Pool& pool() { return *pool_; }
  const std::string& dsn() const { return dsn_; }
  const std::string& dbname() const { return dbname_; }

  // Rows of a table in the schema that satisfy `where`.
  int64_t Count(const std::string& table, const std::string& where = "true");
  // The first column of the first row of `sql` run as the service's role ("<null>" for none).
  std::string Scalar(const std::string& sql);

  // Write options of a test caller ("tester") under `request_id`.
  static db::WriteOptions Write(const std::string& request_id = "");
  // The same with an idempotency key for the request id (a replay returns the first answer).
  static db::WriteOptions IdempotentWrite(const std::string& request_id);

 private:
  std::string schema_;
  std::string dbname_;
  std::string dsn_;
  std::unique_ptr<db::Pool> pool_;
};

}  // namespace kinerja::testing
