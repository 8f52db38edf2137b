#include "services/review/domain/assessment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using test_util::IsInvalid;
using test_util::IsRule;
using test_util::kAssessorNip;
using test_util::MakeAssessment;
using test_util::MakeOfficial;

ActingOfficial Rater(Capacity capacity = Capacity::kDefinitive) {
  ActingOfficial a;
  a.official = MakeOfficial(kAssessorNip, "Budi");
  a.capacity = capacity;
  a.recorded_by = "sub-budi";
  return a;
}

OrgFacts Org(std::optional<OrgPredicate> predicate) {
  OrgFacts org;
  org.unit_org_predicate = predicate;
  return org;
}

RatingInput Rate(std::optional<Rating> results, std::optional<Rating> behaviour) {
  return RatingInput{results, behaviour, "catatan", {}};
}

// A rated draft with these ratings.
Assessment Rated(Rating results, Rating behaviour, bool unit_head = false,
                 OrgPredicate org = OrgPredicate::kBaik) {
  Assessment a = MakeAssessment();
  a.unit_head = unit_head;
  EXPECT_TRUE(ApplyRating(a, Rate(results, behaviour), Rater(), Org(org)).ok());
  return a;
}

// Finalising in a unit of 10 under `org` where the others already have `others`.
FinaliseFacts Facts(OrgPredicate org, PredicateCounts others, int staff = 10,
                    DistributionEnforcement enforcement = DistributionEnforcement::kBlock) {
  FinaliseFacts f;
  f.org = Org(org);
  f.distribution_policy.enforcement = enforcement;
  f.unit_finalised = others;
  f.unit_staff = staff;
  f.now = absl::FromUnixSeconds(1711900000);
  return f;
}

PredicateCounts Counts(int sb, int b, int bp, int k, int sk) {
  PredicateCounts c;
  c.counts = {sb, b, bp, k, sk};
  return c;
}

TEST(ApplyRating, SetsRatingsDerivedPredicateAndAssessorOfTheDay) {
  Assessment a = MakeAssessment();
  ASSERT_TRUE(
      ApplyRating(a, Rate(Rating::kAbove, Rating::kBelow), Rater(Capacity::kPlh), Org({})).ok());
  EXPECT_EQ(a.results_rating, Rating::kAbove);
  EXPECT_EQ(a.behaviour_rating, Rating::kBelow);
  EXPECT_EQ(a.predicate, Predicate::kKurang);
  EXPECT_EQ(a.notes, "catatan");
  ASSERT_TRUE(a.assessor.has_value());
  EXPECT_EQ(a.assessor->nip, kAssessorNip);
  EXPECT_EQ(a.assessor->capacity, Capacity::kPlh);
  EXPECT_EQ(a.recorded_by, "sub-budi");
  EXPECT_EQ(a.state, AssessmentState::kDraft);
  // A draft can be re-rated.
  ASSERT_TRUE(ApplyRating(a, Rate(Rating::kAbove, Rating::kAbove), Rater(), Org({})).ok());
  EXPECT_EQ(a.predicate, Predicate::kSangatBaik);
}

TEST(ApplyRating, BadInputNamesFieldsAndChangesNothing) {
  Assessment a = MakeAssessment();
  absl::Status st = ApplyRating(a, Rate({}, {}), Rater(), Org({}));
  EXPECT_TRUE(IsInvalid(st, "results_rating"));
  EXPECT_TRUE(IsInvalid(st, "behaviour_rating"));
  RatingInput long_notes = Rate(Rating::kAbove, Rating::kAbove);
  long_notes.notes.assign(kMaxNotesBytes + 1, 'x');
  EXPECT_TRUE(IsInvalid(ApplyRating(a, long_notes, Rater(), Org({})), "notes"));
  long_notes.notes.assign(kMaxNotesBytes, 'x');
  EXPECT_TRUE(ApplyRating(a, long_notes, Rater(), Org({})).ok());
  Assessment untouched = MakeAssessment();
  EXPECT_FALSE(ApplyRating(untouched, Rate({}, Rating::kAbove), Rater(), Org({})).ok());
  EXPECT_FALSE(untouched.predicate.has_value());
  EXPECT_FALSE(untouched.assessor.has_value());
}

// One core value as the request gives it.
BehaviourValueInput Value(std::optional<CoreValue> value, std::optional<Rating> rating,
                          std::string note = "") {
  return BehaviourValueInput{value, rating, std::move(note)};
}

TEST(ApplyRating, BehaviourValuesAreKeptInTheValuesOrderAndReplacedAsAWhole) {
  Assessment a = MakeAssessment();
  RatingInput input = Rate(Rating::kAsExpected, Rating::kAbove);
  input.behaviour_values = {Value(CoreValue::kCollaborative, Rating::kBelow, "jarang berbagi"),
                            Value(CoreValue::kAccountable, Rating::kAbove)};
  ASSERT_TRUE(ApplyRating(a, input, Rater(), Org({})).ok());
  const std::vector<BehaviourValueRating> expected = {
      {CoreValue::kAccountable, Rating::kAbove, ""},
      {CoreValue::kCollaborative, Rating::kBelow, "jarang berbagi"}};
  EXPECT_EQ(a.behaviour_values, expected);
  // The overall behaviour rating is the assessor's own, not derived from the values.
  EXPECT_EQ(a.behaviour_rating, Rating::kAbove);
  EXPECT_EQ(a.predicate, Predicate::kBaik);

  // Rating again replaces the list as a whole; an empty list leaves none.
  input.behaviour_values = {Value(CoreValue::kLoyal, Rating::kAsExpected)};
  ASSERT_TRUE(ApplyRating(a, input, Rater(), Org({})).ok());
  EXPECT_EQ(a.behaviour_values,
            (std::vector<BehaviourValueRating>{{CoreValue::kLoyal, Rating::kAsExpected, ""}}));
  input.behaviour_values.clear();
  ASSERT_TRUE(ApplyRating(a, input, Rater(), Org({})).ok());
  EXPECT_TRUE(a.behaviour_values.empty());

  // All seven, each once.
  for (int v = 0; v < kCoreValueCount; ++v) {
    input.behaviour_values.push_back(Value(static_cast<CoreValue>(v), Rating::kBelow));
  }
  ASSERT_TRUE(ApplyRating(a, input, Rater(), Org({})).ok());
  EXPECT_EQ(a.behaviour_values.size(), static_cast<size_t>(kCoreValueCount));
}

TEST(ApplyRating, BadBehaviourValuesNameTheEntryAndChangeNothing) {
  Assessment a = MakeAssessment();
  RatingInput first = Rate(Rating::kAsExpected, Rating::kAsExpected);
  first.behaviour_values = {Value(CoreValue::kAdaptive, Rating::kAbove)};
  ASSERT_TRUE(ApplyRating(a, first, Rater(), Org({})).ok());
  const Assessment before = a;

  RatingInput input = Rate(Rating::kBelow, Rating::kBelow);
  input.behaviour_values = {
      Value(CoreValue::kHarmonious, Rating::kBelow),
      Value(std::nullopt, Rating::kBelow),
      Value(CoreValue::kHarmonious, Rating::kAbove),
      Value(CoreValue::kCompetent, std::nullopt),
      Value(CoreValue::kLoyal, Rating::kAbove, std::string(kMaxValueNoteBytes + 1, 'x')),
      Value(static_cast<CoreValue>(kCoreValueCount), Rating::kAbove)};
  absl::Status st = ApplyRating(a, input, Rater(), Org({}));
  EXPECT_EQ(test_util::Fields(st),
            (std::vector<std::string>{"behaviour_values[1].value", "behaviour_values[2].value",
                                      "behaviour_values[3].rating", "behaviour_values[4].note",
                                      "behaviour_values[5].value"}));
  EXPECT_THAT(std::string(st.message()), ::testing::HasSubstr("behaviour_values[1].value"));
  const auto violations = errors::ViolationsOf(st);
  ASSERT_EQ(violations.size(), 5u);
  EXPECT_EQ(violations[1].description, "HARMONIOUS is already rated at behaviour_values[0]");
  EXPECT_EQ(a.behaviour_values, before.behaviour_values);
  EXPECT_EQ(a.results_rating, before.results_rating);
  EXPECT_EQ(a.predicate, before.predicate);

  // A note of exactly 2000 bytes is accepted.
  input.behaviour_values = {
      Value(CoreValue::kLoyal, Rating::kAbove, std::string(kMaxValueNoteBytes, 'x'))};
  EXPECT_TRUE(ApplyRating(a, input, Rater(), Org({})).ok());
}

TEST(ApplyRating, UnitHeadResultsFollowTheOrganisationPredicate) {
  struct Case {
    OrgPredicate org;
    Rating fixed;
  };
  const std::vector<Case> cases = {{OrgPredicate::kIstimewa, Rating::kAbove},
                                   {OrgPredicate::kBaik, Rating::kAsExpected},
                                   {OrgPredicate::kButuhPerbaikan, Rating::kBelow},
                                   {OrgPredicate::kKurang, Rating::kBelow},
                                   {OrgPredicate::kSangatKurang, Rating::kBelow}};
  for (const Case& c : cases) {
    Assessment head = MakeAssessment();
    head.unit_head = true;
    ASSERT_TRUE(ApplyRating(head, Rate({}, Rating::kAbove), Rater(), Org(c.org)).ok());
    EXPECT_EQ(head.results_rating, c.fixed);
    EXPECT_TRUE(ApplyRating(head, Rate(c.fixed, Rating::kAbove), Rater(), Org(c.org)).ok());
    const Rating other = c.fixed == Rating::kAbove ? Rating::kBelow : Rating::kAbove;
    EXPECT_TRUE(IsRule(ApplyRating(head, Rate(other, Rating::kAbove), Rater(), Org(c.org)),
                       "UNIT_HEAD_RESULTS_FIXED"));
  }
  Assessment head = MakeAssessment();
  head.unit_head = true;
  EXPECT_TRUE(IsRule(ApplyRating(head, Rate({}, Rating::kAbove), Rater(), Org({})),
                     "ORG_PREDICATE_MISSING"));
}

TEST(ApplyFinalise, FinalisesWithinTheBands) {
  Assessment a = Rated(Rating::kAbove, Rating::kAbove);
  ActingOfficial plt = Rater(Capacity::kPlt);
  auto outcome =
      ApplyFinalise(a, plt, Facts(OrgPredicate::kIstimewa, Counts(6, 0, 0, 0, 0)));  // 7/10 SB
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_TRUE(outcome->violations.empty());
  EXPECT_EQ(a.state, AssessmentState::kFinalised);
  EXPECT_EQ(a.predicate, Predicate::kSangatBaik);
  EXPECT_EQ(a.assessor->capacity, Capacity::kPlt);
  ASSERT_TRUE(a.finalise_time.has_value());
  EXPECT_EQ(*a.finalise_time, absl::FromUnixSeconds(1711900000));
  EXPECT_TRUE(a.distribution_justification.empty());
}

TEST(ApplyFinalise, RefusalsInOrder) {
  Assessment draft = MakeAssessment();
  EXPECT_TRUE(IsRule(ApplyFinalise(draft, Rater(), Facts(OrgPredicate::kBaik, {})).status(),
                     "ASSESSMENT_NOT_RATED"));
  Assessment a = Rated(Rating::kAsExpected, Rating::kAsExpected);
  FinaliseFacts missing = Facts(OrgPredicate::kBaik, Counts(0, 0, 1, 0, 0));
  missing.org.unit_org_predicate.reset();
  EXPECT_TRUE(IsRule(ApplyFinalise(a, Rater(), missing).status(), "ORG_PREDICATE_MISSING"));
  EXPECT_EQ(a.state, AssessmentState::kDraft);
  FinaliseFacts too_long = Facts(OrgPredicate::kBaik, Counts(0, 0, 1, 0, 0));
  too_long.justification.assign(kMaxJustificationBytes + 1, 'x');
  EXPECT_TRUE(IsInvalid(ApplyFinalise(a, Rater(), too_long).status(), "justification"));
  ASSERT_TRUE(ApplyFinalise(a, Rater(), Facts(OrgPredicate::kBaik, Counts(0, 0, 1, 0, 0))).ok());
  EXPECT_TRUE(IsRule(ApplyFinalise(a, Rater(), Facts(OrgPredicate::kBaik, {})).status(),
                     "ASSESSMENT_FINALISED"));
}

TEST(ApplyFinalise, BlockPolicyRefusesTheEighthSangatBaik) {
  Assessment a = Rated(Rating::kAbove, Rating::kAbove);
  auto st = ApplyFinalise(a, Rater(), Facts(OrgPredicate::kIstimewa, Counts(7, 0, 0, 0, 0)));
  EXPECT_TRUE(IsRule(st.status(), "DISTRIBUTION_BLOCKED"));
  EXPECT_NE(st.status().message().find("SANGAT_BAIK_AT_MOST 70%: 80.0% (8 of 10)"),
            std::string::npos)
      << st.status();
  EXPECT_EQ(a.state, AssessmentState::kDraft);
  // A Baik fits.
  Assessment b = Rated(Rating::kAsExpected, Rating::kAsExpected);
  EXPECT_TRUE(
      ApplyFinalise(b, Rater(), Facts(OrgPredicate::kIstimewa, Counts(7, 0, 0, 0, 0))).ok());
}

TEST(ApplyFinalise, WarnPolicyNeedsAJustification) {
  const auto warn = DistributionEnforcement::kWarnWithJustification;
  Assessment a = Rated(Rating::kAbove, Rating::kAbove);
  FinaliseFacts facts = Facts(OrgPredicate::kIstimewa, Counts(7, 0, 0, 0, 0), 10, warn);
  EXPECT_TRUE(IsRule(ApplyFinalise(a, Rater(), facts).status(), "JUSTIFICATION_REQUIRED"));
  facts.justification = "   ";
  EXPECT_TRUE(IsRule(ApplyFinalise(a, Rater(), facts).status(), "JUSTIFICATION_REQUIRED"));
  facts.justification = "Capaian luar biasa: tiga inovasi layanan";
  auto outcome = ApplyFinalise(a, Rater(), facts);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  ASSERT_EQ(outcome->violations.size(), 1u);
  EXPECT_EQ(outcome->violations[0].rule, "SANGAT_BAIK_AT_MOST 70%");
  EXPECT_EQ(a.distribution_justification, facts.justification);
  EXPECT_EQ(a.state, AssessmentState::kFinalised);
}

TEST(ApplyFinalise, JustificationNotKeptWithoutViolation) {
  Assessment a = Rated(Rating::kAsExpected, Rating::kAsExpected);
  FinaliseFacts facts =
      Facts(OrgPredicate::kIstimewa, {}, 10, DistributionEnforcement::kWarnWithJustification);
  facts.justification = "tidak perlu";
  ASSERT_TRUE(ApplyFinalise(a, Rater(), facts).ok());
  EXPECT_TRUE(a.distribution_justification.empty());
}

TEST(ApplyFinalise, LastOfTheUnitUnderBaikNeedsAButuhPerbaikanOrKurang) {
  // 9 of 10 finalised (2 SB, 7 B): the last one as Baik leaves no Butuh Perbaikan or Kurang.
  const PredicateCounts others = Counts(2, 7, 0, 0, 0);
  Assessment baik = Rated(Rating::kAsExpected, Rating::kAsExpected);
  auto st = ApplyFinalise(baik, Rater(), Facts(OrgPredicate::kBaik, others));
  EXPECT_TRUE(IsRule(st.status(), "DISTRIBUTION_BLOCKED"));
  Assessment bp = Rated(Rating::kBelow, Rating::kAsExpected);
  EXPECT_TRUE(ApplyFinalise(bp, Rater(), Facts(OrgPredicate::kBaik, others)).ok());
}

TEST(ApplyFinalise, UnitHeadOutsideTheDistributionButFixedResults) {
  // The head's Sangat Baik is not counted against the unit's bands.
  Assessment head = Rated(Rating::kAbove, Rating::kAbove, true, OrgPredicate::kIstimewa);
  EXPECT_TRUE(
      ApplyFinalise(head, Rater(), Facts(OrgPredicate::kIstimewa, Counts(7, 0, 0, 0, 0))).ok());
  // The organisation predicate changed after rating: re-rate first.
  Assessment stale = Rated(Rating::kAbove, Rating::kAbove, true, OrgPredicate::kIstimewa);
  EXPECT_TRUE(IsRule(ApplyFinalise(stale, Rater(), Facts(OrgPredicate::kBaik, {})).status(),
                     "UNIT_HEAD_RESULTS_FIXED"));
}

TEST(ApplyFinalise, BadUnitStaffIsInvalid) {
  Assessment a = Rated(Rating::kAsExpected, Rating::kAsExpected);
  EXPECT_TRUE(IsInvalid(
      ApplyFinalise(a, Rater(), Facts(OrgPredicate::kIstimewa, Counts(0, 3, 0, 0, 0), 3)).status(),
      "unit_staff"));
}

TEST(FinalisedAssessment, IsImmutable) {
  Assessment a = Rated(Rating::kAsExpected, Rating::kAsExpected);
  ASSERT_TRUE(ApplyFinalise(a, Rater(), Facts(OrgPredicate::kBaik, Counts(0, 0, 1, 0, 0))).ok());
  EXPECT_TRUE(IsRule(CheckMutable(a), "ASSESSMENT_FINALISED"));
  EXPECT_TRUE(IsRule(
      ApplyRating(a, Rate(Rating::kAbove, Rating::kAbove), Rater(), Org(OrgPredicate::kBaik)),
      "ASSESSMENT_FINALISED"));
  EXPECT_EQ(a.results_rating, Rating::kAsExpected);
  EXPECT_TRUE(CheckMutable(MakeAssessment()).ok());
  // Per-value ratings too are set only while a draft.
  RatingInput values = Rate(Rating::kAsExpected, Rating::kAsExpected);
  values.behaviour_values = {Value(CoreValue::kLoyal, Rating::kBelow)};
  EXPECT_TRUE(
      IsRule(ApplyRating(a, values, Rater(), Org(OrgPredicate::kBaik)), "ASSESSMENT_FINALISED"));
  EXPECT_TRUE(a.behaviour_values.empty());
}

TEST(ApplyDelivery, OnceAfterFinalisation) {
  Assessment a = Rated(Rating::kAsExpected, Rating::kAsExpected);
  EXPECT_TRUE(IsRule(ApplyDelivery(a, absl::CivilDay(2024, 4, 2)), "ASSESSMENT_NOT_FINAL"));
  ASSERT_TRUE(ApplyFinalise(a, Rater(), Facts(OrgPredicate::kBaik, Counts(0, 0, 1, 0, 0))).ok());
  ASSERT_TRUE(ApplyDelivery(a, absl::CivilDay(2024, 4, 2)).ok());
  EXPECT_EQ(a.delivered_date, absl::CivilDay(2024, 4, 2));
  EXPECT_TRUE(IsRule(ApplyDelivery(a, absl::CivilDay(2024, 4, 9)), "ASSESSMENT_DELIVERED"));
  EXPECT_EQ(a.delivered_date, absl::CivilDay(2024, 4, 2));
}

TEST(DecideOrgPredicate, FirstAndLockedOnceStaffAreFinal) {
  OrgPredicateInput input;
  input.agency_id = "kota-kupang";
  input.unit_id = "unit-1";
  input.predicate = OrgPredicate::kIstimewa;
  input.note = "Capaian IKU 110%";
  ActingOfficial leader = Rater(Capacity::kPlt);
  auto d = DecideOrgPredicate(input, leader, 0, absl::FromUnixSeconds(5));
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->predicate, OrgPredicate::kIstimewa);
  EXPECT_EQ(d->unit_id, "unit-1");
  EXPECT_EQ(d->decided_by.capacity, Capacity::kPlt);
  EXPECT_EQ(d->recorded_by, "sub-budi");
  EXPECT_EQ(d->decide_time, absl::FromUnixSeconds(5));
  EXPECT_TRUE(
      IsRule(DecideOrgPredicate(input, leader, 1, absl::Now()).status(), "ORG_PREDICATE_LOCKED"));
  input.unit_id = " ";
  EXPECT_TRUE(IsInvalid(DecideOrgPredicate(input, leader, 0, absl::Now()).status(), "unit_id"));
  input.unit_id = "unit-1";
  input.note.assign(kMaxOrgNoteBytes + 1, 'x');
  EXPECT_TRUE(IsInvalid(DecideOrgPredicate(input, leader, 0, absl::Now()).status(), "note"));
}

}  // namespace
}  // namespace kinerja::review
