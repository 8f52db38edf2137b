#include "services/goals/domain/plan_content.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "services/goals/domain/test_util.h"

namespace kinerja::goals {
namespace {

using test_util::Fields;
using test_util::IsInvalid;
using test_util::MakeContent;
using test_util::MakeIndicator;
using test_util::MakeResult;

TEST(NewContent, SevenEmptyCoreValuesInOrder) {
  PlanContent c = NewContent(PlanStyle::kQualitative);
  EXPECT_EQ(c.style, PlanStyle::kQualitative);
  EXPECT_TRUE(c.results.empty());
  ASSERT_EQ(c.behaviours.size(), 7u);
  for (int i = 0; i < kCoreValueCount; ++i) {
    EXPECT_EQ(c.behaviours[i].value, static_cast<CoreValue>(i));
    EXPECT_EQ(c.behaviours[i].expectation, "");
  }
  EXPECT_TRUE(ValidateContent(c, false).ok());
}

TEST(NormaliseBehaviours, CompletesAndOrders) {
  auto out = NormaliseBehaviours(
      {{CoreValue::kCollaborative, "kerja tim"}, {CoreValue::kServiceOriented, "ramah"}});
  ASSERT_TRUE(out.ok()) << out.status();
  ASSERT_EQ(out->size(), 7u);
  for (int i = 0; i < kCoreValueCount; ++i) EXPECT_EQ((*out)[i].value, static_cast<CoreValue>(i));
  EXPECT_EQ((*out)[0].expectation, "ramah");
  EXPECT_EQ((*out)[6].expectation, "kerja tim");
  EXPECT_EQ((*out)[3].expectation, "");
  auto empty = NormaliseBehaviours({});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, NewContent(PlanStyle::kQuantitative).behaviours);
}

TEST(NormaliseBehaviours, RejectsRepeatsAndLongText) {
  auto repeated = NormaliseBehaviours(
      {{CoreValue::kLoyal, "a"}, {CoreValue::kAdaptive, "b"}, {CoreValue::kLoyal, "c"}});
  EXPECT_TRUE(IsInvalid(repeated.status(), "behaviours[2].value"));
  auto too_long = NormaliseBehaviours(
      {{CoreValue::kLoyal, "a"}, {CoreValue::kAdaptive, std::string(2001, 'x')}});
  EXPECT_TRUE(IsInvalid(too_long.status(), "behaviours[1].expectation"));
  EXPECT_TRUE(NormaliseBehaviours({{CoreValue::kAdaptive, std::string(2000, 'x')}}).ok());
  auto unknown = NormaliseBehaviours({{static_cast<CoreValue>(7), ""}});
  EXPECT_TRUE(IsInvalid(unknown.status(), "behaviours[0].value"));
}

TEST(ValidateContent, AcceptsValidContent) {
  PlanContent c = MakeContent({MakeResult("r1"), MakeResult("r2", ResultKind::kAdditional)});
  EXPECT_TRUE(ValidateContent(c, false).ok());
  PlanContent jpt = MakeContent({MakeResult("r1", ResultKind::kMain, "", Perspective::kBudget)});
  EXPECT_TRUE(ValidateContent(jpt, true).ok());
}

TEST(ValidateContent, ResultLimit) {
  std::vector<WorkResult> results(kMaxResults, MakeResult());
  EXPECT_TRUE(ValidateContent(MakeContent(results), false).ok());
  results.push_back(MakeResult());
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent(results), false), "results"));
}

TEST(ValidateContent, ResultTextRequiredAndBounded) {
  WorkResult r = MakeResult();
  r.text = " ";
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent({MakeResult(), r}), false), "results[1].text"));
  r.text = std::string(kMaxTextBytes, 't');
  EXPECT_TRUE(ValidateContent(MakeContent({r}), false).ok());
  r.text += "t";
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].text"));
}

TEST(ValidateContent, IndicatorCount) {
  WorkResult r = MakeResult();
  r.indicators.clear();
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].indicators"));
  r.indicators.assign(kMaxIndicators, MakeIndicator());
  EXPECT_TRUE(ValidateContent(MakeContent({r}), false).ok());
  r.indicators.push_back(MakeIndicator());
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].indicators"));
}

TEST(ValidateContent, AdditionalResultNamesNoParent) {
  WorkResult r = MakeResult("r1", ResultKind::kAdditional, "boss-r1");
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].parent_result_id"));
  r.kind = ResultKind::kMain;
  EXPECT_TRUE(ValidateContent(MakeContent({r}), false).ok());
}

TEST(ValidateContent, ResultIsNotItsOwnParent) {
  WorkResult r = MakeResult("r1", ResultKind::kMain, "r1");
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].parent_result_id"));
}

TEST(ValidateContent, PerspectiveOnlyAndAlwaysForJpt) {
  WorkResult plain = MakeResult();
  WorkResult with = MakeResult("", ResultKind::kMain, "", Perspective::kServiceRecipients);
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent({plain}), true), "results[0].perspective"));
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent({with}), false), "results[0].perspective"));
  EXPECT_TRUE(ValidateContent(MakeContent({with}), true).ok());
  EXPECT_TRUE(ValidateContent(MakeContent({plain}), false).ok());
}

TEST(ValidateContent, IndicatorFields) {
  WorkResult r = MakeResult();
  r.indicators[0].text = "";
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].indicators[0].text"));
  r = MakeResult();
  r.indicators[0].text = std::string(kMaxTextBytes + 1, 'x');
  EXPECT_TRUE(IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].indicators[0].text"));
  r = MakeResult();
  r.indicators[0].target_unit = "";
  EXPECT_TRUE(
      IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].indicators[0].target_unit"));
  r.indicators[0].target_unit = std::string(kMaxUnitBytes, 'u');
  EXPECT_TRUE(ValidateContent(MakeContent({r}), false).ok());
  r.indicators[0].target_unit += "u";
  EXPECT_TRUE(
      IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].indicators[0].target_unit"));
}

TEST(ValidateContent, TargetsFiniteAndOrdered) {
  PlanContent c = MakeContent({MakeResult(), MakeResult(), MakeResult()});
  c.results[2].indicators.push_back(MakeIndicator());
  c.results[2].indicators[1].target_min = 5;
  c.results[2].indicators[1].target_max = 4;
  absl::Status status = ValidateContent(c, false);
  EXPECT_EQ(std::string(status.message()),
            "results[2].indicators[1].target_max: must be at least target_min");
  c.results[2].indicators[1].target_max = 5;  // min == max is a point target
  EXPECT_TRUE(ValidateContent(c, false).ok());

  c.results[0].indicators[0].target_min = std::numeric_limits<double>::quiet_NaN();
  c.results[1].indicators[0].target_max = std::numeric_limits<double>::infinity();
  status = ValidateContent(c, false);
  EXPECT_EQ(Fields(status), (std::vector<std::string>{"results[0].indicators[0].target_min",
                                                      "results[1].indicators[0].target_max"}));
}

TEST(ValidateContent, BehavioursExactlySevenInOrder) {
  PlanContent c = MakeContent({MakeResult()});
  c.behaviours.pop_back();
  EXPECT_TRUE(IsInvalid(ValidateContent(c, false), "behaviours"));
  c = MakeContent({MakeResult()});
  std::swap(c.behaviours[1], c.behaviours[2]);
  absl::Status status = ValidateContent(c, false);
  EXPECT_EQ(Fields(status),
            (std::vector<std::string>{"behaviours[1].value", "behaviours[2].value"}));
  c = MakeContent({MakeResult()});
  c.behaviours[4].expectation = std::string(kMaxTextBytes + 1, 'e');
  EXPECT_TRUE(IsInvalid(ValidateContent(c, false), "behaviours[4].expectation"));
}

TEST(ValidateContent, ReportsEveryViolationAtOnce) {
  PlanContent c = MakeContent({MakeResult(), MakeResult()});
  c.results[0].text = "";
  c.results[1].indicators[0].target_unit = "";
  c.behaviours.clear();
  EXPECT_EQ(Fields(ValidateContent(c, false)),
            (std::vector<std::string>{"results[0].text", "results[1].indicators[0].target_unit",
                                      "behaviours"}));
}

// Deterministic ids for AssignIds.
struct Counter {
  int n = 0;
  std::string operator()() { return "new-" + std::to_string(n++); }
};

TEST(AssignIds, KeepsKnownIdsAndGivesNewOnes) {
  PlanContent previous = MakeContent({MakeResult("r1"), MakeResult("r2")});
  previous.results[1].template_id = "tmpl-1";
  PlanContent next = MakeContent({MakeResult("r2"), MakeResult()});
  next.results[0].indicators.push_back(MakeIndicator());  // new indicator on a kept result
  Counter counter;
  ASSERT_TRUE(AssignIds(previous, next, [&] { return counter(); }).ok());
  EXPECT_EQ(next.results[0].id, "r2");
  EXPECT_EQ(next.results[0].indicators[0].id, "r2-i0");
  EXPECT_EQ(next.results[0].indicators[1].id, "new-0");
  EXPECT_EQ(next.results[1].id, "new-1");
  EXPECT_EQ(next.results[1].indicators[0].id, "new-2");
  // template_id follows the kept result.
  EXPECT_EQ(next.results[0].template_id, "tmpl-1");
}

TEST(AssignIds, ClientCannotSetTemplateId) {
  PlanContent previous = MakeContent({MakeResult("r1")});
  PlanContent next = MakeContent({MakeResult("r1"), MakeResult()});
  next.results[0].template_id = "forged";
  next.results[1].template_id = "forged";
  Counter counter;
  ASSERT_TRUE(AssignIds(previous, next, [&] { return counter(); }).ok());
  EXPECT_EQ(next.results[0].template_id, "");
  EXPECT_EQ(next.results[1].template_id, "");
}

TEST(AssignIds, RejectsUnknownIds) {
  PlanContent previous = MakeContent({MakeResult("r1"), MakeResult("r2")});
  PlanContent next = MakeContent({MakeResult("r1"), MakeResult("zz"), MakeResult()});
  next.results[0].indicators.push_back(MakeIndicator("r2-i0"));  // belongs to another result
  next.results[1].indicators[0].id = "";
  next.results[2].indicators[0].id = "r1-i0";  // a new result has no old indicator ids
  const PlanContent before = next;
  Counter counter;
  absl::Status status = AssignIds(previous, next, [&] { return counter(); });
  EXPECT_EQ(Fields(status),
            (std::vector<std::string>{"results[0].indicators[1].id", "results[1].id",
                                      "results[2].indicators[0].id"}));
  EXPECT_EQ(next, before);  // untouched on error
  EXPECT_EQ(counter.n, 0);
}

TEST(AssignIds, RejectsRepeatedIds) {
  PlanContent previous = MakeContent({MakeResult("r1")});
  PlanContent next = MakeContent({MakeResult("r1"), MakeResult("r1")});
  Counter counter;
  EXPECT_TRUE(IsInvalid(AssignIds(previous, next, [&] { return counter(); }), "results[1].id"));

  next = MakeContent({MakeResult("r1")});
  next.results[0].indicators.push_back(MakeIndicator("r1-i0"));
  EXPECT_TRUE(IsInvalid(AssignIds(previous, next, [&] { return counter(); }),
                        "results[0].indicators[1].id"));
}

TEST(RemovedResultIds, ListsDroppedResultsInOrder) {
  PlanContent previous = MakeContent({MakeResult("a"), MakeResult("b"), MakeResult("c")});
  PlanContent next = MakeContent({MakeResult("b"), MakeResult()});
  EXPECT_EQ(RemovedResultIds(previous, next), (std::vector<std::string>{"a", "c"}));
  EXPECT_TRUE(RemovedResultIds(previous, previous).empty());
}

TEST(HasQualityIndicator, LooksAtEveryIndicator) {
  PlanContent c = MakeContent({MakeResult(), MakeResult()});
  EXPECT_FALSE(HasQualityIndicator(c));
  c.results[1].indicators.push_back(MakeIndicator("", Aspect::kQuality));
  EXPECT_TRUE(HasQualityIndicator(c));
  EXPECT_FALSE(HasQualityIndicator(NewContent(PlanStyle::kQuantitative)));
}

TEST(NewContentId, ThirtyTwoLowercaseHexDigitsAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = NewContentId();
    ASSERT_EQ(id.size(), 32u);
    for (char c : id) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

// Qualitative plans, cascade fields and surveys.

Indicator TextIndicator(Aspect aspect = Aspect::kQuality) {
  Indicator i;
  i.text = "Kualitas laporan sesuai pedoman";
  i.aspect = aspect;
  i.target_text = "Laporan diterima pimpinan tanpa revisi";
  return i;
}

PlanContent QualitativeContent(std::vector<Indicator> indicators) {
  WorkResult r = MakeResult();
  r.indicators = std::move(indicators);
  PlanContent c = MakeContent({r});
  c.style = PlanStyle::kQualitative;
  return c;
}

TEST(ValidateContent, QualitativeIndicatorsHaveATextTargetOnly) {
  EXPECT_TRUE(ValidateContent(QualitativeContent({TextIndicator()}), false).ok());
  // A numeric indicator in a qualitative plan: every numeric field is named, and the text.
  absl::Status numeric =
      ValidateContent(QualitativeContent({TextIndicator(), MakeIndicator()}), false);
  EXPECT_EQ(Fields(numeric), (std::vector<std::string>{
                                 "results[0].indicators[1].target_text",
                                 "results[0].indicators[1].target_min",
                                 "results[0].indicators[1].target_max",
                                 "results[0].indicators[1].target_unit",
                             }));
  EXPECT_NE(std::string(numeric.message()).find("qualitative indicator has a text target"),
            std::string::npos)
      << numeric;
  // One numeric field is enough to be refused; a blank text is no target.
  Indicator with_min = TextIndicator();
  with_min.target_min = 1;
  EXPECT_EQ(Fields(ValidateContent(QualitativeContent({with_min}), false)),
            (std::vector<std::string>{"results[0].indicators[0].target_min"}));
  Indicator with_nan = TextIndicator();
  with_nan.target_max = std::nan("");
  EXPECT_TRUE(IsInvalid(ValidateContent(QualitativeContent({with_nan}), false),
                        "results[0].indicators[0].target_max"));
  Indicator blank = TextIndicator();
  blank.target_text = "  ";
  EXPECT_TRUE(IsInvalid(ValidateContent(QualitativeContent({blank}), false),
                        "results[0].indicators[0].target_text"));
  Indicator too_long = TextIndicator();
  too_long.target_text = std::string(kMaxTextBytes + 1, 't');
  EXPECT_TRUE(IsInvalid(ValidateContent(QualitativeContent({too_long}), false),
                        "results[0].indicators[0].target_text"));
}

TEST(ValidateContent, QuantitativeTargetTextIsOptionalButBounded) {
  Indicator i = MakeIndicator();
  i.target_text = "Sepuluh sampai dua belas dokumen";
  EXPECT_TRUE(ValidateContent(MakeContent({MakeResult()}), false).ok());
  WorkResult r = MakeResult();
  r.indicators = {i};
  EXPECT_TRUE(ValidateContent(MakeContent({r}), false).ok());
  r.indicators[0].target_text = std::string(kMaxTextBytes + 1, 't');
  EXPECT_TRUE(
      IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].indicators[0].target_text"));
  // A text target alone is not a quantitative target.
  r.indicators = {TextIndicator()};
  EXPECT_TRUE(
      IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].indicators[0].target_unit"));
}

TEST(ValidateContent, LowerIsBetterOnAnyAspect) {
  WorkResult r = MakeResult();
  r.indicators.clear();
  for (Aspect a : {Aspect::kQuantity, Aspect::kQuality, Aspect::kTime, Aspect::kCost}) {
    Indicator i = MakeIndicator("", a);
    i.lower_is_better = true;
    r.indicators.push_back(i);
  }
  EXPECT_TRUE(ValidateContent(MakeContent({r}), false).ok());
}

TEST(ValidateContent, SurveyIdOnlyOnQualityIndicatorsAndACode) {
  WorkResult r = MakeResult();
  r.indicators = {MakeIndicator("", Aspect::kQuality), MakeIndicator("", Aspect::kTime)};
  r.indicators[0].survey_id = "IKM-2026.dukcapil_1";
  EXPECT_TRUE(ValidateContent(MakeContent({r}), false).ok());
  r.indicators[1].survey_id = "IKM-2026";
  EXPECT_EQ(Fields(ValidateContent(MakeContent({r}), false)),
            (std::vector<std::string>{"results[0].indicators[1].survey_id"}));
  r.indicators[1].survey_id = "";
  for (const std::string& bad : {std::string("IKM 2026"), std::string("ikm/1"),
                                 std::string(65, 'x'), std::string("\xc3\xa9")}) {
    r.indicators[0].survey_id = bad;
    EXPECT_TRUE(
        IsInvalid(ValidateContent(MakeContent({r}), false), "results[0].indicators[0].survey_id"))
        << bad;
  }
  r.indicators[0].survey_id = std::string(64, 'x');
  EXPECT_TRUE(ValidateContent(MakeContent({r}), false).ok());
}

TEST(ValidateContent, CascadeFieldsOnlyOnMainResultsWithAParent) {
  WorkResult direct = MakeResult("r1", ResultKind::kMain, "boss-r1");
  direct.cascade_type = CascadeType::kIndirect;
  direct.parent_indicator_id = "boss-i1";
  EXPECT_TRUE(ValidateContent(MakeContent({direct}), false).ok());
  WorkResult no_parent = MakeResult("r2");
  no_parent.cascade_type = CascadeType::kDirect;
  no_parent.parent_indicator_id = "boss-i1";
  WorkResult additional = MakeResult("r3", ResultKind::kAdditional);
  additional.cascade_type = CascadeType::kIndirect;
  WorkResult unknown = MakeResult("r4", ResultKind::kMain, "boss-r1");
  unknown.cascade_type = static_cast<CascadeType>(9);
  EXPECT_EQ(Fields(ValidateContent(MakeContent({direct, no_parent, additional, unknown}), false)),
            (std::vector<std::string>{
                "results[1].cascade_type",
                "results[1].parent_indicator_id",
                "results[2].cascade_type",
                "results[3].cascade_type",
            }));
}

TEST(DefaultCascadeTypes, MainResultsWithAParentAreDirect) {
  std::vector<WorkResult> results = {MakeResult("r1", ResultKind::kMain, "boss-r1"),
                                     MakeResult("r2", ResultKind::kMain, "boss-r1"),
                                     MakeResult("r3")};
  results[1].cascade_type = CascadeType::kIndirect;
  DefaultCascadeTypes(results);
  EXPECT_EQ(results[0].cascade_type, CascadeType::kDirect);
  EXPECT_EQ(results[1].cascade_type, CascadeType::kIndirect);
  EXPECT_EQ(results[2].cascade_type, CascadeType::kNone);
}

TEST(HasSurveyIndicator, OnlyQualityIndicatorsNamingTheSurvey) {
  WorkResult r = MakeResult();
  r.indicators = {MakeIndicator("", Aspect::kQuality)};
  PlanContent c = MakeContent({r});
  EXPECT_FALSE(HasSurveyIndicator(c, "IKM-1"));
  c.results[0].indicators[0].survey_id = "IKM-2";
  EXPECT_FALSE(HasSurveyIndicator(c, "IKM-1"));
  c.results[0].indicators[0].survey_id = "IKM-1";
  EXPECT_TRUE(HasSurveyIndicator(c, "IKM-1"));
  c.results[0].indicators[0].aspect = Aspect::kQuantity;
  EXPECT_FALSE(HasSurveyIndicator(c, "IKM-1"));
}

}  // namespace
}  // namespace kinerja::goals
