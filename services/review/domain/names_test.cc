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
  EXPECT_TRUE(IsInvalid(ParseCadence("monthly", "cadence").status(), "cadence"));
  EXPECT_TRUE(IsInvalid(ParseCoreValue("KOMPETEN", "value").status(), "value"));
  EXPECT_EQ(CoreValueName(static_cast<CoreValue>(9)), "");
}

TEST(Names, IndonesianLabels) {
  EXPECT_EQ(CadenceLabel(Cadence::kMonthly), "Bulanan");
  EXPECT_EQ(CoreValueLabel(CoreValue::kServiceOriented), "Berorientasi Pelayanan");
  EXPECT_EQ(CoreValueLabel(CoreValue::kCollaborative), "Kolaboratif");
}

}  // namespace
}  // namespace kinerja::review
