// What a binary does with its migrations against each kind of schema, without a database.
#include "shared/db/migration_plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kinerja::db {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Migration M(const std::string& id, const std::string& sql = "SELECT 1;") { return {id, sql}; }

AppliedMigration Applied(const Migration& m) { return {m.id, MigrationChecksum(m.sql), ""}; }

AppliedMigration AppliedNewer(const std::string& id, const std::string& contract_after = "") {
  return {id, MigrationChecksum("newer"), contract_after};
}

std::vector<std::string> Ids(const MigrationPlan& plan) {
  std::vector<std::string> ids;
  for (const Migration* m : plan.to_apply) ids.push_back(m->id);
  return ids;
}

const std::vector<Migration> kKnown = {M("platform/0001_p.sql"), M("svc/0001_a.sql"),
                                       M("svc/0002_b.sql")};

TEST(PlanMigrations, AnEmptySchemaGetsEveryMigrationInOrder) {
  auto plan = PlanMigrations(kKnown, {});
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_THAT(Ids(*plan), ElementsAre("platform/0001_p.sql", "svc/0001_a.sql", "svc/0002_b.sql"));
  EXPECT_THAT(plan->newer, IsEmpty());
}

TEST(PlanMigrations, ASchemaBehindGetsTheRest) {
  auto plan = PlanMigrations(kKnown, {Applied(kKnown[0]), Applied(kKnown[1])});
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_THAT(Ids(*plan), ElementsAre("svc/0002_b.sql"));
  EXPECT_EQ(plan->already_applied, 2);
}

TEST(PlanMigrations, ANewPlatformMigrationFollowsTheServicesOwn) {
  // Sources are ordered each on its own: a release may add a platform migration after a
  // service's migrations were applied.
  std::vector<Migration> known = kKnown;
  known.insert(known.begin() + 1, M("platform/0002_q.sql"));
  auto plan = PlanMigrations(known, {Applied(kKnown[0]), Applied(kKnown[1]), Applied(kKnown[2])});
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_THAT(Ids(*plan), ElementsAre("platform/0002_q.sql"));
}

TEST(PlanMigrations, ASchemaAheadIsAcceptedAndItsNewerMigrationsNamed) {
  auto plan =
      PlanMigrations(kKnown, {Applied(kKnown[0]), Applied(kKnown[1]), Applied(kKnown[2]),
                              AppliedNewer("svc/0004_d.sql"), AppliedNewer("platform/0002_q.sql"),
                              AppliedNewer("svc/0003_c.sql")});
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_THAT(Ids(*plan), IsEmpty());
  EXPECT_EQ(plan->already_applied, 3);
  EXPECT_THAT(plan->newer, ElementsAre("platform/0002_q.sql", "svc/0003_c.sql", "svc/0004_d.sql"));
}

TEST(PlanMigrations, AnEditedAppliedMigrationIsRefused) {
  AppliedMigration edited = Applied(kKnown[1]);
  edited.checksum = MigrationChecksum("SELECT 2;");
  auto plan = PlanMigrations(kKnown, {Applied(kKnown[0]), edited});
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(), HasSubstr("svc/0001_a.sql was changed"));
}

TEST(PlanMigrations, AnEditedMigrationIsRefusedEvenWhenTheSchemaIsAhead) {
  AppliedMigration edited = Applied(kKnown[2]);
  edited.checksum = MigrationChecksum("SELECT 2;");
  auto plan = PlanMigrations(
      kKnown, {Applied(kKnown[0]), Applied(kKnown[1]), edited, AppliedNewer("svc/0003_c.sql")});
  EXPECT_THAT(plan.status().message(), HasSubstr("svc/0002_b.sql was changed"));
}

TEST(PlanMigrations, AnUnknownMigrationThatIsNotNewerIsRefused) {
  // Another branch's migration that sorts among this binary's: no order is right for both.
  auto plan = PlanMigrations(kKnown, {Applied(kKnown[0]), Applied(kKnown[1]), Applied(kKnown[2]),
                                      AppliedNewer("svc/0001_other.sql")});
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(), HasSubstr("not newer than its own (svc/0001_other.sql)"));
}

TEST(PlanMigrations, AMigrationOfAnUnknownSourceIsRefused) {
  auto plan = PlanMigrations(kKnown, {Applied(kKnown[0]), Applied(kKnown[1]), Applied(kKnown[2]),
                                      AppliedNewer("other/0009_x.sql")});
  EXPECT_THAT(plan.status().message(), HasSubstr("(other/0009_x.sql)"));
}

TEST(PlanMigrations, ASchemaAheadThatLacksOwnMigrationsIsRefused) {
  auto plan = PlanMigrations(
      kKnown, {Applied(kKnown[0]), Applied(kKnown[1]), AppliedNewer("svc/0003_c.sql")});
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(),
              HasSubstr("ahead of this binary (svc/0003_c.sql) yet lacks its migrations "
                        "svc/0002_b.sql"));
}

TEST(PlanMigrations, AGapInASourceIsNotFilledOutOfOrder) {
  auto plan = PlanMigrations(kKnown, {Applied(kKnown[0]), Applied(kKnown[2])});
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(), HasSubstr("migrations svc/0001_a.sql are not applied"));
}

TEST(PlanMigrations, AContractMigrationForThisBinaryIsAccepted) {
  auto plan = PlanMigrations(kKnown, {Applied(kKnown[0]), Applied(kKnown[1]), Applied(kKnown[2]),
                                      AppliedNewer("svc/0003_c.sql", "svc/0002_b.sql")});
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_THAT(plan->newer, ElementsAre("svc/0003_c.sql"));
}

TEST(PlanMigrations, AContractMigrationForNewerBinariesIsRefused) {
  auto plan = PlanMigrations(
      kKnown, {Applied(kKnown[0]), Applied(kKnown[1]), Applied(kKnown[2]),
               AppliedNewer("svc/0003_c.sql"), AppliedNewer("svc/0004_d.sql", "svc/0003_c.sql")});
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(),
              HasSubstr("contract migration svc/0004_d.sql, safe only for binaries that know "
                        "svc/0003_c.sql"));
}

TEST(ContractAfter, ReadsTheMarkerLine) {
  EXPECT_EQ(ContractAfter("-- Drops the old name columns.\n"
                          "-- kinerja-contract-after:  svc/0004_split_name.sql \n"
                          "ALTER TABLE t DROP COLUMN name;\n"),
            "svc/0004_split_name.sql");
}

TEST(ContractAfter, AnExpandMigrationHasNone) {
  EXPECT_EQ(ContractAfter("ALTER TABLE t ADD COLUMN note text NOT NULL DEFAULT '';\n"), "");
}

}  // namespace
}  // namespace kinerja::db
