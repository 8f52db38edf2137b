#include "services/review/domain/feedback_rules.h"

#include <gtest/gtest.h>

#include "services/review/domain/realisation.h"
#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using absl::CivilDay;
using test_util::IsInvalid;
using test_util::IsRule;
using test_util::kAssessorNip;
using test_util::kEmployeeNip;
using test_util::MakeNonAsnHead;
using test_util::MakeOfficial;

constexpr char kPeerNip[] = "199001012015031004";

auth::Principal Person(const std::string& nip, const std::string& agency = "agency-1") {
  return auth::Principal{"sub-" + nip, {auth::Role::kEmployee}, agency, nip, ""};
}
auth::Principal Hr(const std::string& agency) {
  return auth::Principal{"hr", {auth::Role::kHrAdmin}, agency, "", ""};
}
auth::Principal Auditor() { return auth::Principal{"aud", {auth::Role::kAuditor}, "", "", ""}; }

PlanParties Plan() { return PlanParties{"agency-1", kEmployeeNip, kAssessorNip}; }

Window March() {
  Window w;
  w.year = 2024;
  w.index = 3;
  w.first = CivilDay(2024, 3, 1);
  w.last = CivilDay(2024, 3, 31);
  w.month_start = w.month_end = 3;
  return w;
}

TEST(CanReadPlanEntries, TheEmployeeTheAssessorOfTheDayHrOfTheAgencyAuditors) {
  EXPECT_TRUE(CanReadPlanEntries(Person(kEmployeeNip), Plan()).ok());
  EXPECT_TRUE(CanReadPlanEntries(Person(kAssessorNip), Plan()).ok());
  EXPECT_TRUE(CanReadPlanEntries(Hr("agency-1"), Plan()).ok());
  EXPECT_TRUE(CanReadPlanEntries(Auditor(), Plan()).ok());
  EXPECT_EQ(CanReadPlanEntries(Person(kPeerNip), Plan()).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CanReadPlanEntries(Hr("agency-2"), Plan()).code(), absl::StatusCode::kPermissionDenied);
  PlanParties non_asn = Plan();
  non_asn.assessor_nip = "";
  EXPECT_EQ(CanReadFeedbackSummary(Person(""), non_asn).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CanReadFeedbackSummary(Person(kPeerNip), Plan()).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(CanReadFeedbackSummary(Person(kEmployeeNip), Plan()).ok());
}

TEST(SurveyAccess, CivilServantsOfTheAgencyReadHrImports) {
  EXPECT_TRUE(CanReadSurveyResults(Person(kPeerNip, "agency-1"), "agency-1").ok());
  EXPECT_FALSE(CanReadSurveyResults(Person(kPeerNip, "agency-2"), "agency-1").ok());
  EXPECT_TRUE(CanImportSurveyResults(Hr("agency-1"), "agency-1").ok());
  EXPECT_FALSE(CanImportSurveyResults(Hr("agency-2"), "agency-1").ok());
  EXPECT_FALSE(CanImportSurveyResults(Person(kPeerNip, "agency-1"), "agency-1").ok());
}

TEST(CheckRealisation, AnHrAdminOfTheAgencyMayEnterItForTheEmployee) {
  Realisation r;
  r.indicator_id = "iki-1";
  r.window = March();
  r.value = 3;
  EntryFacts facts;
  facts.today = CivilDay(2024, 3, 20);
  facts.indicator_ids = {"iki-1"};
  EXPECT_TRUE(CheckRealisation(r, Actor{"hr", "", true}, kEmployeeNip, facts).ok());
  EXPECT_TRUE(IsRule(CheckRealisation(r, Actor{"x", kPeerNip, false}, kEmployeeNip, facts),
                     "NOT_PLAN_EMPLOYEE"));
}

TEST(CheckReopenWindow, HrOfTheAgencyWithAReasonUntilADayAhead) {
  const CivilDay today(2024, 4, 20);
  const Actor hr{"hr", "", true};
  EXPECT_TRUE(CheckReopenWindow(hr, March(), CivilDay(2024, 4, 30), today, "sakit").ok());
  EXPECT_TRUE(IsRule(CheckReopenWindow(Actor{"e", kEmployeeNip, false}, March(),
                                       CivilDay(2024, 4, 30), today, "sakit"),
                     "NOT_HR_ADMIN"));
  EXPECT_TRUE(
      IsInvalid(CheckReopenWindow(hr, March(), CivilDay(2024, 4, 19), today, "x"), "until"));
  EXPECT_TRUE(IsInvalid(CheckReopenWindow(hr, March(), CivilDay(2025, 6, 1), today, "x"), "until"));
  EXPECT_TRUE(
      IsInvalid(CheckReopenWindow(hr, March(), CivilDay(2024, 4, 30), today, " "), "reason"));
  EXPECT_TRUE(
      IsRule(CheckReopenWindow(hr, March(), CivilDay(2024, 4, 30), CivilDay(2024, 2, 1), "x"),
             "WINDOW_NOT_STARTED"));
  EXPECT_TRUE(ReopenedOn(CivilDay(2024, 4, 30), CivilDay(2024, 4, 30)));
  EXPECT_FALSE(ReopenedOn(CivilDay(2024, 4, 30), CivilDay(2024, 5, 1)));
  EXPECT_FALSE(ReopenedOn(std::nullopt, CivilDay(2024, 4, 1)));
}

TEST(CheckOpenRound, TheAssessorOfTheDayOrHrWithACloseDate) {
  const Official assessor = MakeOfficial(kAssessorNip, "Kabid");
  const CivilDay day(2024, 5, 1);
  absl::StatusOr<std::string> by =
      CheckOpenRound(Actor{"kabid", kAssessorNip, false}, assessor, kEmployeeNip, day, day + 14);
  ASSERT_TRUE(by.ok()) << by.status();
  EXPECT_EQ(*by, "kabid");
  EXPECT_TRUE(CheckOpenRound(Actor{"hr", "", true}, assessor, kEmployeeNip, day, day).ok());
  EXPECT_TRUE(CheckOpenRound(Actor{"hr", "", true}, MakeNonAsnHead(), kEmployeeNip, day, day).ok());
  EXPECT_TRUE(IsRule(
      CheckOpenRound(Actor{"p", kPeerNip, false}, assessor, kEmployeeNip, day, day + 1).status(),
      "NOT_ASSESSOR_OF_THE_DAY"));
  EXPECT_TRUE(IsRule(
      CheckOpenRound(Actor{"e", kEmployeeNip, true}, assessor, kEmployeeNip, day, day + 1).status(),
      "OWN_ASSESSMENT"));
  EXPECT_TRUE(IsInvalid(
      CheckOpenRound(Actor{"hr", "", true}, assessor, kEmployeeNip, day, day - 1).status(),
      "close_date"));
  EXPECT_TRUE(IsInvalid(
      CheckOpenRound(Actor{"hr", "", true}, assessor, kEmployeeNip, day, day + 367).status(),
      "close_date"));
}

TEST(InviteRaters, PeersAndSubordinatesOnceWithoutTheRatedEmployee) {
  absl::StatusOr<std::vector<Invitation>> raters = InviteRaters(
      kEmployeeNip, {{kPeerNip, "p"}, {kEmployeeNip, "self"}, {"", "nonasn"}, {"B", "b"}},
      {{"B", "b"}, {"A", "a"}});
  ASSERT_TRUE(raters.ok()) << raters.status();
  ASSERT_EQ(raters->size(), 3u);
  // Sorted by NIP (digits before letters).
  EXPECT_EQ((*raters)[0], (Invitation{kPeerNip, "p", RaterRelation::kPeer}));
  EXPECT_EQ((*raters)[1], (Invitation{"A", "a", RaterRelation::kSubordinate}));
  EXPECT_EQ((*raters)[2], (Invitation{"B", "b", RaterRelation::kSubordinate}));
  EXPECT_TRUE(
      IsRule(InviteRaters(kEmployeeNip, {{kEmployeeNip, "self"}}, {}).status(), "NO_RATERS"));
}

TEST(CheckRoundDate, AnswersUntilTheCloseDateInclusive) {
  EXPECT_TRUE(CheckRoundDate(CivilDay(2024, 5, 10), CivilDay(2024, 5, 10)).ok());
  EXPECT_TRUE(IsRule(CheckRoundDate(CivilDay(2024, 5, 10), CivilDay(2024, 5, 11)), "ROUND_CLOSED"));
}

}  // namespace
}  // namespace kinerja::review
