#include "tests/harness/store_database.h"

#include <cstdlib>
#include <iostream>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::testing {

StoreDatabase::StoreDatabase(const std::string& schema,
                             const std::vector<db::Migration>& migrations)
    : schema_(schema) {
  dbname_ = PgCluster::Get().CreateDatabase(schema + "_store");
  dsn_ = PgCluster::Get().ProvisionService(dbname_, {schema, "kinerja_" + schema, "pw-" + schema});
  pqxx::connection conn(dsn_);
  std::vector<db::Migration> all = db::PlatformMigrations();
  all.insert(all.end(), migrations.begin(), migrations.end());
  auto applied = db::ApplyMigrations(conn, schema, all);
  auto pool = applied.ok() ? db::Pool::Create({.dsn = dsn_, .schema = schema, .size = 4})
                           : applied.status();
  if (!pool.ok()) {
    std::cerr << "store test database for " << schema << " failed: " << pool.status() << "\n";
    std::abort();
  }
  pool_ = *std::move(pool);
}

int64_t StoreDatabase::Count(const std::string& table, const std::string& where) {
  pqxx::connection conn(dsn_);
  pqxx::nontransaction tx(conn);
  return tx.exec1(absl::StrCat("SELECT count(*) FROM ", schema_, ".", table, " WHERE ", where))[0]
      .as<int64_t>();
}

std::string StoreDatabase::Scalar(const std::string& sql) {
  pqxx::connection conn(dsn_);
  pqxx::nontransaction tx(conn);
  pqxx::result r = tx.exec(sql);
  if (r.empty() || r[0][0].is_null()) return "<null>";
  return r[0][0].as<std::string>();
}

db::WriteOptions StoreDatabase::Write(const std::string& request_id) {
  db::WriteOptions write;
  write.ctx = {"tester", request_id};
  return write;
}

db::WriteOptions StoreDatabase::IdempotentWrite(const std::string& request_id) {
  db::WriteOptions write = Write(request_id);
  write.idempotency = db::IdempotencyKey{"tester", "test", request_id, "fingerprint"};
  return write;
}

}  // namespace kinerja::testing
