// Store-level tests of the shared database layer on a real throwaway PostgreSQL.
#include <thread>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "shared/context/call_scope.h"
#include "shared/db/idempotency.h"
#include "shared/db/migration_plan.h"
#include "shared/db/migrations.h"
#include "shared/db/pool.h"
#include "shared/db/query.h"
#include "shared/db/transaction.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::db {
namespace {

using ::kinerja::testing::PgCluster;

const Query kAddOne{"svc.AddOne", "SELECT $1::int + 1"};

class DbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dbname_ = PgCluster::Get().CreateDatabase("dbtest");
    dsn_ = PgCluster::Get().ProvisionService(dbname_, {"svc", "kinerja_svc", "pw-svc"});
  }
  std::unique_ptr<Pool> MakePool(int size = 2) {
    auto pool = Pool::Create(
        {.dsn = dsn_, .schema = "svc", .size = size, .acquire_timeout = absl::Milliseconds(500)});
    EXPECT_TRUE(pool.ok()) << pool.status();
    return *std::move(pool);
  }
  std::string dbname_;
  std::string dsn_;
};

TEST_F(DbTest, MigrationsApplyOnceAndRecordChecksums) {
  pqxx::connection conn(dsn_);
  std::vector<Migration> ms = PlatformMigrations();
  ms.push_back({"svc/0001_t.sql", "CREATE TABLE t (id int PRIMARY KEY);"});
  auto first = ApplyMigrations(conn, "svc", ms);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->applied.size(), ms.size());
  auto second = ApplyMigrations(conn, "svc", ms);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(second->already_applied, static_cast<int>(ms.size()));
}

TEST_F(DbTest, EditedAppliedMigrationIsRefused) {
  pqxx::connection conn(dsn_);
  std::vector<Migration> ms = {{"svc/0001_t.sql", "CREATE TABLE t (id int);"}};
  ASSERT_TRUE(ApplyMigrations(conn, "svc", ms).ok());
  ms[0].sql = "CREATE TABLE t (id bigint);";
  auto edited = ApplyMigrations(conn, "svc", ms);
  EXPECT_EQ(edited.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(edited.status().message().find("svc/0001_t.sql"), std::string::npos);
}

TEST_F(DbTest, AnOlderBinaryRunsOnASchemaAheadOfIt) {
  // The next release's expand migration is applied while this release's binaries run.
  pqxx::connection conn(dsn_);
  const Migration current = {"svc/0001_t.sql", "CREATE TABLE t (id int PRIMARY KEY);"};
  const Migration next = {"svc/0002_note.sql",
                          "ALTER TABLE t ADD COLUMN note text NOT NULL DEFAULT '';"};
  ASSERT_TRUE(ApplyMigrations(conn, "svc", {current, next}).ok());
  auto older = ApplyMigrations(conn, "svc", {current});
  ASSERT_TRUE(older.ok()) << older.status();
  EXPECT_TRUE(older->applied.empty());
  EXPECT_EQ(older->already_applied, 1);
  EXPECT_EQ(older->newer, std::vector<std::string>{"svc/0002_note.sql"});
}

TEST_F(DbTest, AContractMigrationRecordsWhichBinariesItIsSafeFor) {
  pqxx::connection conn(dsn_);
  const Migration expand = {"svc/0001_t.sql", "CREATE TABLE t (id int, old_name text);"};
  const Migration stop_reading = {"svc/0002_name.sql", "ALTER TABLE t ADD COLUMN name text;"};
  const Migration contract = {"svc/0003_drop_old_name.sql",
                              "-- kinerja-contract-after: svc/0002_name.sql\n"
                              "ALTER TABLE t DROP COLUMN old_name;"};
  ASSERT_TRUE(ApplyMigrations(conn, "svc", {expand, stop_reading, contract}).ok());
  EXPECT_TRUE(ApplyMigrations(conn, "svc", {expand, stop_reading}).ok());
  auto too_old = ApplyMigrations(conn, "svc", {expand});
  EXPECT_EQ(too_old.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(too_old.status().message().find("more than one release behind"), std::string::npos)
      << too_old.status();
}

TEST_F(DbTest, ABookkeepingTableFromBeforeContractMarkersIsExtended) {
  pqxx::connection conn(dsn_);
  {
    pqxx::work tx(conn);
    tx.exec0(
        "CREATE TABLE schema_migrations (id text PRIMARY KEY, checksum text NOT NULL,"
        " applied_at timestamptz NOT NULL DEFAULT now())");
    tx.exec_params0("INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)",
                    "svc/0001_a.sql", MigrationChecksum("SELECT 1;"));
    tx.commit();
  }
  auto r = ApplyMigrations(conn, "svc",
                           {{"svc/0001_a.sql", "SELECT 1;"}, {"svc/0002_b.sql", "SELECT 2;"}});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->applied, std::vector<std::string>{"svc/0002_b.sql"});
}

TEST_F(DbTest, FailingMigrationLeavesNothingBehind) {
  pqxx::connection conn(dsn_);
  auto r = ApplyMigrations(conn, "svc",
                           {{"svc/0001_bad.sql", "CREATE TABLE half (id int); SELECT nonsense;"}});
  EXPECT_FALSE(r.ok());
  pqxx::work tx(conn);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM pg_tables WHERE tablename = 'half'")[0].as<int>(), 0);
}

TEST_F(DbTest, ConcurrentStartersApplyEachMigrationOnce) {
  std::vector<Migration> ms = {{"svc/0001_t.sql", "CREATE TABLE t (id int);"}};
  std::vector<std::thread> threads;
  std::atomic<int> applied{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      pqxx::connection conn(dsn_);
      auto r = ApplyMigrations(conn, "svc", ms);
      ASSERT_TRUE(r.ok()) << r.status();
      applied += static_cast<int>(r->applied.size());
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(applied.load(), 1);
}

TEST_F(DbTest, PoolRunsPreparedStatementsAndMapsErrors) {
  auto pool = MakePool();
  auto v = RunInTransaction(*pool, [](pqxx::work& tx) -> absl::StatusOr<int> {
    return Exec1(tx, kAddOne, 41)[0].as<int>();
  });
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(*v, 42);
  auto dup = RunInTransaction(*pool, [](pqxx::work& tx) {
    tx.exec0("CREATE TABLE u (id int PRIMARY KEY)");
    tx.exec0("INSERT INTO u VALUES (1), (1)");
    return absl::OkStatus();
  });
  EXPECT_EQ(dup.code(), absl::StatusCode::kAlreadyExists);
  // The server's text (table, constraint, key values) is not what a client reads.
  EXPECT_EQ(dup.message().find("u_pkey"), std::string::npos) << dup.message();
  EXPECT_EQ(dup.message().find("ERROR"), std::string::npos) << dup.message();
  auto range = RunInTransaction(*pool, [](pqxx::work& tx) {
    tx.exec0("SELECT 99999999999::int");
    return absl::OkStatus();
  });
  EXPECT_EQ(range.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(range.message().find("99999999999"), std::string::npos) << range.message();
}

TEST_F(DbTest, WorkForACallRunsUnderTheCallsRemainingDeadline) {
  auto pool = MakePool(1);
  {
    context::ScopedCall call(
        {.deadline = absl::Now() + absl::Milliseconds(400), .traceparent = ""});
    auto slow = RunInTransaction(*pool, [](pqxx::work& tx) {
      tx.exec0("SELECT pg_sleep(5)");
      return absl::OkStatus();
    });
    EXPECT_EQ(slow.code(), absl::StatusCode::kDeadlineExceeded) << slow;
  }
  {
    context::ScopedCall gone({.deadline = absl::Now() - absl::Milliseconds(1), .traceparent = ""});
    bool ran = false;
    auto late = RunInTransaction(*pool, [&](pqxx::work&) {
      ran = true;
      return absl::OkStatus();
    });
    EXPECT_EQ(late.code(), absl::StatusCode::kDeadlineExceeded);
    EXPECT_FALSE(ran) << "work for a caller past its deadline must not start";
  }
  // Work without a call gets the pool's fallback again on the same connection.
  auto timeout = RunInTransaction(*pool, [](pqxx::work& tx) -> absl::StatusOr<std::string> {
    return tx.exec1("SHOW statement_timeout")[0].as<std::string>();
  });
  ASSERT_TRUE(timeout.ok()) << timeout.status();
  EXPECT_EQ(*timeout, "1min");
}

TEST_F(DbTest, WorkReturningErrorRollsBack) {
  auto pool = MakePool();
  ASSERT_TRUE(RunInTransaction(*pool, [](pqxx::work& tx) {
                tx.exec0("CREATE TABLE w (id int)");
                return absl::OkStatus();
              }).ok());
  auto failed = RunInTransaction(*pool, [](pqxx::work& tx) {
    tx.exec0("INSERT INTO w VALUES (1)");
    return absl::FailedPreconditionError("rule says no");
  });
  EXPECT_EQ(failed.code(), absl::StatusCode::kFailedPrecondition);
  auto count = RunInTransaction(*pool, [](pqxx::work& tx) -> absl::StatusOr<int> {
    return tx.exec1("SELECT count(*) FROM w")[0].as<int>();
  });
  EXPECT_EQ(*count, 0);
}

TEST_F(DbTest, AcquireTimesOutWhenAllConnectionsAreBusy) {
  auto pool = MakePool(1);
  auto held = pool->Acquire();
  ASSERT_TRUE(held.ok());
  auto second = pool->Acquire();
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(pool->Stats().in_use, 1);
}

TEST_F(DbTest, IdempotencyReturnsFirstAnswerAndRejectsReuse) {
  auto pool = MakePool();
  {
    pqxx::connection conn(dsn_);
    ASSERT_TRUE(ApplyMigrations(conn, "svc", PlatformMigrations()).ok());
  }
  IdempotencyKey key{"alice", "/svc/Create", "req-1", "fp-1"};
  auto first = RunInTransaction(*pool, [&](pqxx::work& tx) -> absl::StatusOr<std::string> {
    auto stored = LookupResponse(tx, key);
    if (!stored.ok()) return stored.status();
    if (stored->has_value()) return **stored;
    StoreResponse(tx, key, std::string("answer\0one", 10));
    return std::string("fresh");
  });
  EXPECT_EQ(*first, "fresh");
  auto retry = RunInTransaction(*pool, [&](pqxx::work& tx) -> absl::StatusOr<std::string> {
    auto stored = LookupResponse(tx, key);
    if (!stored.ok()) return stored.status();
    return stored->value_or("missing");
  });
  EXPECT_EQ(*retry, std::string("answer\0one", 10));
  IdempotencyKey other = key;
  other.fingerprint = "fp-2";
  auto reused = RunInTransaction(*pool, [&](pqxx::work& tx) -> absl::StatusOr<std::string> {
    auto stored = LookupResponse(tx, other);
    if (!stored.ok()) return stored.status();
    return std::string("unexpected");
  });
  EXPECT_EQ(reused.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(DbTest, NamedQueriesArePreparedOnFirstUseOnEveryConnection) {
  auto pool = MakePool(1);
  const Query add_one{"test.AddOne", "SELECT $1::int + 1"};
  auto run = [&]() -> absl::StatusOr<std::pair<int, int>> {
    return RunInTransaction(*pool, [&](pqxx::work& tx) -> absl::StatusOr<std::pair<int, int>> {
      int sum = Exec1(tx, add_one, 41)[0].as<int>();
      int prepared = tx.exec1(
                           "SELECT count(*) FROM pg_prepared_statements WHERE name = "
                           "'test.AddOne'")[0]
                         .as<int>();
      return std::pair{sum, prepared};
    });
  };
  for (int i = 0; i < 2; ++i) {
    auto got = run();
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(got->first, 42);
    EXPECT_EQ(got->second, 1) << "prepared once on the connection, then reused";
  }
  // A connection opened after a server restart prepares it again on first use.
  PgCluster::Get().Stop();
  EXPECT_FALSE(run().ok());
  PgCluster::Get().Start();
  auto after = run();
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->first, 42);
  // One name, one statement: a different text under the same name is a bug, caught at once.
  auto clash = RunInTransaction(*pool, [&](pqxx::work& tx) {
    Exec(tx, Query{"test.AddOne", "SELECT $1::int + 2"}, 1);
    return absl::OkStatus();
  });
  EXPECT_FALSE(clash.ok());
}

TEST_F(DbTest, PoolReconnectsAfterServerRestart) {
  auto pool = MakePool(2);
  auto ping = [&] {
    return RunInTransaction(*pool, [](pqxx::work& tx) -> absl::StatusOr<int> {
      return Exec1(tx, kAddOne, 1)[0].as<int>();
    });
  };
  ASSERT_TRUE(ping().ok());
  PgCluster::Get().Stop();
  EXPECT_EQ(ping().status().code(), absl::StatusCode::kUnavailable);
  PgCluster::Get().Start();
  auto after = ping();
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(*after, 2);
}

}  // namespace
}  // namespace kinerja::db
