// kinerja-dbadmin run as an operator runs it, against a throwaway PostgreSQL.
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "shared/db/migrations.h"
#include "tests/harness/pg_cluster.h"

namespace {

using ::kinerja::testing::PgCluster;
using ::testing::HasSubstr;

struct Outcome {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

Outcome RunDbadmin(const std::string& args) {
  const std::string command = absl::StrCat(KINERJA_DBADMIN, " ", args, " 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  Outcome outcome;
  if (pipe == nullptr) return outcome;
  char buffer[512];
  while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) outcome.output.append(buffer, n);
  const int status = pclose(pipe);
  if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
  return outcome;
}

class DbadminTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dbname_ = PgCluster::Get().CreateDatabase("dbadmin");
    dsn_ = PgCluster::Get().ProvisionService(dbname_, {"svc", "kinerja_svc", "pw-svc"});
    pqxx::connection conn(dsn_);
    ASSERT_TRUE(kinerja::db::ApplyMigrations(conn, "svc", kinerja::db::PlatformMigrations()).ok());
    pqxx::work tx(conn);
    tx.exec0(
        "INSERT INTO audit_log (actor, action, resource_type, resource_id, after) "
        "SELECT 'alice', 'thing.create', 'thing', 't' || n, '{}' FROM generate_series(1, 3) n");
    tx.commit();
  }

  std::string VerifyArgs() const {
    return absl::StrCat("verify-audit --dsn '", PgCluster::Get().AdminDsn(dbname_),
                        "' --schema svc");
  }

  std::string dbname_;
  std::string dsn_;
};

TEST_F(DbadminTest, VerifyAuditSealsAndReportsAnIntactChain) {
  Outcome outcome = RunDbadmin(VerifyArgs());
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_THAT(outcome.output, HasSubstr("intact: 3 rows sealed, 0 not yet sealed; head 3:"));
}

TEST_F(DbadminTest, VerifyAuditNamesTheEditedRowAndFails) {
  ASSERT_EQ(RunDbadmin(VerifyArgs()).exit_code, 0);
  pqxx::connection admin(PgCluster::Get().AdminDsn(dbname_));
  pqxx::work tx(admin);
  const auto id = tx.exec1("SELECT min(id) + 1 FROM svc.audit_log")[0].as<int64_t>();
  tx.exec0(absl::StrCat("UPDATE svc.audit_log SET actor = 'mallory' WHERE id = ", id));
  tx.commit();
  Outcome outcome = RunDbadmin(VerifyArgs());
  EXPECT_EQ(outcome.exit_code, 1) << outcome.output;
  EXPECT_THAT(outcome.output, HasSubstr(absl::StrCat("broken at row ", id, ": ")));
}

TEST_F(DbadminTest, VerifyAuditWithAnAnchorCatchesRemovedNewestRows) {
  Outcome first = RunDbadmin(VerifyArgs());
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const std::string head = first.output.substr(first.output.rfind(' ') + 1);  // "3:<hash>\n"
  const std::string anchor = std::string(absl::StripTrailingAsciiWhitespace(head));
  EXPECT_EQ(RunDbadmin(VerifyArgs() + " --anchor " + anchor).exit_code, 0);
  pqxx::connection admin(PgCluster::Get().AdminDsn(dbname_));
  pqxx::work tx(admin);
  tx.exec0(
      "DELETE FROM svc.audit_log WHERE id = (SELECT audit_id FROM svc.audit_chain WHERE "
      "chain_seq = 3)");
  tx.commit();
  Outcome outcome = RunDbadmin(VerifyArgs() + " --anchor " + anchor);
  EXPECT_EQ(outcome.exit_code, 1) << outcome.output;
  EXPECT_THAT(outcome.output, HasSubstr("rows at its end were removed"));
}

TEST_F(DbadminTest, VerifyAuditWithoutSchemaIsAUsageError) {
  Outcome outcome = RunDbadmin("verify-audit --dsn x");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_THAT(outcome.output, HasSubstr("--schema is required"));
}

}  // namespace
