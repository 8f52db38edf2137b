#include "services/goals/domain/names.h"

#include <gtest/gtest.h>

#include <string>

#include "services/goals/domain/test_util.h"

namespace kinerja::goals {
namespace {

using test_util::IsInvalid;

// Every value's name parses back to the value.
template <typename Enum, typename NameFn, typename ParseFn>
void ExpectRoundTrip(std::initializer_list<Enum> values, NameFn name, ParseFn parse) {
  for (Enum v : values) {
    auto parsed = parse(name(v), "f");
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(*parsed, v) << name(v);
  }
}

TEST(Names, StableNames) {
  EXPECT_EQ(CadenceName(Cadence::kMonthly), "MONTHLY");
  EXPECT_EQ(CadenceName(Cadence::kQuarterly), "QUARTERLY");
  EXPECT_EQ(PeriodStateName(PeriodState::kOpen), "OPEN");
  EXPECT_EQ(PeriodStateName(PeriodState::kClosed), "CLOSED");
  EXPECT_EQ(PeriodStateName(PeriodState::kLocked), "LOCKED");
  EXPECT_EQ(PlanStateName(PlanState::kDraft), "DRAFT");
  EXPECT_EQ(PlanStateName(PlanState::kSubmitted), "SUBMITTED");
  EXPECT_EQ(PlanStateName(PlanState::kApproved), "APPROVED");
  EXPECT_EQ(PlanStateName(PlanState::kReturned), "RETURNED");
  EXPECT_EQ(PlanStateName(PlanState::kClosed), "CLOSED");
  EXPECT_EQ(PlanStyleName(PlanStyle::kQuantitative), "QUANTITATIVE");
  EXPECT_EQ(PlanStyleName(PlanStyle::kQualitative), "QUALITATIVE");
  EXPECT_EQ(ResultKindName(ResultKind::kMain), "MAIN");
  EXPECT_EQ(ResultKindName(ResultKind::kAdditional), "ADDITIONAL");
  EXPECT_EQ(PerspectiveName(Perspective::kNone), "");
  EXPECT_EQ(PerspectiveName(Perspective::kServiceRecipients), "SERVICE_RECIPIENTS");
  EXPECT_EQ(PerspectiveName(Perspective::kBusinessProcess), "BUSINESS_PROCESS");
  EXPECT_EQ(PerspectiveName(Perspective::kInternalStrengthening), "INTERNAL_STRENGTHENING");
  EXPECT_EQ(PerspectiveName(Perspective::kBudget), "BUDGET");
  EXPECT_EQ(AspectName(Aspect::kQuantity), "QUANTITY");
  EXPECT_EQ(AspectName(Aspect::kQuality), "QUALITY");
  EXPECT_EQ(AspectName(Aspect::kTime), "TIME");
  EXPECT_EQ(AspectName(Aspect::kCost), "COST");
  EXPECT_EQ(CascadeTypeName(CascadeType::kNone), "");
  EXPECT_EQ(CascadeTypeName(CascadeType::kDirect), "DIRECT");
  EXPECT_EQ(CascadeTypeName(CascadeType::kIndirect), "INDIRECT");
  EXPECT_EQ(CoreValueName(CoreValue::kServiceOriented), "SERVICE_ORIENTED");
  EXPECT_EQ(CoreValueName(CoreValue::kAccountable), "ACCOUNTABLE");
  EXPECT_EQ(CoreValueName(CoreValue::kCompetent), "COMPETENT");
  EXPECT_EQ(CoreValueName(CoreValue::kHarmonious), "HARMONIOUS");
  EXPECT_EQ(CoreValueName(CoreValue::kLoyal), "LOYAL");
  EXPECT_EQ(CoreValueName(CoreValue::kAdaptive), "ADAPTIVE");
  EXPECT_EQ(CoreValueName(CoreValue::kCollaborative), "COLLABORATIVE");
}

TEST(Names, ParseRoundTrips) {
  ExpectRoundTrip({Cadence::kMonthly, Cadence::kQuarterly}, CadenceName, ParseCadence);
  ExpectRoundTrip({PeriodState::kOpen, PeriodState::kClosed, PeriodState::kLocked}, PeriodStateName,
                  ParsePeriodState);
  ExpectRoundTrip({PlanState::kDraft, PlanState::kSubmitted, PlanState::kApproved,
                   PlanState::kReturned, PlanState::kClosed},
                  PlanStateName, ParsePlanState);
  ExpectRoundTrip({PlanStyle::kQuantitative, PlanStyle::kQualitative}, PlanStyleName,
                  ParsePlanStyle);
  ExpectRoundTrip({ResultKind::kMain, ResultKind::kAdditional}, ResultKindName, ParseResultKind);
  ExpectRoundTrip(
      {Perspective::kNone, Perspective::kServiceRecipients, Perspective::kBusinessProcess,
       Perspective::kInternalStrengthening, Perspective::kBudget},
      PerspectiveName, ParsePerspective);
  ExpectRoundTrip({Aspect::kQuantity, Aspect::kQuality, Aspect::kTime, Aspect::kCost}, AspectName,
                  ParseAspect);
  ExpectRoundTrip({CascadeType::kNone, CascadeType::kDirect, CascadeType::kIndirect},
                  CascadeTypeName, ParseCascadeType);
  ExpectRoundTrip(
      {CoreValue::kServiceOriented, CoreValue::kAccountable, CoreValue::kCompetent,
       CoreValue::kHarmonious, CoreValue::kLoyal, CoreValue::kAdaptive, CoreValue::kCollaborative},
      CoreValueName, ParseCoreValue);
  ExpectRoundTrip(
      {DecisionCapacity::kDefinitive, DecisionCapacity::kPlt, DecisionCapacity::kPlh,
       DecisionCapacity::kDelegated, DecisionCapacity::kPj, DecisionCapacity::kHrForNonAsn},
      DecisionCapacityName, ParseDecisionCapacity);
  ExpectRoundTrip({DecisionAction::kApprove, DecisionAction::kReturn}, DecisionActionName,
                  ParseDecisionAction);
}

TEST(Names, ParseAcceptsExactNamesOnly) {
  // Case, whitespace and labels are not names.
  EXPECT_TRUE(IsInvalid(ParseCadence("monthly", "period.cadence").status(), "period.cadence"));
  EXPECT_TRUE(IsInvalid(ParsePlanState(" DRAFT", "state").status(), "state"));
  EXPECT_TRUE(IsInvalid(ParseAspect("Kualitas", "aspect").status(), "aspect"));
  EXPECT_TRUE(IsInvalid(ParseCoreValue("", "value").status(), "value"));
  EXPECT_TRUE(IsInvalid(ParseResultKind("UTAMA", "kind").status(), "kind"));
  EXPECT_TRUE(IsInvalid(ParsePlanStyle("QUANT", "style").status(), "style"));
  EXPECT_TRUE(IsInvalid(ParsePeriodState("OPENED", "state").status(), "state"));
  EXPECT_TRUE(IsInvalid(ParsePerspective("NONE", "perspective").status(), "perspective"));
  EXPECT_TRUE(IsInvalid(ParseCascadeType("LANGSUNG", "cascade_type").status(), "cascade_type"));
}

TEST(Names, ParseErrorNamesFieldFirstAndListsChoices) {
  absl::Status status = ParseCadence("WEEKLY", "period.cadence").status();
  EXPECT_EQ(std::string(status.message()),
            "period.cadence: unknown value 'WEEKLY'; expected one of 'MONTHLY', 'QUARTERLY'");
}

TEST(Names, IndonesianLabels) {
  EXPECT_EQ(AspectLabel(Aspect::kQuantity), "Kuantitas");
  EXPECT_EQ(AspectLabel(Aspect::kQuality), "Kualitas");
  EXPECT_EQ(AspectLabel(Aspect::kTime), "Waktu");
  EXPECT_EQ(AspectLabel(Aspect::kCost), "Biaya");
  EXPECT_EQ(CoreValueLabel(CoreValue::kServiceOriented), "Berorientasi Pelayanan");
  EXPECT_EQ(CoreValueLabel(CoreValue::kAccountable), "Akuntabel");
  EXPECT_EQ(CoreValueLabel(CoreValue::kCompetent), "Kompeten");
  EXPECT_EQ(CoreValueLabel(CoreValue::kHarmonious), "Harmonis");
  EXPECT_EQ(CoreValueLabel(CoreValue::kLoyal), "Loyal");
  EXPECT_EQ(CoreValueLabel(CoreValue::kAdaptive), "Adaptif");
  EXPECT_EQ(CoreValueLabel(CoreValue::kCollaborative), "Kolaboratif");
  EXPECT_EQ(ResultKindLabel(ResultKind::kMain), "Utama");
  EXPECT_EQ(ResultKindLabel(ResultKind::kAdditional), "Tambahan");
}

TEST(Names, UnknownEnumValueHasNoName) {
  EXPECT_EQ(PlanStateName(static_cast<PlanState>(99)), "");
  EXPECT_EQ(AspectLabel(static_cast<Aspect>(-1)), "");
}

TEST(PositionType, JptTypes) {
  EXPECT_TRUE(IsJptPositionType("JPT_UTAMA"));
  EXPECT_TRUE(IsJptPositionType("JPT_MADYA"));
  EXPECT_TRUE(IsJptPositionType("JPT_PRATAMA"));
  EXPECT_FALSE(IsJptPositionType("ADMINISTRATOR"));
  EXPECT_FALSE(IsJptPositionType("PENGAWAS"));
  EXPECT_FALSE(IsJptPositionType("PELAKSANA"));
  EXPECT_FALSE(IsJptPositionType("FUNGSIONAL"));
  EXPECT_FALSE(IsJptPositionType("jpt_pratama"));
  EXPECT_FALSE(IsJptPositionType(""));
}

}  // namespace
}  // namespace kinerja::goals
