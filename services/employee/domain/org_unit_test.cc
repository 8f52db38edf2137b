#include "services/employee/domain/org_unit.h"

#include <gtest/gtest.h>

#include "shared/errors/errors.h"

namespace kinerja::employee {
namespace {

OrgUnit Unit() {
  OrgUnit unit;
  unit.id = "unit-1";
  unit.agency_id = "agency-1";
  unit.parent_id = "root";
  unit.name = "Bidang Umum";
  return unit;
}

ParentFacts Parent(std::string agency_id, bool inside_unit = false) {
  return ParentFacts{.exists = true, .agency_id = std::move(agency_id), .inside_unit = inside_unit};
}

std::string Reason(const absl::Status& status) { return errors::ReasonOf(status).value_or(""); }

TEST(ApplyUnitParent, MovesUnderAParentOfTheSameAgency) {
  OrgUnit unit = Unit();
  auto moved = ApplyUnitParent(unit, "unit-2", Parent("agency-1"));
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_TRUE(*moved);
  EXPECT_EQ(unit.parent_id, "unit-2");
}

TEST(ApplyUnitParent, SameParentOrRootChangesNothingOrMakesARoot) {
  OrgUnit unit = Unit();
  EXPECT_FALSE(*ApplyUnitParent(unit, "root", ParentFacts{}));
  EXPECT_TRUE(*ApplyUnitParent(unit, "", ParentFacts{}));
  EXPECT_EQ(unit.parent_id, "");
}

TEST(ApplyUnitParent, RefusesCyclesOtherAgenciesAndMissingParents) {
  OrgUnit unit = Unit();
  EXPECT_EQ(Reason(ApplyUnitParent(unit, "unit-1", Parent("agency-1")).status()), "UNIT_CYCLE");
  EXPECT_EQ(Reason(ApplyUnitParent(unit, "child", Parent("agency-1", true)).status()),
            "UNIT_CYCLE");
  EXPECT_EQ(Reason(ApplyUnitParent(unit, "other", Parent("agency-2")).status()),
            "DIFFERENT_AGENCY");
  EXPECT_EQ(Reason(ApplyUnitParent(unit, "ghost", ParentFacts{}).status()), "REFERENCE_NOT_FOUND");
  EXPECT_EQ(unit.parent_id, "root");
}

TEST(ValidateNewOrgUnit, NamesTheField) {
  OrgUnit unit = Unit();
  EXPECT_TRUE(ValidateNewOrgUnit(unit).ok());
  unit.parent_id = unit.id;
  EXPECT_EQ(ValidateNewOrgUnit(unit).code(), absl::StatusCode::kInvalidArgument);
  unit = Unit();
  unit.name = "";
  EXPECT_EQ(ValidateNewOrgUnit(unit).code(), absl::StatusCode::kInvalidArgument);
}

TEST(ApplyLeaderPosition, TakesAPositionOfTheUnitWithItsEselon) {
  OrgUnit unit = Unit();
  LeaderFacts leader{.exists = true, .unit_id = "unit-1", .eselon = Eselon::kIIIa};
  auto changed = ApplyLeaderPosition(unit, "pos-1", leader);
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_TRUE(*changed);
  EXPECT_EQ(unit.leader_position_id, "pos-1");
  EXPECT_EQ(unit.eselon, Eselon::kIIIa);
  EXPECT_FALSE(*ApplyLeaderPosition(unit, "pos-1", leader));
  EXPECT_TRUE(*ApplyLeaderPosition(unit, "", LeaderFacts{}));
  EXPECT_EQ(unit.eselon, std::nullopt);
}

TEST(ApplyLeaderPosition, RefusesAPositionOfAnotherUnitOrNone) {
  OrgUnit unit = Unit();
  LeaderFacts elsewhere{.exists = true, .unit_id = "unit-2", .eselon = std::nullopt};
  EXPECT_EQ(Reason(ApplyLeaderPosition(unit, "pos-2", elsewhere).status()),
            "POSITION_IN_ANOTHER_UNIT");
  EXPECT_EQ(Reason(ApplyLeaderPosition(unit, "ghost", LeaderFacts{}).status()),
            "REFERENCE_NOT_FOUND");
}

// --- UpdateOrgUnit ----------------------------------------------------------------------

TEST(ApplyOrgUnitUpdate, RenamesMovesAndSetsTheLeaderInOneChange) {
  OrgUnit unit = Unit();
  OrgUnitUpdate update{.id = "unit-1",
                       .name = "Bidang Umum dan Kepegawaian",
                       .parent_id = "unit-2",
                       .leader_position_id = "pos-kabid"};
  OrgUnitUpdateFacts facts{.parent = Parent("agency-1"),
                           .leader = LeaderFacts{.exists = true,
                                                 .unit_id = "unit-1",
                                                 .eselon = std::nullopt,
                                                 .type = PositionType::kAdministrator}};
  auto changed = ApplyOrgUnitUpdate(unit, update, facts);
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_TRUE(*changed);
  EXPECT_EQ(unit.name, "Bidang Umum dan Kepegawaian");
  EXPECT_EQ(unit.parent_id, "unit-2");
  EXPECT_EQ(unit.leader_position_id, "pos-kabid");
  // The same again changes nothing.
  changed = ApplyOrgUnitUpdate(unit, update, facts);
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_FALSE(*changed);
}

TEST(ApplyOrgUnitUpdate, RefusesWhatTheRulesForbidAndChangesNothing) {
  OrgUnit unit = Unit();
  auto refused = [&](const OrgUnitUpdate& update, const OrgUnitUpdateFacts& facts) {
    OrgUnit copy = unit;
    absl::StatusOr<bool> r = ApplyOrgUnitUpdate(copy, update, facts);
    EXPECT_EQ(copy.name, unit.name);
    EXPECT_EQ(copy.parent_id, unit.parent_id);
    EXPECT_EQ(copy.end_date, unit.end_date);
    return r.status();
  };
  // Facts as named objects (GCC 12 at -O3 reports false maybe-uninitialized warnings for
  // braced temporaries holding strings).
  const OrgUnitUpdateFacts none;
  EXPECT_EQ(refused({.name = ""}, none).code(), absl::StatusCode::kInvalidArgument);
  OrgUnitUpdateFacts cycle;
  cycle.parent = Parent("agency-1", true);
  EXPECT_EQ(Reason(refused({.name = "x", .parent_id = "unit-9"}, cycle)), "UNIT_CYCLE");
  OrgUnitUpdateFacts other_agency;
  other_agency.parent = Parent("agency-2");
  EXPECT_EQ(Reason(refused({.parent_id = "unit-9"}, other_agency)), "DIFFERENT_AGENCY");
  OrgUnitUpdateFacts staff_leader;
  staff_leader.leader.exists = true;
  staff_leader.leader.unit_id = "unit-1";
  staff_leader.leader.type = PositionType::kPelaksana;
  EXPECT_EQ(Reason(refused({.leader_position_id = "pos-staff"}, staff_leader)),
            "LEADER_NOT_ASSESSOR");
  OrgUnitUpdateFacts elsewhere;
  elsewhere.leader.exists = true;
  elsewhere.leader.unit_id = "unit-2";
  EXPECT_EQ(Reason(refused({.leader_position_id = "pos-x"}, elsewhere)),
            "POSITION_IN_ANOTHER_UNIT");
  const absl::CivilDay end(2025, 1, 1);
  OrgUnitUpdateFacts staffed;
  staffed.staff_from_end = 1;
  EXPECT_EQ(Reason(refused({.end_date = end}, staffed)), "UNIT_HAS_STAFF");
  OrgUnitUpdateFacts children;
  children.open_children_at_end = 2;
  EXPECT_EQ(Reason(refused({.end_date = end}, children)), "UNIT_HAS_OPEN_CHILDREN");
}

TEST(ApplyOrgUnitUpdate, AbolishesAnEmptyUnitAndCanClearIt) {
  OrgUnit unit = Unit();
  auto changed = ApplyOrgUnitUpdate(unit, {.end_date = absl::CivilDay(2025, 1, 1)}, {});
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_TRUE(*changed);
  EXPECT_EQ(unit.end_date, absl::CivilDay(2025, 1, 1));
  changed = ApplyOrgUnitUpdate(unit, {.end_date = std::optional<absl::CivilDay>()}, {});
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_TRUE(*changed);
  EXPECT_FALSE(unit.end_date.has_value());
}

}  // namespace
}  // namespace kinerja::employee
