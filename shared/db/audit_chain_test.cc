// The audit log's hash chain on a real PostgreSQL: concurrent writers still form one verifiable
// chain, and edits, deletions and insertions made behind the service's back are named.
#include "shared/db/audit_chain.h"

#include <atomic>
#include <random>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "shared/db/audit.h"
#include "shared/db/migrations.h"
#include "shared/db/pool.h"
#include "shared/db/transaction.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::db {
namespace {

using ::kinerja::testing::PgCluster;
using ::testing::HasSubstr;

class AuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dbname_ = PgCluster::Get().CreateDatabase("audit");
    dsn_ = PgCluster::Get().ProvisionService(dbname_, {"svc", "kinerja_svc", "pw-svc"});
  }

  void Migrate(const std::vector<Migration>& migrations = PlatformMigrations()) {
    pqxx::connection conn(dsn_);
    auto report = ApplyMigrations(conn, "svc", migrations);
    ASSERT_TRUE(report.ok()) << report.status();
  }

  std::unique_ptr<Pool> MakePool(int size) {
    auto pool = Pool::Create({.dsn = dsn_, .schema = "svc", .size = size});
    EXPECT_TRUE(pool.ok()) << pool.status();
    return *std::move(pool);
  }

  // One audited write transaction per row, as a store writes them.
  static void WriteRows(Pool& pool, int n, const std::string& actor = "alice") {
    for (int i = 0; i < n; ++i) {
      absl::Status s = RunInTransaction(pool, [&](pqxx::work& tx) {
        AppendAudit(tx, {actor, absl::StrCat("req-", i)},
                    {"thing.update", "thing", absl::StrCat("t", i), R"({"v": 1})",
                     absl::StrCat(R"({"v": )", i + 2, "}")});
        return absl::OkStatus();
      });
      ASSERT_TRUE(s.ok()) << s;
    }
  }

  // Runs SQL as the superuser, i.e. behind the service's back.
  void AsSuperuser(const std::string& sql) {
    pqxx::connection admin(PgCluster::Get().AdminDsn(dbname_));
    pqxx::work tx(admin);
    tx.exec0(sql);
    tx.commit();
  }

  std::vector<int64_t> RowIds() {
    pqxx::connection admin(PgCluster::Get().AdminDsn(dbname_));
    pqxx::work tx(admin);
    std::vector<int64_t> ids;
    for (const auto& row : tx.exec("SELECT id FROM svc.audit_log ORDER BY id")) {
      ids.push_back(row[0].as<int64_t>());
    }
    return ids;
  }

  // Seals, then verifies, on an administrator's connection as kinerja-dbadmin does (its
  // search_path does not point at the schema).
  AuditChainReport SealAndVerify(const AuditAnchor& anchor = {}) {
    pqxx::connection admin(PgCluster::Get().AdminDsn(dbname_));
    auto sealed = SealAllAuditRows(admin, "svc");
    EXPECT_TRUE(sealed.ok()) << sealed.status();
    auto report = VerifyAuditChain(admin, "svc", anchor);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.value_or(AuditChainReport{});
  }

  // Five sealed rows; returns their ids in chain order.
  std::vector<int64_t> FiveSealedRows() {
    Migrate();
    auto pool = MakePool(1);
    WriteRows(*pool, 5);
    AuditChainReport report = SealAndVerify();
    EXPECT_TRUE(report.intact) << report.problem;
    EXPECT_EQ(report.sealed_rows, 5);
    return RowIds();
  }

  std::string dbname_;
  std::string dsn_;
};

TEST_F(AuditChainTest, RowsWrittenBeforeTheMigrationAreSealedByIt) {
  std::vector<Migration> platform = PlatformMigrations();
  ASSERT_GE(platform.size(), 2u);
  ASSERT_EQ(platform[1].id, "platform/0002_audit_chain.sql");
  Migrate({platform[0]});
  {
    auto pool = MakePool(1);
    WriteRows(*pool, 3);
  }
  Migrate(platform);
  pqxx::connection conn(dsn_);
  auto report = VerifyAuditChain(conn, "svc");  // no sealing here: the migration did it
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->sealed_rows, 3);
  EXPECT_EQ(report->unsealed_rows, 0);
  EXPECT_EQ(report->head_position, 3);
  EXPECT_EQ(report->head_hash_hex.size(), 64u);
}

TEST_F(AuditChainTest, EmptyLogVerifies) {
  Migrate();
  AuditChainReport report = SealAndVerify();
  EXPECT_TRUE(report.intact);
  EXPECT_EQ(report.sealed_rows, 0);
  EXPECT_EQ(report.head_position, 0);
}

// Writers hold their transactions open for random times, so rows commit out of id order, while a
// sealer and a verifier run all along: the chain must verify at every moment and at the end hold
// every row exactly once.
// The sealer computes the chain in C++; the migration's audit_seal() is the reference. Both
// must build the same chain, whatever the rows hold (NULLs, non-ASCII text, JSON).
TEST_F(AuditChainTest, ChainSealedHereAndByTheSqlFunctionIsOneChain) {
  Migrate();
  auto pool = MakePool(1);
  auto write = [&](const std::string& actor, std::optional<std::string> before) {
    absl::Status s = RunInTransaction(*pool, [&](pqxx::work& tx) {
      AppendAudit(tx, {actor, ""},
                  {"thing.update", "thing", "t-é", before, R"({"nama": "Ratna Sari Dewi"})"});
      return absl::OkStatus();
    });
    ASSERT_TRUE(s.ok()) << s;
  };
  pqxx::connection admin(PgCluster::Get().AdminDsn(dbname_));
  auto seal_here = [&](int n) {
    pqxx::work tx(admin);
    EXPECT_EQ(SealAuditChain(tx, "svc", n), n);
    tx.commit();
  };
  auto seal_in_sql = [&](int n) {
    pqxx::work tx(admin);
    EXPECT_EQ(tx.exec1("SELECT svc.audit_seal(" + std::to_string(n) + ")")[0].as<int64_t>(), n);
    tx.commit();
  };
  write("alice", std::nullopt);
  write("bäcker ☃", R"({"nama": "Ratna"})");
  seal_here(2);
  write("carol", std::nullopt);
  write("", R"({"a": [1, 2, {"b": null}]})");
  seal_in_sql(2);
  write("dave", R"({"x": "é"})");
  seal_here(1);
  auto report = VerifyAuditChain(admin, "svc", {});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->intact) << report->broken_row_id << ": " << report->problem;
  EXPECT_EQ(report->sealed_rows, 5);
}

// The chain follows numeric (txid, id) order. Transaction ids just below and above a power of
// ten tell it from text order, which would put "10000" before "9999".
TEST_F(AuditChainTest, ChainOrderIsNumericTransactionOrder) {
  Migrate();
  auto pool = MakePool(1);
  pqxx::connection admin(PgCluster::Get().AdminDsn(dbname_));
  {
    pqxx::nontransaction nt(admin);
    nt.exec0(
        "CREATE PROCEDURE burn_xids(n int) LANGUAGE plpgsql AS $$ BEGIN FOR i IN 1..n LOOP "
        "PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$");
    const uint64_t now = nt.exec1("SELECT pg_current_xact_id()::text")[0].as<uint64_t>();
    uint64_t boundary = 10;
    while (boundary <= now + 3) boundary *= 10;
    ASSERT_LT(boundary - now, 2'000'000u) << "this cluster's transaction ids are too far on";
    nt.exec0("CALL burn_xids(" + std::to_string(boundary - now - 3) + ")");
  }
  WriteRows(*pool, 6);
  pqxx::work tx(admin);
  EXPECT_EQ(SealAuditChain(tx, "svc"), 6);
  pqxx::result chain = tx.exec(
      "SELECT a.txid::text, a.id, (a.txid::text)::numeric AS n FROM svc.audit_log a JOIN "
      "svc.audit_chain c ON c.audit_id = a.id ORDER BY c.chain_seq");
  ASSERT_EQ(chain.size(), 6u);
  EXPECT_NE(chain[0][0].size(), chain[5][0].size())
      << "the rows' transaction ids do not straddle a power of ten: the test proves nothing";
  for (size_t i = 1; i < chain.size(); ++i) {
    EXPECT_LT(chain[i - 1][2].as<uint64_t>(), chain[i][2].as<uint64_t>())
        << "chain position " << i + 1 << " (txid " << chain[i][0].c_str()
        << ") is sealed after txid " << chain[i - 1][0].c_str();
  }
}

TEST_F(AuditChainTest, ConcurrentWritersFormOneVerifiableChain) {
  Migrate();
  constexpr int kWriters = 6;
  constexpr int kWritesEach = 25;
  auto pool = MakePool(kWriters);
  std::atomic<bool> writing{true};
  std::atomic<int> checks{0};
  std::thread sealer([&] {
    pqxx::connection conn(dsn_);
    while (writing) {
      auto sealed = SealAllAuditRows(conn, "svc");
      ASSERT_TRUE(sealed.ok()) << sealed.status();
      auto report = VerifyAuditChain(conn, "svc");
      ASSERT_TRUE(report.ok()) << report.status();
      ASSERT_TRUE(report->intact) << report->broken_row_id << ": " << report->problem;
      ++checks;
    }
  });
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      std::mt19937 rng(w);
      for (int i = 0; i < kWritesEach; ++i) {
        absl::Status s = RunInTransaction(*pool, [&](pqxx::work& tx) {
          const int rows = 1 + static_cast<int>(rng() % 3);
          for (int r = 0; r < rows; ++r) {
            AppendAudit(tx, {absl::StrCat("writer-", w), ""},
                        {"thing.create", "thing", absl::StrCat(w, "-", i, "-", r), std::nullopt,
                         R"({"ok": true})"});
            absl::SleepFor(absl::Milliseconds(rng() % 4));
          }
          return absl::OkStatus();
        });
        ASSERT_TRUE(s.ok()) << s;
      }
    });
  }
  for (auto& t : writers) t.join();
  writing = false;
  sealer.join();
  EXPECT_GT(checks.load(), 1);
  AuditChainReport report = SealAndVerify();
  EXPECT_TRUE(report.intact) << report.broken_row_id << ": " << report.problem;
  EXPECT_EQ(report.sealed_rows, static_cast<int64_t>(RowIds().size()));
  EXPECT_EQ(report.unsealed_rows, 0);
}

TEST_F(AuditChainTest, RowOfATransactionStillOpenWaitsAndIsSealedAfterCommit) {
  Migrate();
  auto pool = MakePool(2);
  pqxx::connection slow_conn(dsn_);
  pqxx::work slow(slow_conn);
  AppendAudit(slow, {"slow", ""}, {"thing.update", "thing", "slow", std::nullopt, "{}"});
  WriteRows(*pool, 2);  // later ids, earlier commits
  AuditChainReport before = SealAndVerify();
  EXPECT_TRUE(before.intact) << before.problem;
  EXPECT_EQ(before.sealed_rows, 0);  // the open transaction holds back every later one
  slow.commit();
  AuditChainReport after = SealAndVerify();
  EXPECT_TRUE(after.intact) << after.problem;
  EXPECT_EQ(after.sealed_rows, 3);
}

TEST_F(AuditChainTest, EditedRowIsNamed) {
  std::vector<int64_t> ids = FiveSealedRows();
  AsSuperuser(absl::StrCat(R"(UPDATE svc.audit_log SET after = '{"v": 999}' WHERE id = )", ids[2]));
  AuditChainReport report = SealAndVerify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_row_id, ids[2]);
  EXPECT_THAT(report.problem, HasSubstr("edited"));
  EXPECT_EQ(report.sealed_rows, 2);
}

TEST_F(AuditChainTest, EditedTimestampIsNamed) {
  std::vector<int64_t> ids = FiveSealedRows();
  AsSuperuser(absl::StrCat(
      "UPDATE svc.audit_log SET at = at - interval '1 microsecond' WHERE id = ", ids[1]));
  AuditChainReport report = SealAndVerify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_row_id, ids[1]);
}

TEST_F(AuditChainTest, DeletedRowIsNamedByTheRowAfterIt) {
  std::vector<int64_t> ids = FiveSealedRows();
  AsSuperuser(absl::StrCat("DELETE FROM svc.audit_log WHERE id = ", ids[2]));
  AuditChainReport report = SealAndVerify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_row_id, ids[3]);
  EXPECT_THAT(report.problem, HasSubstr("position 3 is missing"));
}

TEST_F(AuditChainTest, DeletedFirstRowIsNamed) {
  std::vector<int64_t> ids = FiveSealedRows();
  AsSuperuser(absl::StrCat("DELETE FROM svc.audit_log WHERE id = ", ids[0]));
  AuditChainReport report = SealAndVerify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_row_id, ids[1]);
}

// A forged row claiming a place between two sealed rows (its transaction id and id sort there):
// the sealer refuses to append it out of order, and verify names it.
TEST_F(AuditChainTest, RowInsertedInTheMiddleIsNamed) {
  std::vector<int64_t> ids = FiveSealedRows();
  const int64_t forged = ids.back() + 100;
  AsSuperuser(absl::StrCat(
      "INSERT INTO svc.audit_log (id, at, actor, action, resource_type, resource_id, txid) "
      "SELECT ",
      forged, ", at, 'mallory', 'thing.update', 'thing', 't1', txid FROM svc.audit_log WHERE id = ",
      ids[1]));
  AuditChainReport report = SealAndVerify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_row_id, forged);
  EXPECT_THAT(report.problem, HasSubstr("inserted"));
}

// A forged row spliced into the chain with a correct hash of its own: the row after it no longer
// links to its predecessor.
TEST_F(AuditChainTest, RowSplicedIntoTheChainIsDetected) {
  std::vector<int64_t> ids = FiveSealedRows();
  AsSuperuser(absl::StrCat(
      "UPDATE svc.audit_chain SET chain_seq = chain_seq + 1000 WHERE chain_seq >= 3;"
      "UPDATE svc.audit_chain SET chain_seq = chain_seq - 999 WHERE chain_seq > 1000;"
      "INSERT INTO svc.audit_log (actor, action, resource_type, resource_id, txid) "
      "SELECT 'mallory', 'thing.update', 'thing', 't1', audit_txid FROM svc.audit_chain "
      "WHERE chain_seq = 2;"
      "INSERT INTO svc.audit_chain SELECT 3, a.id, a.txid, c.row_hash, "
      "sha256(c.row_hash || svc.audit_link_payload(3, a)) FROM svc.audit_log a, "
      "svc.audit_chain c WHERE a.actor = 'mallory' AND c.chain_seq = 2;"));
  AuditChainReport report = SealAndVerify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_row_id, ids[2]);  // its position changed, so its hash no longer fits
}

// Removing the newest rows leaves a chain that is intact in itself; only a head recorded earlier
// (outside the database) shows that it was cut short.
TEST_F(AuditChainTest, RemovedNewestRowsAreDetectedAgainstARecordedHead) {
  std::vector<int64_t> ids = FiveSealedRows();
  AuditChainReport recorded = SealAndVerify();
  ASSERT_EQ(recorded.head_position, 5);
  AsSuperuser(absl::StrCat("DELETE FROM svc.audit_log WHERE id = ", ids[4]));
  EXPECT_TRUE(SealAndVerify().intact);
  AuditChainReport report = SealAndVerify({recorded.head_position, recorded.head_hash_hex});
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_row_id, 0);
  EXPECT_THAT(report.problem, HasSubstr("removed"));
}

// An attacker who edits a row and has the tail of the chain sealed again gets an intact chain;
// the recorded head names the row where it departs.
TEST_F(AuditChainTest, ResealedChainIsDetectedAgainstARecordedHead) {
  std::vector<int64_t> ids = FiveSealedRows();
  AuditChainReport recorded = SealAndVerify();
  AsSuperuser(R"(UPDATE svc.audit_log SET after = '{"v": 999}'
                   WHERE id IN (SELECT audit_id FROM svc.audit_chain WHERE chain_seq >= 2);
                 DELETE FROM svc.audit_chain WHERE chain_seq >= 2)");
  EXPECT_TRUE(SealAndVerify().intact);
  AuditChainReport report = SealAndVerify({recorded.head_position, recorded.head_hash_hex});
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_row_id, ids[4]);
  EXPECT_THAT(report.problem, HasSubstr("rewritten"));
}

TEST_F(AuditChainTest, MatchingAnchorVerifies) {
  FiveSealedRows();
  AuditChainReport recorded = SealAndVerify();
  auto pool = MakePool(1);
  WriteRows(*pool, 2);
  AuditChainReport report = SealAndVerify({recorded.head_position, recorded.head_hash_hex});
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.sealed_rows, 7);
}

}  // namespace
}  // namespace kinerja::db
