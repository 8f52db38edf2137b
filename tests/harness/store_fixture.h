// The gtest fixture any service's store tests derive from: per test, a fresh StoreDatabase with
// the service's schema migrated, the service's store on its pool, and at the end a check that
// every audit row the test wrote seals into an intact hash chain.
//
//   class StoreTest : public kinerja::testing::StoreFixture<GoalsStore> {
//    protected:
//     StoreTest() : StoreFixture("goals", GoalsMigrations) {}
//   };
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/harness/audit_chain_check.h"
#include "tests/harness/store_database.h"

namespace kinerja::testing {

template <typename Store>
class StoreFixture : public ::testing::Test {
 protected:
  using Migrations = std::vector<db::Migration> (*)();

  StoreFixture(std::string schema, Migrations migrations)
      : schema_(std::move(schema)), migrations_(migrations) {}

  void SetUp() override {
    db_ = std::make_unique<StoreDatabase>(schema_, migrations_());
    dbname_ = db_->dbname();
    dsn_ = db_->dsn();
    store_ = std::make_unique<Store>(db_->pool());
  }

  void TearDown() override {
    absl::Status audit = SealAndVerifyAuditChain(dsn_, schema_);
    EXPECT_TRUE(audit.ok()) << audit;
  }

  // Rows of a table in the schema (outbox, audit_log, ...).
  int64_t Count(const std::string& table, const std::string& where = "true") {
    return db_->Count(table, where);
  }
  // The first column of the first row of `sql` run as the service's role.
  std::string Scalar(const std::string& sql) { return db_->Scalar(sql); }

  std::string dbname_;
  std::string dsn_;
  std::unique_ptr<StoreDatabase> db_;
  std::unique_ptr<Store> store_;

 private:
  const std::string schema_;
  const Migrations migrations_;
};

}  // namespace kinerja::testing
