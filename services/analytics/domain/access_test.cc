#include "services/analytics/domain/access.h"

#include <gtest/gtest.h>

#include "absl/strings/match.h"

#include "shared/auth/test_principal.h"

namespace kinerja::analytics {
namespace {

using auth::Role;
using auth::TestPrincipal;

constexpr char kNip[] = "198609262015051001";
const absl::CivilDay kDay(2025, 6, 15);

// Agency A: root R > dinas D > bidang B; dinas E beside D. Agency Z: root Z1.
UnitFacts Unit(std::string id, std::string agency, std::vector<std::string> path,
               std::string leader = "") {
  UnitFacts u;
  u.unit_id = std::move(id);
  u.agency_id = std::move(agency);
  u.path = std::move(path);
  u.leader_position_id = std::move(leader);
  return u;
}
const UnitFacts kRoot = Unit("R", "A", {"R"}, "pos-R");
const UnitFacts kDinas = Unit("D", "A", {"R", "D"}, "pos-D");
const UnitFacts kBidang = Unit("B", "A", {"R", "D", "B"}, "pos-B");
const UnitFacts kOtherDinas = Unit("E", "A", {"R", "E"}, "pos-E");
const UnitFacts kOtherRoot = Unit("Z1", "Z", {"Z1"}, "pos-Z1");

// Facts of a NIP holding `position` definitively, leading `units`.
LeaderFacts Holding(std::string position, std::vector<UnitFacts> units,
                    std::string status = "ACTIVE") {
  LeaderFacts f;
  f.held.push_back({std::move(position), std::move(status)});
  f.units = std::move(units);
  return f;
}

ScopeFacts WithLeader(LeaderFacts leader) {
  ScopeFacts facts;
  facts.leader = std::move(leader);
  return facts;
}

ScopePart Whole(std::string agency) { return ScopePart{.agencies = {std::move(agency)}}; }
ScopePart Sub(const UnitFacts& unit) {
  return ScopePart{.agencies = {unit.agency_id},
                   .root_unit = unit.unit_id,
                   .root_depth = static_cast<int>(unit.path.size())};
}

TEST(UnitsLedOnDay, DefinitiveHolderLeadsWhileActiveOrOnLeave) {
  EXPECT_EQ(UnitsLedOnDay(Holding("pos-D", {kDinas}), kDay).size(), 1u);
  EXPECT_EQ(UnitsLedOnDay(Holding("pos-D", {kDinas}, "ON_LEAVE"), kDay).size(), 1u);
  EXPECT_TRUE(UnitsLedOnDay(Holding("pos-D", {kDinas}, "RETIRED"), kDay).empty());
  EXPECT_TRUE(UnitsLedOnDay(Holding("pos-D", {kDinas}, "SUSPENDED"), kDay).empty());
  // Holding another position than the unit's leader position.
  EXPECT_TRUE(UnitsLedOnDay(Holding("pos-X", {kDinas}), kDay).empty());
}

TEST(UnitsLedOnDay, ActingAppointmentCoversTheDayInclusive) {
  LeaderFacts f;
  f.units = {kDinas};
  f.acting.push_back({"pos-D", absl::CivilDay(2025, 6, 1), absl::CivilDay(2025, 6, 15)});
  EXPECT_EQ(UnitsLedOnDay(f, kDay).size(), 1u);                        // last day
  EXPECT_TRUE(UnitsLedOnDay(f, kDay + 1).empty());                     // after it
  EXPECT_EQ(UnitsLedOnDay(f, absl::CivilDay(2025, 6, 1)).size(), 1u);  // first day
  EXPECT_TRUE(UnitsLedOnDay(f, absl::CivilDay(2025, 5, 31)).empty());  // before it
  f.acting[0].end_date.reset();                                        // open-ended
  EXPECT_EQ(UnitsLedOnDay(f, absl::CivilDay(2030, 1, 1)).size(), 1u);
}

TEST(UnitsLedOnDay, AbolishedUnitLeadsNobodyFromItsEndDate) {
  UnitFacts abolished = kDinas;
  abolished.end_date = kDay;
  EXPECT_TRUE(UnitsLedOnDay(Holding("pos-D", {abolished}), kDay).empty());
  EXPECT_EQ(UnitsLedOnDay(Holding("pos-D", {abolished}), kDay - 1).size(), 1u);
}

TEST(UnitsLedOnDay, NoRepeats) {
  LeaderFacts f = Holding("pos-D", {kDinas, kDinas});
  f.acting.push_back({"pos-D", kDay, std::nullopt});
  EXPECT_EQ(UnitsLedOnDay(f, kDay).size(), 1u);
}

TEST(ResolveScope, PublicAndPlainEmployeesReadNoReport) {
  for (const auth::Principal& p :
       {TestPrincipal({}, "", ""), TestPrincipal({Role::kPublic}, "", ""),
        TestPrincipal({Role::kEmployee}, "A", kNip)}) {
    auto scope = ResolveScope(p, {.year = 2025}, {}, kDay);
    EXPECT_EQ(scope.status().code(), absl::StatusCode::kPermissionDenied) << scope.status();
  }
}

TEST(ResolveScope, AuditorsAndServicesReadEverything) {
  for (const auth::Principal& p :
       {TestPrincipal({Role::kAuditor}, "", ""), TestPrincipal({Role::kService}, "", "")}) {
    auto scope = ResolveScope(p, {.year = 2025}, {}, kDay);
    ASSERT_TRUE(scope.ok()) << scope.status();
    ASSERT_EQ(scope->parts.size(), 1u);
    EXPECT_TRUE(scope->parts[0].all_agencies);
    EXPECT_EQ(scope->year, 2025);

    auto agency = ResolveScope(p, {.year = 2025, .agency_id = "Z"}, {}, kDay);
    ASSERT_TRUE(agency.ok());
    EXPECT_EQ(agency->parts, std::vector<ScopePart>{Whole("Z")});
  }
}

TEST(ResolveScope, HrAdminReadsOwnAgencyOnly) {
  const auth::Principal hr = TestPrincipal({Role::kHrAdmin}, "A", kNip);
  auto own = ResolveScope(hr, {.year = 2025}, {}, kDay);
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ(own->parts, std::vector<ScopePart>{Whole("A")});

  auto named = ResolveScope(hr, {.year = 2025, .agency_id = "A"}, {}, kDay);
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->parts, std::vector<ScopePart>{Whole("A")});

  EXPECT_EQ(ResolveScope(hr, {.year = 2025, .agency_id = "Z"}, {}, kDay).status().code(),
            absl::StatusCode::kPermissionDenied);

  ScopeFacts unit_facts;
  unit_facts.unit = kBidang;
  auto unit = ResolveScope(hr, {.year = 2025, .unit_id = "B"}, unit_facts, kDay);
  ASSERT_TRUE(unit.ok());
  EXPECT_EQ(unit->parts, std::vector<ScopePart>{Sub(kBidang)});

  unit_facts.unit = kOtherRoot;
  EXPECT_EQ(ResolveScope(hr, {.year = 2025, .unit_id = "Z1"}, unit_facts, kDay).status().code(),
            absl::StatusCode::kPermissionDenied);
}

TEST(ResolveScope, HrAdminWithoutAgencyReadsNothing) {
  const auth::Principal hr = TestPrincipal({Role::kHrAdmin}, "", kNip);
  EXPECT_EQ(ResolveScope(hr, {.year = 2025}, {}, kDay).status().code(),
            absl::StatusCode::kPermissionDenied);
}

TEST(ResolveScope, UnitLeaderReadsTheirSubtree) {
  const auth::Principal leader = TestPrincipal({Role::kUnitLeader, Role::kEmployee}, "A", kNip);
  ScopeFacts facts = WithLeader(Holding("pos-D", {kDinas}));

  auto own = ResolveScope(leader, {.year = 2025}, facts, kDay);
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ(own->parts, std::vector<ScopePart>{Sub(kDinas)});

  // A unit below theirs: that subtree.
  facts.unit = kBidang;
  auto below = ResolveScope(leader, {.year = 2025, .unit_id = "B"}, facts, kDay);
  ASSERT_TRUE(below.ok()) << below.status();
  EXPECT_EQ(below->parts, std::vector<ScopePart>{Sub(kBidang)});

  // Their own unit, the sibling, the unit above.
  facts.unit = kDinas;
  EXPECT_TRUE(ResolveScope(leader, {.year = 2025, .unit_id = "D"}, facts, kDay).ok());
  facts.unit = kOtherDinas;
  EXPECT_EQ(ResolveScope(leader, {.year = 2025, .unit_id = "E"}, facts, kDay).status().code(),
            absl::StatusCode::kPermissionDenied);
  facts.unit = kRoot;
  EXPECT_EQ(ResolveScope(leader, {.year = 2025, .unit_id = "R"}, facts, kDay).status().code(),
            absl::StatusCode::kPermissionDenied);
}

TEST(ResolveScope, UnitLeaderAskingForTheAgencyReadsTheirSubtreesOfIt) {
  const auth::Principal leader = TestPrincipal({Role::kUnitLeader}, "A", kNip);
  ScopeFacts facts = WithLeader(Holding("pos-D", {kDinas}));
  auto agency = ResolveScope(leader, {.year = 2025, .agency_id = "A"}, facts, kDay);
  ASSERT_TRUE(agency.ok()) << agency.status();
  EXPECT_EQ(agency->parts, std::vector<ScopePart>{Sub(kDinas)});
  EXPECT_EQ(ResolveScope(leader, {.year = 2025, .agency_id = "Z"}, facts, kDay).status().code(),
            absl::StatusCode::kPermissionDenied);
}

TEST(ResolveScope, UnitLeaderRoleWithoutThePositionOnTheDayReadsNothing) {
  const auth::Principal leader = TestPrincipal({Role::kUnitLeader}, "A", kNip);
  // A Plt whose appointment ended the day before.
  LeaderFacts ended;
  ended.units = {kDinas};
  ended.acting.push_back({"pos-D", absl::CivilDay(2025, 1, 1), kDay - 1});
  EXPECT_EQ(ResolveScope(leader, {.year = 2025}, WithLeader(ended), kDay).status().code(),
            absl::StatusCode::kPermissionDenied);
  // Holding the position without the role grants nothing either.
  const auth::Principal employee = TestPrincipal({Role::kEmployee}, "A", kNip);
  EXPECT_EQ(ResolveScope(employee, {.year = 2025}, WithLeader(Holding("pos-D", {kDinas})), kDay)
                .status()
                .code(),
            absl::StatusCode::kPermissionDenied);
}

TEST(ResolveScope, ActingLeaderReadsForTheDaysOfTheAppointment) {
  const auth::Principal plt = TestPrincipal({Role::kUnitLeader}, "A", kNip);
  LeaderFacts f;
  f.units = {kOtherDinas};
  f.acting.push_back({"pos-E", absl::CivilDay(2025, 6, 1), absl::CivilDay(2025, 6, 30)});
  auto scope = ResolveScope(plt, {.year = 2025}, WithLeader(f), kDay);
  ASSERT_TRUE(scope.ok()) << scope.status();
  EXPECT_EQ(scope->parts, std::vector<ScopePart>{Sub(kOtherDinas)});
}

TEST(ResolveScope, NestedAndRepeatedSubtreesAreDisjoint) {
  const auth::Principal leader = TestPrincipal({Role::kUnitLeader}, "A", kNip);
  // Leads D definitively and is Plt of B (inside D) and of E.
  LeaderFacts f = Holding("pos-D", {kBidang, kDinas, kOtherDinas, kDinas});
  f.acting.push_back({"pos-B", kDay, std::nullopt});
  f.acting.push_back({"pos-E", kDay, std::nullopt});
  auto scope = ResolveScope(leader, {.year = 2025}, WithLeader(f), kDay);
  ASSERT_TRUE(scope.ok()) << scope.status();
  EXPECT_EQ(scope->parts, (std::vector<ScopePart>{Sub(kDinas), Sub(kOtherDinas)}));
}

TEST(ResolveScope, HrAdminWhoLeadsInAnotherAgencyReadsTheUnion) {
  const auth::Principal both = TestPrincipal({Role::kHrAdmin, Role::kUnitLeader}, "A", kNip);
  // Plt of D (inside their own agency: covered) and of Z1 in agency Z.
  LeaderFacts f;
  f.units = {kDinas, kOtherRoot};
  f.acting.push_back({"pos-D", kDay, std::nullopt});
  f.acting.push_back({"pos-Z1", kDay, std::nullopt});
  auto scope = ResolveScope(both, {.year = 2025}, WithLeader(f), kDay);
  ASSERT_TRUE(scope.ok()) << scope.status();
  EXPECT_EQ(scope->parts, (std::vector<ScopePart>{Whole("A"), Sub(kOtherRoot)}));
}

TEST(ResolveScope, PeriodSetsYearAndAgency) {
  const auth::Principal hr = TestPrincipal({Role::kHrAdmin}, "A", kNip);
  ScopeFacts facts;
  facts.period = PeriodFacts{"P", "A", 2024};
  auto scope = ResolveScope(hr, {.period_id = "P"}, facts, kDay);
  ASSERT_TRUE(scope.ok()) << scope.status();
  EXPECT_EQ(scope->year, 2024);
  EXPECT_EQ(scope->period_id, "P");
  EXPECT_EQ(scope->parts, std::vector<ScopePart>{Whole("A")});

  // Disagreeing year or agency.
  auto year = ResolveScope(hr, {.year = 2025, .period_id = "P"}, facts, kDay);
  EXPECT_EQ(year.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(year.status().message(), "scope.year"));
  auto agency = ResolveScope(hr, {.year = 2024, .agency_id = "Z", .period_id = "P"}, facts, kDay);
  EXPECT_EQ(agency.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(agency.status().message(), "scope.period_id"));

  // A period of another agency than the HR admin's.
  facts.period = PeriodFacts{"P", "Z", 2024};
  EXPECT_EQ(ResolveScope(hr, {.period_id = "P"}, facts, kDay).status().code(),
            absl::StatusCode::kPermissionDenied);
  // Unknown period.
  EXPECT_EQ(ResolveScope(hr, {.period_id = "Q"}, {}, kDay).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(ResolveScope, UnitOfAnotherAgencyThanNamedIsInvalid) {
  const auth::Principal auditor = TestPrincipal({Role::kAuditor}, "", "");
  ScopeFacts facts;
  facts.unit = kBidang;
  auto scope = ResolveScope(auditor, {.year = 2025, .agency_id = "Z", .unit_id = "B"}, facts, kDay);
  EXPECT_EQ(scope.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(scope.status().message(), "scope.unit_id"));
  EXPECT_EQ(ResolveScope(auditor, {.year = 2025, .unit_id = "nope"}, {}, kDay).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(ResolveScope, PositionTypeIsKept) {
  const auth::Principal auditor = TestPrincipal({Role::kAuditor}, "", "");
  auto scope = ResolveScope(auditor, {.year = 2025, .position_type = "PELAKSANA"}, {}, kDay);
  ASSERT_TRUE(scope.ok());
  EXPECT_EQ(scope->position_type, "PELAKSANA");
}

TEST(CanReadStreamStatus, AnyAuthenticatedRoleButPublic) {
  EXPECT_TRUE(CanReadStreamStatus(TestPrincipal({Role::kEmployee}, "A", kNip)).ok());
  EXPECT_TRUE(CanReadStreamStatus(TestPrincipal({Role::kAuditor}, "", "")).ok());
  EXPECT_EQ(CanReadStreamStatus(TestPrincipal({Role::kPublic}, "", "")).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CanReadStreamStatus(TestPrincipal({}, "", "")).code(),
            absl::StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace kinerja::analytics
