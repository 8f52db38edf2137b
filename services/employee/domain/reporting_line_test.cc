#include "services/employee/domain/reporting_line.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kinerja::employee {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }
const DateRange kAlways{Day(2000, 1, 1), std::nullopt};

// A city (Pemerintah Kota) under a NON-ASN mayor:
//   city (mayor)                       leader pos-mayor
//   +- setda (Sekda)                   leader pos-sekda
//   |  +- bag-umum (Kabag Umum)        leader pos-kabag
//   |     +- subbag-tu (Kasubbag TU)   leader pos-kasubbag
//   +- dinas-pend (Kadis Pendidikan)   leader pos-kadis
//      +- bidang-sd (Kabid SD)         leader pos-kabid
//         +- seksi-kur (Kasi)          leader pos-kasi
class ReportingLineTest : public ::testing::Test {
 protected:
  ReportingLineTest() {
    records_.units = {
        {"city", "", "pos-mayor"},
        {"setda", "city", "pos-sekda"},
        {"bag-umum", "setda", "pos-kabag"},
        {"subbag-tu", "bag-umum", "pos-kasubbag"},
        {"dinas-pend", "city", "pos-kadis"},
        {"bidang-sd", "dinas-pend", "pos-kabid"},
        {"seksi-kur", "bidang-sd", "pos-kasi"},
    };
    records_.non_asn = {{"mayor-1", "Wali Kota A", "pos-mayor", kAlways}};
    Hold("sekda", "pos-sekda", "setda");
    Hold("kabag", "pos-kabag", "bag-umum");
    Hold("kasubbag", "pos-kasubbag", "subbag-tu");
    Hold("staff-tu", "pos-staff-tu", "subbag-tu");
    Hold("kadis", "pos-kadis", "dinas-pend");
    Hold("kabid", "pos-kabid", "bidang-sd");
    Hold("kasi", "pos-kasi", "seksi-kur");
    Hold("guru", "pos-guru", "seksi-kur");
    Hold("staff-bid", "pos-staff-bid", "bidang-sd");
  }

  void Hold(const std::string& employee, const std::string& position, const std::string& unit,
            DateRange valid = kAlways) {
    records_.assignments.push_back({employee, position, unit, valid});
    bool known = false;
    for (const Person& p : records_.people) known = known || p.employee_id == employee;
    if (!known) records_.people.push_back({employee, "nip-" + employee, "Name " + employee});
  }

  void Vacate(const std::string& employee) {
    std::erase_if(records_.assignments,
                  [&](const Assignment& a) { return a.employee_id == employee; });
  }

  const OrgSnapshot& Snapshot() {
    auto created = OrgSnapshot::Create(records_);
    EXPECT_TRUE(created.ok()) << created.status();
    snapshot_.emplace(std::move(created).value());
    return *snapshot_;
  }

  Assignment Of(const std::string& employee) {
    for (const Assignment& a : records_.assignments) {
      if (a.employee_id == employee) return a;
    }
    ADD_FAILURE() << "no assignment for " << employee;
    return {};
  }

  ReportingLine Line(const std::string& employee, absl::CivilDay date = Day(2024, 6, 1)) {
    return ResolveReportingLine(Snapshot(), Of(employee), date);
  }

  static std::string Id(const std::optional<Official>& official) {
    return official ? official->employee_id : "<none>";
  }

  static std::vector<std::string> Ids(const std::vector<Assignment>& assignments) {
    std::vector<std::string> ids;
    for (const Assignment& a : assignments) ids.push_back(a.employee_id);
    return ids;
  }

  OrgRecords records_;
  std::optional<OrgSnapshot> snapshot_;
};

TEST_F(ReportingLineTest, UnitPathRunsFromTheRootDown) {
  EXPECT_THAT(UnitPath(Snapshot(), "seksi-kur"),
              ::testing::ElementsAre("city", "dinas-pend", "bidang-sd", "seksi-kur"));
  EXPECT_THAT(UnitPath(Snapshot(), "city"), ::testing::ElementsAre("city"));
  EXPECT_TRUE(UnitPath(Snapshot(), "nope").empty());
}

TEST_F(ReportingLineTest, StaffAreAssessedByTheirUnitLeader) {
  ReportingLine line = Line("staff-tu");
  ASSERT_TRUE(line.assessor);
  EXPECT_EQ(*line.assessor,
            (Official{Official::kAsn, "kasubbag", "nip-kasubbag", "Name kasubbag", "pos-kasubbag",
                      "subbag-tu", Official::kNone, Official::kDefinitive}));
  EXPECT_EQ(Id(line.assessor_superior), "kabag");
  EXPECT_EQ(line.assessor_superior->unit_id, "bag-umum");
}

TEST_F(ReportingLineTest, LeadersStartAtTheParentUnit) {
  EXPECT_EQ(Id(Line("kasubbag").assessor), "kabag");
  EXPECT_EQ(Id(Line("kasubbag").assessor_superior), "sekda");
  EXPECT_EQ(Id(Line("kabag").assessor), "sekda");
  EXPECT_EQ(Id(Line("kasi").assessor), "kabid");
  EXPECT_EQ(Id(Line("kasi").assessor_superior), "kadis");
}

TEST_F(ReportingLineTest, MayorAssessesSekdaAndAgencyHeadsAndHasNoSuperior) {
  for (const char* head : {"sekda", "kadis"}) {
    ReportingLine line = Line(head);
    ASSERT_TRUE(line.assessor) << head;
    EXPECT_EQ(*line.assessor,
              (Official{Official::kNonAsn, "mayor-1", "", "Wali Kota A", "pos-mayor", "city",
                        Official::kNone, Official::kPoliticalHead}));
    EXPECT_FALSE(line.assessor_superior) << head;
  }
  // The mayor is the superior of the assessor of a Kabag or Kabid.
  EXPECT_EQ(Line("kabag").assessor_superior->kind, Official::kNonAsn);
  EXPECT_EQ(Line("kabid").assessor_superior->kind, Official::kNonAsn);
}

TEST_F(ReportingLineTest, RootWithNobodyMeansNoAssessor) {
  records_.non_asn.clear();
  ReportingLine line = Line("sekda");
  EXPECT_FALSE(line.assessor);
  EXPECT_FALSE(line.assessor_superior);
  EXPECT_EQ(Id(Line("kabag").assessor), "sekda");
  EXPECT_FALSE(Line("kabag").assessor_superior);
}

TEST_F(ReportingLineTest, VacancyChainsMoveUp) {
  Vacate("kasubbag");
  EXPECT_EQ(Id(Line("staff-tu").assessor), "kabag");
  EXPECT_EQ(Id(Line("staff-tu").assessor_superior), "sekda");
  Vacate("kabag");
  EXPECT_EQ(Id(Line("staff-tu").assessor), "sekda");
  EXPECT_EQ(Line("staff-tu").assessor_superior->kind, Official::kNonAsn);
  Vacate("sekda");
  EXPECT_EQ(Line("staff-tu").assessor->kind, Official::kNonAsn);
  EXPECT_FALSE(Line("staff-tu").assessor_superior);
}

TEST_F(ReportingLineTest, SuperiorSkipsVacanciesToo) {
  Vacate("kabid");
  EXPECT_EQ(Id(Line("guru").assessor), "kasi");
  EXPECT_EQ(Id(Line("guru").assessor_superior), "kadis");
  EXPECT_EQ(Id(Line("kasi").assessor), "kadis");
}

TEST_F(ReportingLineTest, UnitWithoutLeaderPositionIsPassedThrough) {
  records_.units.push_back({"pokja", "bidang-sd", ""});
  Hold("member", "pos-member", "pokja");
  EXPECT_EQ(Id(Line("member").assessor), "kabid");
}

TEST_F(ReportingLineTest, PltFillsAVacancy) {
  Vacate("kabid");
  records_.acting.push_back({"kasi", "pos-kabid", Official::kPlt, kAlways});
  ReportingLine line = Line("staff-bid");
  ASSERT_TRUE(line.assessor);
  EXPECT_EQ(line.assessor->employee_id, "kasi");
  EXPECT_EQ(line.assessor->acting, Official::kPlt);
  EXPECT_EQ(line.assessor->position_id, "pos-kabid");
  EXPECT_EQ(line.assessor->unit_id, "bidang-sd");
  EXPECT_EQ(Id(line.assessor_superior), "kadis");
  // The guru's Kasi is also the Plt Kabid: the superior skips the assessor themself.
  EXPECT_EQ(Id(Line("guru").assessor), "kasi");
  EXPECT_EQ(Line("guru").assessor->acting, Official::kNone);
  EXPECT_EQ(Id(Line("guru").assessor_superior), "kadis");
  // The Kasi's own assessor would be the Plt Kabid, i.e. themself: move up.
  EXPECT_EQ(Id(Line("kasi").assessor), "kadis");
}

TEST_F(ReportingLineTest, PlhOverridesTheDefinitiveHolderOnlyInItsRange) {
  records_.acting.push_back(
      {"staff-bid", "pos-kabid", Official::kPlh, {Day(2024, 6, 1), Day(2024, 6, 15)}});
  EXPECT_EQ(Id(Line("kasi", Day(2024, 5, 31)).assessor), "kabid");
  EXPECT_EQ(Id(Line("kasi", Day(2024, 6, 1)).assessor), "staff-bid");
  EXPECT_EQ(Line("kasi", Day(2024, 6, 1)).assessor->acting, Official::kPlh);
  EXPECT_EQ(Id(Line("kasi", Day(2024, 6, 14)).assessor), "staff-bid");
  EXPECT_EQ(Id(Line("kasi", Day(2024, 6, 15)).assessor), "kabid");  // valid_to exclusive
  // The absent Kabid is assessed by the Kadis as always.
  EXPECT_EQ(Id(Line("kabid", Day(2024, 6, 5)).assessor), "kadis");
}

TEST_F(ReportingLineTest, SelfActingInOwnUnitStartsAtTheParent) {
  // staff-bid is Plh of their own unit's leader: their assessor is the Kadis, not themself
  // and not the absent Kabid.
  records_.acting.push_back({"staff-bid", "pos-kabid", Official::kPlh, kAlways});
  EXPECT_EQ(Id(Line("staff-bid").assessor), "kadis");
  EXPECT_EQ(Line("staff-bid").assessor_superior->kind, Official::kNonAsn);
}

TEST_F(ReportingLineTest, PlhBeatsPltAndLaterStartBeatsEarlier) {
  Vacate("kabid");
  records_.acting.push_back({"kasi", "pos-kabid", Official::kPlt, kAlways});
  records_.acting.push_back(
      {"staff-bid", "pos-kabid", Official::kPlh, {Day(2024, 6, 1), Day(2024, 6, 8)}});
  EXPECT_EQ(Id(Line("guru", Day(2024, 6, 3)).assessor), "kasi");  // guru's own Kasi
  EXPECT_EQ(Id(Line("kasi", Day(2024, 6, 3)).assessor), "staff-bid");
  EXPECT_EQ(Id(Line("kasi", Day(2024, 6, 8)).assessor), "kadis");  // Plt is self again
  Hold("new-kadis", "pos-kadis", "dinas-pend", {Day(2024, 7, 1), std::nullopt});
  EXPECT_EQ(Id(Line("kabag", Day(2024, 7, 1)).assessor), "sekda");
  EXPECT_EQ(Id(Line("staff-bid", Day(2024, 7, 1)).assessor_superior), "new-kadis");
  EXPECT_EQ(Id(Line("staff-bid", Day(2024, 6, 30)).assessor_superior), "kadis");
}

TEST_F(ReportingLineTest, ActingBeatsNonAsnWhichBeatsDefinitive) {
  records_.acting.push_back(
      {"sekda", "pos-mayor", Official::kPlh, {Day(2024, 6, 1), Day(2024, 6, 2)}});
  EXPECT_EQ(Id(Line("kadis", Day(2024, 6, 1)).assessor), "sekda");
  EXPECT_EQ(Line("kadis", Day(2024, 6, 1)).assessor->acting, Official::kPlh);
  // The Sekda acting for the mayor is not their own assessor: nobody above.
  EXPECT_FALSE(Line("sekda", Day(2024, 6, 1)).assessor);
  EXPECT_EQ(Line("kadis", Day(2024, 6, 2)).assessor->kind, Official::kNonAsn);
  // A NON-ASN holder beats an ASN definitive holder of the same position.
  Hold("asn-head", "pos-mayor", "city");
  EXPECT_EQ(Line("kadis", Day(2024, 6, 2)).assessor->kind, Official::kNonAsn);
  records_.non_asn[0].valid.to = Day(2024, 6, 2);
  EXPECT_EQ(Id(Line("kadis", Day(2024, 6, 2)).assessor), "asn-head");
}

TEST_F(ReportingLineTest, DefinitiveHolderDateBoundaries) {
  Vacate("kasubbag");
  Hold("old", "pos-kasubbag", "subbag-tu", {Day(2020, 1, 1), Day(2024, 3, 1)});
  Hold("new", "pos-kasubbag", "subbag-tu", {Day(2024, 3, 1), std::nullopt});
  EXPECT_EQ(Id(Line("staff-tu", Day(2024, 2, 29)).assessor), "old");
  EXPECT_EQ(Id(Line("staff-tu", Day(2024, 3, 1)).assessor), "new");
  EXPECT_EQ(Id(Line("staff-tu", Day(2019, 12, 31)).assessor), "kabag");
}

TEST_F(ReportingLineTest, UnknownUnitGivesNoLine) {
  EXPECT_EQ(ResolveReportingLine(Snapshot(), {"x", "p", "nowhere", kAlways}, Day(2024, 1, 1)),
            ReportingLine{});
}

TEST_F(ReportingLineTest, DirectReports) {
  const OrgSnapshot& snapshot = Snapshot();
  Official kabid = PersonOnly(Official::kAsn, "kabid");
  EXPECT_THAT(Ids(DirectReports(snapshot, kabid, Day(2024, 6, 1))),
              ElementsAre("kasi", "staff-bid"));
  Official mayor = PersonOnly(Official::kNonAsn, "mayor-1");
  EXPECT_THAT(Ids(DirectReports(snapshot, mayor, Day(2024, 6, 1))), ElementsAre("kadis", "sekda"));
  Official guru = PersonOnly(Official::kAsn, "guru");
  EXPECT_THAT(DirectReports(snapshot, guru, Day(2024, 6, 1)), IsEmpty());
  // An employee id that is also a NON-ASN id is a different person.
  EXPECT_THAT(DirectReports(snapshot, PersonOnly(Official::kAsn, "mayor-1"), Day(2024, 6, 1)),
              IsEmpty());
}

TEST_F(ReportingLineTest, DirectReportsDescendThroughVacancies) {
  Vacate("kasi");
  Vacate("kabag");
  const OrgSnapshot& snapshot = Snapshot();
  EXPECT_THAT(Ids(DirectReports(snapshot, PersonOnly(Official::kAsn, "kabid"), Day(2024, 6, 1))),
              ElementsAre("guru", "staff-bid"));
  EXPECT_THAT(Ids(DirectReports(snapshot, PersonOnly(Official::kAsn, "sekda"), Day(2024, 6, 1))),
              ElementsAre("kasubbag"));
}

TEST_F(ReportingLineTest, DirectReportsIncludeAbsentHoldersAndActingOfficials) {
  // Plh for the Kabid: the Plh assesses the Kasi and staff; the absent Kabid and the Plh
  // (acting in their own unit) both report to the Kadis.
  records_.acting.push_back({"staff-bid", "pos-kabid", Official::kPlh, kAlways});
  const OrgSnapshot& snapshot = Snapshot();
  EXPECT_THAT(Ids(DirectReports(snapshot, PersonOnly(Official::kAsn, "kadis"), Day(2024, 6, 1))),
              ElementsAre("kabid", "staff-bid"));
  EXPECT_THAT(
      Ids(DirectReports(snapshot, PersonOnly(Official::kAsn, "staff-bid"), Day(2024, 6, 1))),
      ElementsAre("kasi"));
  EXPECT_THAT(DirectReports(snapshot, PersonOnly(Official::kAsn, "kabid"), Day(2024, 6, 1)),
              IsEmpty());
}

TEST_F(ReportingLineTest, DirectReportsAcrossTwoLedUnits) {
  // The Kasubbag TU is also Plt Kabag Umum: staff TU and ... nobody else in Bagian Umum.
  Vacate("kabag");
  Hold("staff-umum", "pos-staff-umum", "bag-umum");
  records_.acting.push_back({"kasubbag", "pos-kabag", Official::kPlt, kAlways});
  const OrgSnapshot& snapshot = Snapshot();
  EXPECT_THAT(Ids(DirectReports(snapshot, PersonOnly(Official::kAsn, "kasubbag"), Day(2024, 6, 1))),
              ElementsAre("staff-tu", "staff-umum"));
  EXPECT_THAT(Ids(DirectReports(snapshot, PersonOnly(Official::kAsn, "sekda"), Day(2024, 6, 1))),
              ElementsAre("kasubbag"));
  // Peers are defined by the assessor person, across both units.
  EXPECT_THAT(Ids(Peers(snapshot, Of("staff-tu"), Day(2024, 6, 1))), ElementsAre("staff-umum"));
}

TEST_F(ReportingLineTest, DirectReportsRespectTheDate) {
  Vacate("staff-bid");
  Hold("staff-bid", "pos-staff-bid", "bidang-sd", {Day(2024, 1, 1), Day(2024, 7, 1)});
  const OrgSnapshot& snapshot = Snapshot();
  Official kabid = PersonOnly(Official::kAsn, "kabid");
  EXPECT_THAT(Ids(DirectReports(snapshot, kabid, Day(2024, 6, 30))),
              ElementsAre("kasi", "staff-bid"));
  EXPECT_THAT(Ids(DirectReports(snapshot, kabid, Day(2024, 7, 1))), ElementsAre("kasi"));
}

TEST_F(ReportingLineTest, Peers) {
  Hold("guru-2", "pos-guru", "seksi-kur");
  const OrgSnapshot& snapshot = Snapshot();
  EXPECT_THAT(Ids(Peers(snapshot, Of("guru"), Day(2024, 6, 1))), ElementsAre("guru-2"));
  EXPECT_THAT(Ids(Peers(snapshot, Of("kasi"), Day(2024, 6, 1))), ElementsAre("staff-bid"));
  EXPECT_THAT(Ids(Peers(snapshot, Of("sekda"), Day(2024, 6, 1))), ElementsAre("kadis"));
  EXPECT_THAT(Peers(snapshot, Of("staff-tu"), Day(2024, 6, 1)), IsEmpty());
  records_.non_asn.clear();
  EXPECT_THAT(Peers(Snapshot(), Of("sekda"), Day(2024, 6, 1)), IsEmpty());  // no assessor
}

OrgRecords OnlyUnits(std::vector<UnitNode> units) {
  OrgRecords r;
  r.units = std::move(units);
  return r;
}
OrgRecords OnlyPeople(std::vector<Person> people) {
  OrgRecords r;
  r.people = std::move(people);
  return r;
}
OrgRecords OnlyAssignments(std::vector<Assignment> assignments) {
  OrgRecords r;
  r.assignments = std::move(assignments);
  return r;
}
OrgRecords OnlyActing(std::vector<ActingAssignment> acting) {
  OrgRecords r;
  r.acting = std::move(acting);
  return r;
}
OrgRecords OnlyNonAsn(std::vector<NonAsnHolding> non_asn) {
  OrgRecords r;
  r.non_asn = std::move(non_asn);
  return r;
}

TEST(OrgSnapshotCreate, RejectsBrokenTrees) {
  auto error = [](OrgRecords records) {
    auto created = OrgSnapshot::Create(std::move(records));
    EXPECT_FALSE(created.ok());
    EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
    return std::string(created.status().message());
  };
  EXPECT_EQ(error(OnlyUnits({{"", "", ""}})), "units[0].id: must not be empty");
  EXPECT_EQ(error(OnlyUnits({{"a", "", ""}, {"a", "", ""}})), "units[1].id: duplicate unit 'a'");
  EXPECT_EQ(error(OnlyUnits({{"a", "zz", ""}})), "units[0].parent_id: unknown unit 'zz'");
  EXPECT_EQ(error(OnlyUnits({{"a", "a", ""}})), "units[0].parent_id: parent links form a cycle");
  EXPECT_EQ(error(OnlyUnits({{"r", "", ""}, {"a", "c", ""}, {"b", "a", ""}, {"c", "b", ""}})),
            "units[1].parent_id: parent links form a cycle");
  EXPECT_EQ(error(OnlyUnits({{"a", "", "p"}, {"b", "a", "p"}})),
            "units[1].leader_position_id: position 'p' already leads another unit");
  EXPECT_EQ(error(OnlyPeople({{"e", "", ""}, {"e", "", ""}})),
            "people[1].employee_id: duplicate person");
  EXPECT_EQ(error(OnlyAssignments({{"e", "p", "u", {Day(2024, 1, 1), Day(2024, 1, 1)}}})),
            "assignments[0].valid_to: 2024-01-01 is not after valid_from 2024-01-01");
  EXPECT_EQ(error(OnlyActing({{"e", "p", Official::kNone, kAlways}})),
            "acting[0].kind: must be Plt or Plh");
  EXPECT_EQ(error(OnlyNonAsn({{"h", "n", "p", {Day(2024, 2, 1), Day(2024, 1, 1)}}})),
            "non_asn[0].valid_to: 2024-01-01 is not after valid_from 2024-02-01");
}

TEST(OrgSnapshotCreate, SurvivesMovesAndAllowsForeignReferences) {
  OrgRecords records;
  records.units = {{"root-unit-with-a-long-id-beyond-sso", "", "leader-position-long-id-x"}};
  records.assignments = {
      {"e", "leader-position-long-id-x", "root-unit-with-a-long-id-beyond-sso", kAlways},
      {"s", "staff", "root-unit-with-a-long-id-beyond-sso", kAlways},
      {"x", "p", "unit-of-another-agency", kAlways}};
  auto created = OrgSnapshot::Create(std::move(records));
  ASSERT_TRUE(created.ok()) << created.status();
  OrgSnapshot moved = std::move(created).value();
  OrgSnapshot again = std::move(moved);
  ReportingLine line = ResolveReportingLine(
      again, {"s", "staff", "root-unit-with-a-long-id-beyond-sso", kAlways}, Day(2024, 1, 1));
  ASSERT_TRUE(line.assessor);
  EXPECT_EQ(line.assessor->employee_id, "e");
  EXPECT_EQ(line.assessor->name, "");  // no Person record
  EXPECT_FALSE(line.assessor_superior);
}

TEST(DateRange, HalfOpen) {
  DateRange range{Day(2024, 1, 1), Day(2024, 2, 1)};
  EXPECT_FALSE(range.Contains(Day(2023, 12, 31)));
  EXPECT_TRUE(range.Contains(Day(2024, 1, 1)));
  EXPECT_TRUE(range.Contains(Day(2024, 1, 31)));
  EXPECT_FALSE(range.Contains(Day(2024, 2, 1)));
  EXPECT_TRUE((DateRange{Day(2024, 1, 1), std::nullopt}.Contains(Day(9999, 12, 31))));
}

// --- Capacities, delegation, regional heads, abolished units ----------------------------

TEST_F(ReportingLineTest, ActingOfficialsCarryTheirCapacity) {
  records_.acting.push_back(
      {"kasi", "pos-kabid", Official::kPlt, {Day(2024, 6, 1), Day(2024, 7, 1)}});
  ReportingLine line = Line("staff-bid");
  ASSERT_TRUE(line.assessor);
  EXPECT_EQ(line.assessor->capacity, Official::kActingPlt);
  EXPECT_EQ(line.assessor->acting, Official::kPlt);
  EXPECT_EQ(line.assessor_superior->capacity, Official::kDefinitive);
}

class DelegationTest : public ReportingLineTest {
 protected:
  DelegationTest() {
    // A functional coordinator placed in bidang-sd assesses its staff during 2024-03..2024-06.
    Hold("koordinator", "pos-koordinator", "bidang-sd");
    Hold("staff-bid-2", "pos-staff-bid", "bidang-sd");
    records_.delegations.push_back(
        {"del-1", "bidang-sd", "koordinator", {Day(2024, 3, 1), Day(2024, 7, 1)}});
  }
};

TEST_F(DelegationTest, StaffOfTheUnitAreAssessedByTheDelegateInsideTheRange) {
  ReportingLine line = Line("staff-bid", Day(2024, 3, 1));
  ASSERT_TRUE(line.assessor);
  EXPECT_EQ(*line.assessor,
            (Official{Official::kAsn, "koordinator", "nip-koordinator", "Name koordinator",
                      "pos-koordinator", "bidang-sd", Official::kNone, Official::kDelegated}));
  // The superior is the delegate's own assessor that day: the Kabid.
  EXPECT_EQ(Id(line.assessor_superior), "kabid");
  // Last day (2024-06-30) inside, the next day outside.
  EXPECT_EQ(Id(Line("staff-bid", Day(2024, 6, 30)).assessor), "koordinator");
  EXPECT_EQ(Id(Line("staff-bid", Day(2024, 7, 1)).assessor), "kabid");
  EXPECT_EQ(Id(Line("staff-bid", Day(2024, 2, 29)).assessor), "kabid");
}

TEST_F(DelegationTest, NotTheLeaderNotTheDelegateNotChildUnits) {
  const absl::CivilDay day = Day(2024, 4, 1);
  EXPECT_EQ(Id(Line("kabid", day).assessor), "kadis");
  EXPECT_EQ(Id(Line("koordinator", day).assessor), "kabid");
  EXPECT_EQ(Line("koordinator", day).assessor->capacity, Official::kDefinitive);
  EXPECT_EQ(Id(Line("kasi", day).assessor), "kabid");  // leader of a child unit
  EXPECT_EQ(Id(Line("guru", day).assessor), "kasi");   // staff of a child unit
}

TEST_F(DelegationTest, DirectReportsAndPeersFollowTheDelegation) {
  const absl::CivilDay day = Day(2024, 4, 1);
  EXPECT_THAT(Ids(DirectReports(Snapshot(), PersonOnly(Official::kAsn, "koordinator"), day)),
              ElementsAre("staff-bid", "staff-bid-2"));
  EXPECT_THAT(Ids(DirectReports(Snapshot(), PersonOnly(Official::kAsn, "kabid"), day)),
              ElementsAre("kasi", "koordinator"));
  EXPECT_THAT(Ids(Peers(Snapshot(), Of("staff-bid"), day)), ElementsAre("staff-bid-2"));
}

TEST_F(DelegationTest, DelegationsToEachOtherDoNotLoop) {
  // The Kasi's unit is delegated to a staff member of bidang-sd, whose unit is delegated to
  // the Kasi's staff: every line still resolves.
  records_.delegations.push_back(
      {"del-2", "seksi-kur", "staff-bid", {Day(2024, 3, 1), std::nullopt}});
  records_.delegations[0].delegate_employee_id = "guru";
  ReportingLine line = Line("staff-bid-2", Day(2024, 4, 1));
  EXPECT_EQ(Id(line.assessor), "guru");
  EXPECT_EQ(Id(line.assessor_superior), "staff-bid");
  EXPECT_EQ(Id(Line("guru", Day(2024, 4, 1)).assessor), "staff-bid");
  // The guru's delegate is assessed by the guru: a superior who is the employee is dropped.
  EXPECT_EQ(Id(Line("guru", Day(2024, 4, 1)).assessor_superior), "<none>");
}

TEST_F(ReportingLineTest, RegionalHeadTermsOccupyTheRootUnit) {
  // An elected mayor until 2024-02-20 (inclusive), then a Pj (an ASN of the province).
  records_.heads.push_back(
      {"head-1", "city", "Drs. Wali Kota B", "", {Day(2019, 2, 21), Day(2024, 2, 21)}});
  records_.heads.push_back({"head-2", "city", "", "pj-1", {Day(2024, 2, 21), std::nullopt}});
  records_.people.push_back({"pj-1", "nip-pj-1", "Pj Wali Kota"});
  ReportingLine before = Line("kadis", Day(2024, 2, 20));
  ASSERT_TRUE(before.assessor);
  EXPECT_EQ(before.assessor->kind, Official::kNonAsn);
  EXPECT_EQ(before.assessor->name, "Drs. Wali Kota B");  // the term outranks the legacy holder
  EXPECT_EQ(before.assessor->capacity, Official::kPoliticalHead);
  EXPECT_TRUE(before.assessor->nip.empty());
  ReportingLine after = Line("kadis", Day(2024, 2, 21));
  ASSERT_TRUE(after.assessor);
  EXPECT_EQ(after.assessor->kind, Official::kAsn);
  EXPECT_EQ(after.assessor->employee_id, "pj-1");
  EXPECT_EQ(after.assessor->nip, "nip-pj-1");
  EXPECT_EQ(after.assessor->capacity, Official::kInterimHead);
  EXPECT_EQ(after.assessor->unit_id, "city");
  EXPECT_EQ(Id(Line("kabid", Day(2024, 3, 1)).assessor_superior), "pj-1");
  // Before any term, the legacy NON-ASN holder of the leader position still counts.
  EXPECT_EQ(Line("kadis", Day(2018, 1, 1)).assessor->name, "Wali Kota A");
  EXPECT_THAT(Ids(DirectReports(Snapshot(), PersonOnly(Official::kAsn, "pj-1"), Day(2024, 3, 1))),
              ElementsAre("kadis", "sekda"));
}

TEST_F(ReportingLineTest, AHeadLeadsARootUnitWithoutLeaderPosition) {
  records_.units[0].leader_position_id = "";
  records_.non_asn.clear();
  EXPECT_FALSE(Line("kadis").assessor);
  records_.heads.push_back({"head-1", "city", "Wali Kota C", "", {Day(2020, 1, 1), std::nullopt}});
  ReportingLine line = Line("kadis");
  ASSERT_TRUE(line.assessor);
  EXPECT_EQ(line.assessor->name, "Wali Kota C");
  EXPECT_EQ(line.assessor->position_id, "");
}

TEST_F(ReportingLineTest, AnAbolishedUnitLeadsNobodyFromItsEndDate) {
  records_.units[5].end_date = Day(2024, 7, 1);  // bidang-sd
  EXPECT_EQ(Id(Line("kasi", Day(2024, 6, 30)).assessor), "kabid");
  EXPECT_EQ(Id(Line("kasi", Day(2024, 7, 1)).assessor), "kadis");
}

}  // namespace
}  // namespace kinerja::employee
