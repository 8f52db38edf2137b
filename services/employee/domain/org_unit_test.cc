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

}  // namespace
}  // namespace kinerja::employee
