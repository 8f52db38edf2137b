// Expand/contract upgrades end to end (docs/upgrades.md): the employee service's binary as built
// is "the old release"; a migration it does not know is "the next release's". The next release's
// expand migration is applied while the old binary serves, the old binary keeps serving through
// gRPC, and restarted on the schema now ahead of it, it starts and serves. Its --migrate-only run
// migrates and exits; against a contract migration not meant for it, both refuse.
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "services/employee/store/migrations.h"
#include "shared/db/migrations.h"
#include "tests/harness/pg_cluster.h"
#include "tests/harness/service_under_test.h"
#include "tests/upgrade/service_process.h"

namespace kinerja::testing {
namespace {

namespace v1 = ::kinerja::employee::v1;
using ::testing::HasSubstr;
using ::testing::Not;

// Sorts after any migration the service will have: always the next release's.
const db::Migration kNextExpand = {
    "employee/9990_next_agency_motto.sql",
    "ALTER TABLE agencies ADD COLUMN motto text NOT NULL DEFAULT '';\n"};
// A contract step a release later, safe only for binaries that know kNextExpand.
const db::Migration kNextContract = {
    "employee/9991_drop_agency_motto.sql",
    "-- kinerja-contract-after: employee/9990_next_agency_motto.sql\n"
    "ALTER TABLE agencies DROP COLUMN motto;\n"};

// Bounds against a hang; the test waits for what it expects, never for a time.
constexpr absl::Duration kStartLimit = absl::Seconds(30);

class UpgradeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string database = PgCluster::Get().CreateDatabase("upgrade");
    dsn_ = PgCluster::Get().ProvisionService(database,
                                             {"employee", "kinerja_employee", "pw-employee"});
  }

  std::vector<std::string> ServeArgs() const {
    return {"--listen=127.0.0.1:0",
            "--metrics-listen=127.0.0.1:0",
            "--pg-dsn=" + dsn_,
            "--db-pool-size=2",
            "--db-wait=10s",
            absl::StrCat("--jwt-issuer=", TestIssuer::Issuer()),
            absl::StrCat("--jwt-audience=", TestIssuer::Audience()),
            "--jwt-keys=" + issuer_.jwks_path(),
            "--page-token-key=employee-upgrade-test-key",
            "--log-level=info",
            "--insecure"};  // loopback only: cleartext, deliberately
  }

  // The old release's binary, serving; its stub in stub_.
  std::unique_ptr<ServiceProcess> StartOld() {
    auto process = std::make_unique<ServiceProcess>(KINERJA_EMPLOYEE, ServeArgs());
    EXPECT_TRUE(process->WaitForOutput("\"msg\":\"serving\"", kStartLimit)) << process->Output();
    std::smatch port;
    const std::string output = process->Output();
    if (std::regex_search(output, port, std::regex("\"grpc_port\":([0-9]+)"))) {
      stub_ = v1::EmployeeService::NewStub(grpc::CreateChannel(
          absl::StrCat("127.0.0.1:", port[1].str()), grpc::InsecureChannelCredentials()));
    }
    return process;
  }

  Completed MigrateOnly() const {
    return RunToCompletion(KINERJA_EMPLOYEE, {"--migrate-only", "--pg-dsn=" + dsn_});
  }

  // What the next release's --migrate-only does: its migrations are the old ones and `next`.
  void MigrateAsNextRelease(const std::vector<db::Migration>& next) const {
    std::vector<db::Migration> all = db::PlatformMigrations();
    for (const db::Migration& m : employee::EmployeeMigrations()) all.push_back(m);
    all.insert(all.end(), next.begin(), next.end());
    pqxx::connection conn(dsn_);
    pqxx::nontransaction(conn).exec0("SET search_path TO employee");
    auto report = db::ApplyMigrations(conn, "employee", all);
    ASSERT_TRUE(report.ok()) << report.status();
  }

  grpc::Status CreateAgency(const std::string& id) {
    v1::CreateAgencyRequest request;
    request.mutable_agency()->set_id(id);
    request.mutable_agency()->set_name("Pemerintah Kota " + id);
    request.mutable_agency()->set_kind(v1::AGENCY_KIND_CITY);
    v1::Agency agency;
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + issuer_.Token("hr-" + id, {"hr_admin"}, id));
    return stub_->CreateAgency(&ctx, request, &agency);
  }

  grpc::Status GetAgency(const std::string& id, v1::Agency* agency) {
    v1::GetAgencyRequest request;
    request.set_id(id);
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + issuer_.Token("hr-" + id, {"hr_admin"}, id));
    return stub_->GetAgency(&ctx, request, agency);
  }

  TestIssuer issuer_;
  std::string dsn_;
  std::unique_ptr<v1::EmployeeService::Stub> stub_;
};

TEST_F(UpgradeTest, TheOldBinaryServesWhileTheNextExpandMigrationIsAppliedAndAfterARestart) {
  ASSERT_EQ(MigrateOnly().exit_code, 0);
  auto old = StartOld();
  ASSERT_NE(stub_, nullptr);
  ASSERT_TRUE(CreateAgency("kota-before").ok());

  MigrateAsNextRelease({kNextExpand});

  // The running old binary writes rows without the new column and reads rows that have it.
  v1::Agency agency;
  grpc::Status created = CreateAgency("kota-during");
  EXPECT_TRUE(created.ok()) << created.error_message();
  grpc::Status read = GetAgency("kota-before", &agency);
  EXPECT_TRUE(read.ok()) << read.error_message();

  EXPECT_EQ(old->Stop(), 0) << old->Output();
  stub_.reset();
  auto restarted = StartOld();
  ASSERT_NE(stub_, nullptr);
  EXPECT_THAT(restarted->Output(), HasSubstr("the database schema is ahead of this binary"));
  EXPECT_THAT(restarted->Output(), HasSubstr(kNextExpand.id));
  read = GetAgency("kota-during", &agency);
  EXPECT_TRUE(read.ok()) << read.error_message();
  EXPECT_EQ(agency.name(), "Pemerintah Kota kota-during");
  created = CreateAgency("kota-after");
  EXPECT_TRUE(created.ok()) << created.error_message();
  EXPECT_EQ(restarted->Stop(), 0) << restarted->Output();
}

TEST_F(UpgradeTest, MigrateOnlyMigratesWithTheDatabaseOptionsAloneAndExits) {
  Completed first = MigrateOnly();
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output, HasSubstr("employee/0001_organisation.sql"));
  EXPECT_THAT(first.output, HasSubstr("schema migrated"));

  MigrateAsNextRelease({kNextExpand});
  Completed behind = MigrateOnly();
  EXPECT_EQ(behind.exit_code, 0) << behind.output;
  EXPECT_THAT(behind.output, HasSubstr(kNextExpand.id));
}

TEST_F(UpgradeTest, MigrateOnlyTakesNoServingOptions) {
  Completed done = RunToCompletion(KINERJA_EMPLOYEE,
                                   {"--migrate-only", "--pg-dsn=" + dsn_, "--listen=127.0.0.1:0"});
  EXPECT_EQ(done.exit_code, 2) << done.output;
  EXPECT_THAT(done.output, HasSubstr("--listen: unknown flag"));
}

TEST_F(UpgradeTest, MigrateOnlyFailsClearlyWhenTheDatabaseIsUnreachable) {
  Completed done =
      RunToCompletion(KINERJA_EMPLOYEE,
                      {"--migrate-only", "--db-wait=0s",
                       "--pg-dsn=host=127.0.0.1 port=1 user=nobody dbname=none connect_timeout=2"});
  EXPECT_EQ(done.exit_code, 1) << done.output;
  EXPECT_THAT(done.output, HasSubstr("migration failed"));
  EXPECT_THAT(done.output, HasSubstr("database not reachable"));
}

TEST_F(UpgradeTest, ABinaryTwoReleasesBehindAContractMigrationRefusesToMigrateOrStart) {
  ASSERT_EQ(MigrateOnly().exit_code, 0);
  MigrateAsNextRelease({kNextExpand, kNextContract});

  Completed migrate = MigrateOnly();
  EXPECT_EQ(migrate.exit_code, 1) << migrate.output;
  EXPECT_THAT(migrate.output, HasSubstr("more than one release behind"));

  ServiceProcess serve(KINERJA_EMPLOYEE, ServeArgs());
  EXPECT_EQ(serve.Wait(), 1) << serve.Output();
  EXPECT_THAT(serve.Output(), HasSubstr(kNextContract.id));
  EXPECT_THAT(serve.Output(), Not(HasSubstr("\"msg\":\"serving\"")));
}

}  // namespace
}  // namespace kinerja::testing
