#include "services/review/domain/names.h"

#include <gtest/gtest.h>

#include <initializer_list>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using test_util::IsInvalid;

// Every value's name parses back to the value, and names are distinct and non-empty.
template <typename Enum, typename NameFn, typename ParseFn>
void ExpectRoundTrip(std::initializer_list<Enum> values, NameFn name, ParseFn parse) {
  for (Enum v : values) {
    EXPECT_FALSE(name(v).empty());
    auto parsed = parse(name(v), "f");
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(*parsed, v) << name(v);
  }
}

TEST(Names, StableNames) {
  EXPECT_EQ(RatingName(Rating::kAbove), "ABOVE");
  EXPECT_EQ(RatingName(Rating::kAsExpected), "AS_EXPECTED");
  EXPECT_EQ(RatingName(Rating::kBelow), "BELOW");
  EXPECT_EQ(PredicateName(Predicate::kSangatBaik), "SANGAT_BAIK");
  EXPECT_EQ(PredicateName(Predicate::kKurang), "KURANG");
  EXPECT_EQ(PredicateName(Predicate::kSangatKurang), "SANGAT_KURANG");
  EXPECT_EQ(OrgPredicateName(OrgPredicate::kIstimewa), "ISTIMEWA");
  EXPECT_EQ(OrgPredicateName(OrgPredicate::kButuhPerbaikan), "BUTUH_PERBAIKAN");
  EXPECT_EQ(CadenceName(Cadence::kQuarterly), "QUARTERLY");
  EXPECT_EQ(AssessmentKindName(AssessmentKind::kPeriodic), "PERIODIC");
  EXPECT_EQ(AssessmentKindName(AssessmentKind::kAnnual), "ANNUAL");
  EXPECT_EQ(AssessmentStateName(AssessmentState::kFinalised), "FINALISED");
  EXPECT_EQ(CapacityName(Capacity::kHrForNonAsn), "HR_FOR_NON_ASN");
  EXPECT_EQ(CoreValueName(CoreValue::kServiceOriented), "SERVICE_ORIENTED");
  EXPECT_EQ(CoreValueName(CoreValue::kCollaborative), "COLLABORATIVE");
  EXPECT_EQ(ObjectionStateName(ObjectionState::kDecided), "DECIDED");
  EXPECT_EQ(RoundStateName(RoundState::kClosed), "CLOSED");
  EXPECT_EQ(RaterRelationName(RaterRelation::kSubordinate), "SUBORDINATE");
  EXPECT_EQ(NoteAuthorRoleName(NoteAuthorRole::kAssessor), "ASSESSOR");
}

TEST(Names, RoundTrip) {
  ExpectRoundTrip({Rating::kAbove, Rating::kAsExpected, Rating::kBelow}, RatingName, ParseRating);
  ExpectRoundTrip({Predicate::kSangatBaik, Predicate::kBaik, Predicate::kButuhPerbaikan,
                   Predicate::kKurang, Predicate::kSangatKurang},
                  PredicateName, ParsePredicate);
  ExpectRoundTrip({OrgPredicate::kIstimewa, OrgPredicate::kBaik, OrgPredicate::kButuhPerbaikan,
                   OrgPredicate::kKurang, OrgPredicate::kSangatKurang},
                  OrgPredicateName, ParseOrgPredicate);
  ExpectRoundTrip({Cadence::kMonthly, Cadence::kQuarterly}, CadenceName, ParseCadence);
  ExpectRoundTrip({AssessmentKind::kPeriodic, AssessmentKind::kAnnual}, AssessmentKindName,
                  ParseAssessmentKind);
  ExpectRoundTrip({AssessmentState::kDraft, AssessmentState::kFinalised}, AssessmentStateName,
                  ParseAssessmentState);
  ExpectRoundTrip({Capacity::kDefinitive, Capacity::kPlt, Capacity::kPlh, Capacity::kDelegated,
                   Capacity::kPj, Capacity::kHrForNonAsn},
                  CapacityName, ParseCapacity);
  ExpectRoundTrip(
      {CoreValue::kServiceOriented, CoreValue::kAccountable, CoreValue::kCompetent,
       CoreValue::kHarmonious, CoreValue::kLoyal, CoreValue::kAdaptive, CoreValue::kCollaborative},
      CoreValueName, ParseCoreValue);
  ExpectRoundTrip({ObjectionState::kOpen, ObjectionState::kDecided}, ObjectionStateName,
                  ParseObjectionState);
  ExpectRoundTrip({RoundState::kOpen, RoundState::kClosed}, RoundStateName, ParseRoundState);
  ExpectRoundTrip({RaterRelation::kPeer, RaterRelation::kSubordinate}, RaterRelationName,
                  ParseRaterRelation);
  ExpectRoundTrip({NoteAuthorRole::kEmployee, NoteAuthorRole::kAssessor}, NoteAuthorRoleName,
                  ParseNoteAuthorRole);
}

TEST(Names, UnknownNamesNameTheField) {
  EXPECT_TRUE(IsInvalid(ParseRating("above", "results_rating").status(), "results_rating"));
  EXPECT_TRUE(IsInvalid(ParsePredicate("", "predicate").status(), "predicate"));
  EXPECT_TRUE(IsInvalid(ParseOrgPredicate("SANGAT_BAIK", "org").status(), "org"));
  EXPECT_TRUE(IsInvalid(ParseCoreValue("KOMPETEN", "value").status(), "value"));
  EXPECT_EQ(RatingName(static_cast<Rating>(9)), "");
}

TEST(Names, IndonesianLabels) {
  EXPECT_EQ(PredicateLabel(Predicate::kSangatBaik), "Sangat Baik");
  EXPECT_EQ(PredicateLabel(Predicate::kBaik), "Baik");
  EXPECT_EQ(PredicateLabel(Predicate::kButuhPerbaikan), "Butuh Perbaikan");
  EXPECT_EQ(PredicateLabel(Predicate::kKurang), "Kurang/Misconduct");
  EXPECT_EQ(PredicateLabel(Predicate::kSangatKurang), "Sangat Kurang");
  EXPECT_EQ(OrgPredicateLabel(OrgPredicate::kIstimewa), "Istimewa");
  EXPECT_EQ(OrgPredicateLabel(OrgPredicate::kKurang), "Kurang");
  EXPECT_EQ(RatingLabel(Rating::kAbove), "Di Atas Ekspektasi");
  EXPECT_EQ(RatingLabel(Rating::kAsExpected), "Sesuai Ekspektasi");
  EXPECT_EQ(RatingLabel(Rating::kBelow), "Di Bawah Ekspektasi");
  EXPECT_EQ(CadenceLabel(Cadence::kMonthly), "Bulanan");
  EXPECT_EQ(CoreValueLabel(CoreValue::kServiceOriented), "Berorientasi Pelayanan");
  EXPECT_EQ(CoreValueLabel(CoreValue::kCollaborative), "Kolaboratif");
}

}  // namespace
}  // namespace kinerja::review
