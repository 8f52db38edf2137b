// Snapshot loading for reporting lines, fed to the domain resolvers: vacancies, a Plt, and a
// NON-ASN mayor at the root.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/employee/domain/reporting_line.h"
#include "services/employee/store/store_test_fixture.h"

namespace kinerja::employee::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// Kota: root (mayor, NON-ASN) -> setda (Sekda, definitive) and dinas (vacant, Sekda is Plt in
// the first half of 2024) -> bidang (vacant, no Plt) with two staff; one staff in setda.
class OrgSnapshotLoaderTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    AddAgency();
    AddUnit("root", "");
    AddUnit("setda", "root");
    AddUnit("dinas", "root");
    AddUnit("bidang", "dinas");
    AddPosition("walikota", "root", PositionType::kJptUtama, true, std::nullopt, "Dr. Wali");
    AddPosition("sekda", "setda", PositionType::kJptPratama, true, Eselon::kIIa);
    AddPosition("kadis", "dinas", PositionType::kJptPratama, true, Eselon::kIIb);
    AddPosition("kabid", "bidang", PositionType::kAdministrator, true, Eselon::kIIIa);
    AddPosition("staf-bidang", "bidang", PositionType::kPelaksana, false);
    AddPosition("staf-setda", "setda", PositionType::kPelaksana, false);
    AddEmployee("sekda-1", 1, "sekda", "Sekretaris");
    AddEmployee("staf-1", 2, "staf-bidang", "Staf Satu");
    AddEmployee("staf-2", 3, "staf-bidang", "Staf Dua");
    AddEmployee("staf-3", 4, "staf-setda", "Staf Tiga");
    ActingOfficial plt{.position_id = "kadis",
                       .employee_id = "sekda-1",
                       .kind = Official::kPlt,
                       .start_date = absl::CivilDay(2024, 1, 1),
                       .end_date = absl::CivilDay(2024, 6, 30)};
    ASSERT_TRUE(store_->CreateActingOfficial(plt, Write()).ok());
  }

  ReportingLine LineOf(const std::string& employee_id, absl::CivilDay date) {
    auto loaded = store_->LoadOrgForReportingLine(employee_id, date);
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    if (!loaded.ok() || !loaded->subject) return {};
    return ResolveReportingLine(loaded->snapshot, *loaded->subject, date);
  }

  static std::vector<std::string> Ids(const std::vector<Assignment>& assignments) {
    std::vector<std::string> ids;
    for (const Assignment& a : assignments) ids.push_back(a.employee_id);
    return ids;
  }
};

TEST_F(OrgSnapshotLoaderTest, VacancyMovesUpToThePlt) {
  ReportingLine line = LineOf("staf-1", absl::CivilDay(2024, 3, 1));
  ASSERT_TRUE(line.assessor);
  EXPECT_EQ(line.assessor->employee_id, "sekda-1");
  EXPECT_EQ(line.assessor->acting, Official::kPlt);
  EXPECT_EQ(line.assessor->unit_id, "dinas");
  EXPECT_EQ(line.assessor->nip, Nip(1));
  ASSERT_TRUE(line.assessor_superior);
  EXPECT_EQ(line.assessor_superior->kind, Official::kNonAsn);
  EXPECT_EQ(line.assessor_superior->name, "Dr. Wali");
  EXPECT_EQ(line.assessor_superior->employee_id, "non-asn:walikota");
}

TEST_F(OrgSnapshotLoaderTest, AfterThePltEndsTheMayorAssesses) {
  ReportingLine line = LineOf("staf-1", absl::CivilDay(2024, 7, 1));
  ASSERT_TRUE(line.assessor);
  EXPECT_EQ(line.assessor->kind, Official::kNonAsn);
  EXPECT_EQ(line.assessor->position_id, "walikota");
  EXPECT_FALSE(line.assessor_superior);
}

TEST_F(OrgSnapshotLoaderTest, LeaderReportsToTheNonAsnMayor) {
  ReportingLine line = LineOf("sekda-1", absl::CivilDay(2024, 3, 1));
  ASSERT_TRUE(line.assessor);
  EXPECT_EQ(line.assessor->kind, Official::kNonAsn);
  EXPECT_FALSE(line.assessor_superior);

  ReportingLine staff = LineOf("staf-3", absl::CivilDay(2024, 3, 1));
  ASSERT_TRUE(staff.assessor);
  EXPECT_EQ(staff.assessor->employee_id, "sekda-1");
  EXPECT_EQ(staff.assessor->acting, Official::kNone);
}

TEST_F(OrgSnapshotLoaderTest, DisplayDataAndNoAssignmentBeforeStart) {
  auto loaded = store_->LoadOrgForReportingLine("staf-1", absl::CivilDay(2024, 3, 1));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->unit_names.at("dinas"), "Unit dinas");
  EXPECT_EQ(loaded->position_names.at("kadis"), "Jabatan kadis");
  EXPECT_EQ(loaded->rank_labels.at("sekda-1"), "III/a");
  // The fixture's assignments start on 2020-01-01.
  auto before = store_->LoadOrgForReportingLine("staf-1", absl::CivilDay(2019, 1, 1));
  ASSERT_TRUE(before.ok()) << before.status();
  EXPECT_FALSE(before->subject);
  EXPECT_EQ(store_->LoadOrgForReportingLine("ghost", absl::CivilDay(2024, 1, 1)).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(OrgSnapshotLoaderTest, DirectReportsAndPeers) {
  const absl::CivilDay date(2024, 3, 1);
  auto loaded = store_->LoadOrgForDirectReports("sekda-1", date);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  std::vector<Assignment> reports =
      DirectReports(loaded->snapshot, PersonOnly(Official::kAsn, "sekda-1"), date);
  EXPECT_THAT(Ids(reports), ElementsAre("staf-1", "staf-2", "staf-3"));

  auto after = store_->LoadOrgForDirectReports("sekda-1", absl::CivilDay(2024, 8, 1));
  ASSERT_TRUE(after.ok());
  EXPECT_THAT(Ids(DirectReports(after->snapshot, PersonOnly(Official::kAsn, "sekda-1"),
                                absl::CivilDay(2024, 8, 1))),
              ElementsAre("staf-3"));

  auto peers = store_->LoadOrgForPeers("staf-1", date);
  ASSERT_TRUE(peers.ok()) << peers.status();
  ASSERT_TRUE(peers->subject);
  EXPECT_THAT(Ids(Peers(peers->snapshot, *peers->subject, date)),
              UnorderedElementsAre("staf-2", "staf-3"));

  // The mayor's direct reports through the vacancy (after the Plt): Sekda and dinas staff.
  auto mayor = store_->LoadOrgForPeers("sekda-1", absl::CivilDay(2024, 8, 1));
  ASSERT_TRUE(mayor.ok()) << mayor.status();
  EXPECT_THAT(Ids(Peers(mayor->snapshot, *mayor->subject, absl::CivilDay(2024, 8, 1))),
              UnorderedElementsAre("staf-1", "staf-2"));
}

}  // namespace
}  // namespace kinerja::employee::store::testing
