// The service host's background sealer on a real PostgreSQL: audited writes are sealed onto the
// chain shortly after commit without anyone calling the sealer.
#include "shared/server/audit_sealer.h"

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "absl/time/clock.h"
#include "shared/db/audit.h"
#include "shared/db/audit_chain.h"
#include "shared/db/migrations.h"
#include "shared/db/transaction.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::server {
namespace {

using ::kinerja::testing::PgCluster;

TEST(AuditSealerTest, SealsCommittedRowsInTheBackground) {
  const std::string dbname = PgCluster::Get().CreateDatabase("sealer");
  const std::string dsn =
      PgCluster::Get().ProvisionService(dbname, {"svc", "kinerja_svc", "pw-svc"});
  {
    pqxx::connection conn(dsn);
    ASSERT_TRUE(db::ApplyMigrations(conn, "svc", db::PlatformMigrations()).ok());
  }
  auto pool = db::Pool::Create({.dsn = dsn, .schema = "svc", .size = 2});
  ASSERT_TRUE(pool.ok()) << pool.status();
  AuditSealer sealer(pool->get(), "svc", absl::Milliseconds(20));
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(
        db::RunInTransaction(**pool, [](pqxx::work& tx) {
          db::AppendAudit(tx, {"alice", ""}, {"thing.create", "thing", "t", std::nullopt, "{}"});
          return absl::OkStatus();
        }).ok());
  }
  pqxx::connection conn(dsn);
  db::AuditChainReport report;
  for (absl::Time deadline = absl::Now() + absl::Seconds(10);
       report.sealed_rows < 5 && absl::Now() < deadline; absl::SleepFor(absl::Milliseconds(20))) {
    auto verified = db::VerifyAuditChain(conn, "svc");
    ASSERT_TRUE(verified.ok()) << verified.status();
    report = *verified;
  }
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.sealed_rows, 5);
}

}  // namespace
}  // namespace kinerja::server
