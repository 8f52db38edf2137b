// Rules for delegated assessors and regional heads (their effect on reporting lines is tested
// in reporting_line_test.cc).
#include "services/employee/domain/delegation.h"

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "services/employee/domain/regional_head.h"
#include "shared/errors/errors.h"

namespace kinerja::employee {
namespace {

std::string Reason(const absl::Status& status) { return errors::ReasonOf(status).value_or(""); }

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

AssessmentDelegation NewDelegation() {
  AssessmentDelegation d;
  d.unit_id = "bidang";
  d.delegate_employee_id = "koordinator";
  d.start_date = Day(2024, 3, 1);
  d.end_date = Day(2024, 6, 30);
  d.basis = "SK 800/1/2024";
  return d;
}

DelegationFacts Facts() {
  return DelegationFacts{.unit_agency_id = "kota",
                         .unit_end_date = std::nullopt,
                         .delegate_exists = true,
                         .delegate_agencies_on_start = {"kota"},
                         .unit_delegations = {}};
}

TEST(ValidateNewDelegation, NamesTheField) {
  AssessmentDelegation d = NewDelegation();
  EXPECT_TRUE(ValidateNewDelegation(d).ok());
  d.end_date = Day(2024, 2, 29);
  absl::Status s = ValidateNewDelegation(d);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(s.message(), "end_date: ")) << s;
  d = NewDelegation();
  d.delegate_employee_id.clear();
  EXPECT_TRUE(absl::StartsWith(ValidateNewDelegation(d).message(), "delegate_employee_id: "));
  d = NewDelegation();
  d.end_date = Day(2024, 3, 1);  // a single day is a range
  EXPECT_TRUE(ValidateNewDelegation(d).ok());
}

TEST(PlaceDelegation, TakesTheUnitsAgency) {
  AssessmentDelegation d = NewDelegation();
  ASSERT_TRUE(PlaceDelegation(d, Facts()).ok());
  EXPECT_EQ(d.agency_id, "kota");
}

TEST(PlaceDelegation, TheDelegateIsPlacedInTheAgencyOnTheStartDate) {
  DelegationFacts facts = Facts();
  facts.delegate_agencies_on_start = {"provinsi"};
  AssessmentDelegation d = NewDelegation();
  EXPECT_EQ(Reason(PlaceDelegation(d, facts)), "DELEGATE_NOT_IN_AGENCY");
  facts.delegate_agencies_on_start = {};
  EXPECT_EQ(Reason(PlaceDelegation(d, facts)), "DELEGATE_NOT_IN_AGENCY");
  facts.delegate_exists = false;
  EXPECT_EQ(Reason(PlaceDelegation(d, facts)), "REFERENCE_NOT_FOUND");
  EXPECT_TRUE(d.agency_id.empty());
}

TEST(PlaceDelegation, UnitMustExistInTheAgencyAndBeOpen) {
  AssessmentDelegation d = NewDelegation();
  DelegationFacts facts = Facts();
  facts.unit_agency_id.reset();
  EXPECT_EQ(Reason(PlaceDelegation(d, facts)), "REFERENCE_NOT_FOUND");
  facts = Facts();
  d.agency_id = "other";
  EXPECT_EQ(Reason(PlaceDelegation(d, facts)), "DIFFERENT_AGENCY");
  d.agency_id.clear();
  facts.unit_end_date = Day(2024, 3, 1);  // abolished from the start day
  EXPECT_EQ(Reason(PlaceDelegation(d, facts)), "UNIT_ABOLISHED");
  facts.unit_end_date = Day(2024, 3, 2);
  EXPECT_TRUE(PlaceDelegation(d, facts).ok());
}

TEST(PlaceDelegation, NoTwoDelegationsOfAUnitShareADay) {
  AssessmentDelegation d = NewDelegation();  // 2024-03-01..2024-06-30
  DelegationFacts facts = Facts();
  facts.unit_delegations = {{"old", Day(2024, 1, 1), Day(2024, 2, 29)}};
  EXPECT_TRUE(PlaceDelegation(d, facts).ok());
  facts.unit_delegations = {{"old", Day(2024, 1, 1), Day(2024, 3, 1)}};
  EXPECT_EQ(Reason(PlaceDelegation(d, facts)), "DELEGATION_OVERLAPS");
  facts.unit_delegations = {{"later", Day(2024, 6, 30), std::nullopt}};
  EXPECT_EQ(Reason(PlaceDelegation(d, facts)), "DELEGATION_OVERLAPS");
  facts.unit_delegations = {{"later", Day(2024, 7, 1), std::nullopt}};
  EXPECT_TRUE(PlaceDelegation(d, facts).ok());
  d.end_date.reset();  // open-ended reaches every later one
  EXPECT_EQ(Reason(PlaceDelegation(d, facts)), "DELEGATION_OVERLAPS");
}

TEST(ApplyDelegationEnd, EndsEarlierOnly) {
  AssessmentDelegation d = NewDelegation();
  d.id = "del-1";
  d.end_date.reset();
  auto changed = ApplyDelegationEnd(d, Day(2024, 12, 31));
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_TRUE(*changed);
  changed = ApplyDelegationEnd(d, Day(2024, 12, 31));
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(*changed);
  EXPECT_EQ(Reason(ApplyDelegationEnd(d, Day(2025, 1, 1)).status()), "DELEGATION_ALREADY_ENDED");
  EXPECT_EQ(ApplyDelegationEnd(d, Day(2024, 2, 29)).status().code(),
            absl::StatusCode::kInvalidArgument);
  changed = ApplyDelegationEnd(d, Day(2024, 3, 1));
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(d.end_date, Day(2024, 3, 1));
}

// --- Regional heads ------------------------------------------------------------------------

RegionalHead Elected() {
  RegionalHead h;
  h.kind = RegionalHeadKind::kElected;
  h.name = "Ir. H. Wali Kota";
  h.unit_id = "root";
  h.term_start = Day(2021, 2, 26);
  h.term_end = Day(2026, 2, 25);
  return h;
}

RegionalHeadFacts HeadFacts() {
  return RegionalHeadFacts{.unit_agency_id = "kota",
                           .unit_is_root = true,
                           .agency_head_title = "Wali Kota",
                           .employee_exists = true,
                           .unit_terms = {}};
}

TEST(RegionalHead, KindNamesRoundTrip) {
  for (RegionalHeadKind kind : {RegionalHeadKind::kElected, RegionalHeadKind::kPj}) {
    EXPECT_EQ(ParseRegionalHeadKind(RegionalHeadKindName(kind)).value(), kind);
  }
  EXPECT_FALSE(ParseRegionalHeadKind("PLT").ok());
}

TEST(RegionalHead, ElectedHasANameAndNoEmployeePjTheOpposite) {
  RegionalHead h = Elected();
  EXPECT_TRUE(ValidateNewRegionalHead(h).ok());
  h.name.clear();
  EXPECT_TRUE(absl::StartsWith(ValidateNewRegionalHead(h).message(), "name: "));
  h = Elected();
  h.employee_id = "e-1";
  EXPECT_TRUE(absl::StartsWith(ValidateNewRegionalHead(h).message(), "employee_id: "));
  h.kind = RegionalHeadKind::kPj;
  h.name.clear();
  EXPECT_TRUE(ValidateNewRegionalHead(h).ok());
  h.employee_id.clear();
  EXPECT_TRUE(absl::StartsWith(ValidateNewRegionalHead(h).message(), "employee_id: "));
  h = Elected();
  h.term_end = Day(2021, 2, 25);
  EXPECT_TRUE(absl::StartsWith(ValidateNewRegionalHead(h).message(), "term_end: "));
}

TEST(RegionalHead, PlacedAtTheAgencysRootWithoutOverlap) {
  RegionalHead h = Elected();
  ASSERT_TRUE(PlaceRegionalHead(h, HeadFacts()).ok());
  EXPECT_EQ(h.agency_id, "kota");
  EXPECT_EQ(h.title, "Wali Kota");
  RegionalHeadFacts facts = HeadFacts();
  facts.unit_is_root = false;
  EXPECT_EQ(Reason(PlaceRegionalHead(h, facts)), "NOT_A_ROOT_UNIT");
  facts = HeadFacts();
  facts.unit_terms = {{"pj", Day(2026, 2, 25), std::nullopt}};
  h = Elected();
  EXPECT_EQ(Reason(PlaceRegionalHead(h, facts)), "TERM_OVERLAPS");
  facts.unit_terms = {{"pj", Day(2026, 2, 26), std::nullopt}};
  EXPECT_TRUE(PlaceRegionalHead(h, facts).ok());
  h = Elected();
  h.kind = RegionalHeadKind::kPj;
  h.name.clear();
  h.employee_id = "e-1";
  facts = HeadFacts();
  facts.employee_exists = false;
  EXPECT_EQ(Reason(PlaceRegionalHead(h, facts)), "REFERENCE_NOT_FOUND");
}

TEST(RegionalHead, UpdateEndsTheTermOrCorrectsTheName) {
  RegionalHead h = Elected();
  h.id = "head-1";
  auto changed = ApplyRegionalHeadUpdate(h, {.name = "Ir. H. Wali Kota, M.T."}, {});
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_TRUE(*changed);
  changed = ApplyRegionalHeadUpdate(h, {.term_end = Day(2024, 9, 23)}, {});
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_EQ(h.term_end, Day(2024, 9, 23));
  // Reopening it would reach the Pj's term.
  std::vector<TermSpan> terms = {{"head-2", Day(2024, 9, 24), std::nullopt}};
  EXPECT_EQ(Reason(ApplyRegionalHeadUpdate(h, {.term_end = std::optional<absl::CivilDay>()}, terms)
                       .status()),
            "TERM_OVERLAPS");
  EXPECT_EQ(h.term_end, Day(2024, 9, 23));
  h.kind = RegionalHeadKind::kPj;
  EXPECT_EQ(ApplyRegionalHeadUpdate(h, {.name = "x"}, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kinerja::employee
