#include "services/goals/domain/templates.h"

#include <gtest/gtest.h>

#include <string>

#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/test_util.h"

namespace kinerja::goals {
namespace {

using test_util::Fields;
using test_util::IsInvalid;
using test_util::IsRule;
using test_util::MakeContent;
using test_util::MakeResult;

PlanTemplate MakeTemplate(Perspective perspective = Perspective::kNone) {
  PlanTemplate t;
  t.id = "tmpl-1";
  t.agency_id = "kota-samarinda";
  t.name = "Pelayanan perizinan";
  t.results = {MakeResult("ignored", ResultKind::kMain, "", perspective),
               MakeResult("", ResultKind::kAdditional, "", perspective)};
  return t;
}

struct Counter {
  int n = 0;
  std::string operator()() { return "id-" + std::to_string(n++); }
};

TEST(ValidateTemplate, AcceptsValidTemplateWithOrWithoutPerspective) {
  EXPECT_TRUE(ValidateTemplate(MakeTemplate()).ok());
  EXPECT_TRUE(ValidateTemplate(MakeTemplate(Perspective::kBudget)).ok());
}

TEST(ValidateTemplate, RequiredFields) {
  PlanTemplate t = MakeTemplate();
  t.agency_id = "";
  t.name = "";
  t.results.clear();
  EXPECT_EQ(Fields(ValidateTemplate(t)),
            (std::vector<std::string>{"agency_id", "name", "results"}));
}

TEST(ValidateTemplate, NameBounded) {
  PlanTemplate t = MakeTemplate();
  t.name = std::string(200, 'n');
  EXPECT_TRUE(ValidateTemplate(t).ok());
  t.name += "n";
  EXPECT_TRUE(IsInvalid(ValidateTemplate(t), "name"));
}

TEST(ValidateTemplate, ResultLimit) {
  PlanTemplate t = MakeTemplate();
  t.results.assign(kMaxResults, MakeResult());
  EXPECT_TRUE(ValidateTemplate(t).ok());
  t.results.push_back(MakeResult());
  EXPECT_TRUE(IsInvalid(ValidateTemplate(t), "results"));
}

TEST(ValidateTemplate, ResultsValidAsContent) {
  PlanTemplate t = MakeTemplate();
  t.results[0].indicators[0].text = "";
  t.results[1].indicators.clear();
  t.results[1].parent_result_id = "x";
  EXPECT_EQ(Fields(ValidateTemplate(t)),
            (std::vector<std::string>{"results[0].indicators[0].text",
                                      "results[1].parent_result_id", "results[1].indicators"}));
}

TEST(ApplyTemplate, AppendsWithFreshIdsAndTemplateId) {
  PlanContent content = MakeContent({MakeResult("own")});
  Counter counter;
  auto outcome = ApplyTemplate(MakeTemplate(), false, content, [&] { return counter(); });
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(*outcome, TemplateOutcome::kApplied);
  ASSERT_EQ(content.results.size(), 3u);
  EXPECT_EQ(content.results[0].id, "own");
  EXPECT_EQ(content.results[0].template_id, "");
  EXPECT_EQ(content.results[1].id, "id-0");
  EXPECT_EQ(content.results[1].indicators[0].id, "id-1");
  EXPECT_EQ(content.results[2].id, "id-2");
  EXPECT_EQ(content.results[2].kind, ResultKind::kAdditional);
  EXPECT_EQ(content.results[1].template_id, "tmpl-1");
  EXPECT_EQ(content.results[2].template_id, "tmpl-1");
  EXPECT_EQ(content.results[1].text, MakeTemplate().results[0].text);
  EXPECT_TRUE(ValidateContent(content, false).ok());
}

TEST(ApplyTemplate, IdempotentPerTemplate) {
  PlanContent content = MakeContent({});
  Counter counter;
  ASSERT_TRUE(ApplyTemplate(MakeTemplate(), false, content, [&] { return counter(); }).ok());
  const PlanContent once = content;
  auto again = ApplyTemplate(MakeTemplate(), false, content, [&] { return counter(); });
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, TemplateOutcome::kAlreadyApplied);
  EXPECT_EQ(content, once);
  // The employee deleted one of the template's results: the template still counts as applied.
  content.results.erase(content.results.begin());
  EXPECT_EQ(*ApplyTemplate(MakeTemplate(), false, content, [&] { return counter(); }),
            TemplateOutcome::kAlreadyApplied);
  // Another template applies.
  PlanTemplate other = MakeTemplate();
  other.id = "tmpl-2";
  EXPECT_EQ(*ApplyTemplate(other, false, content, [&] { return counter(); }),
            TemplateOutcome::kApplied);
}

TEST(ApplyTemplate, PerspectiveMustMatchPlan) {
  Counter counter;
  PlanContent content = MakeContent({});
  EXPECT_TRUE(
      IsRule(ApplyTemplate(MakeTemplate(), true, content, [&] { return counter(); }).status(),
             "TEMPLATE_PERSPECTIVE_MISMATCH"));
  EXPECT_TRUE(IsRule(ApplyTemplate(MakeTemplate(Perspective::kBusinessProcess), false, content,
                                   [&] { return counter(); })
                         .status(),
                     "TEMPLATE_PERSPECTIVE_MISMATCH"));
  EXPECT_TRUE(content.results.empty());
  auto jpt = ApplyTemplate(MakeTemplate(Perspective::kBusinessProcess), true, content,
                           [&] { return counter(); });
  ASSERT_TRUE(jpt.ok());
  EXPECT_EQ(content.results[0].perspective, Perspective::kBusinessProcess);
}

TEST(ApplyTemplate, ResultLimit) {
  Counter counter;
  PlanContent content = MakeContent(std::vector<WorkResult>(kMaxResults - 2, MakeResult()));
  ASSERT_TRUE(ApplyTemplate(MakeTemplate(), false, content, [&] { return counter(); }).ok());
  EXPECT_EQ(content.results.size(), static_cast<size_t>(kMaxResults));

  content = MakeContent(std::vector<WorkResult>(kMaxResults - 1, MakeResult()));
  EXPECT_TRUE(
      IsRule(ApplyTemplate(MakeTemplate(), false, content, [&] { return counter(); }).status(),
             "TOO_MANY_RESULTS"));
  EXPECT_EQ(content.results.size(), static_cast<size_t>(kMaxResults - 1));
}

TEST(ApplyTemplate, TemplateWithoutIdIsInvalid) {
  Counter counter;
  PlanTemplate t = MakeTemplate();
  t.id = "";
  PlanContent content = MakeContent({MakeResult()});
  EXPECT_EQ(ApplyTemplate(t, false, content, [&] { return counter(); }).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(content.results.size(), 1u);
}

// Behaviour expectations and plan styles.

TEST(ValidateTemplate, BehavioursAloneAreEnoughAndChecked) {
  PlanTemplate t = MakeTemplate();
  t.results.clear();
  t.behaviours = {{CoreValue::kLoyal, "Menjaga rahasia jabatan"}};
  EXPECT_TRUE(ValidateTemplate(t).ok());
  t.behaviours = {{CoreValue::kLoyal, ""}};
  EXPECT_TRUE(IsInvalid(ValidateTemplate(t), "results"));
  t.behaviours = {{CoreValue::kLoyal, "a"}, {CoreValue::kLoyal, "b"}};
  EXPECT_TRUE(IsInvalid(ValidateTemplate(t), "behaviours[1].value"));
  t.behaviours = {{CoreValue::kAdaptive, std::string(kMaxTextBytes + 1, 'x')}};
  EXPECT_TRUE(IsInvalid(ValidateTemplate(t), "behaviours[0].expectation"));
}

TEST(ValidateTemplate, IndicatorsHaveANumericOrATextTarget) {
  PlanTemplate t = MakeTemplate();
  Indicator& text = t.results[0].indicators[0];
  text.target_min = text.target_max = 0;
  text.target_unit = "";
  text.target_text = "Laporan tanpa revisi";
  EXPECT_TRUE(ValidateTemplate(t).ok());
  text.target_text = "";
  EXPECT_TRUE(IsInvalid(ValidateTemplate(t), "results[0].indicators[0].target_unit"));
  t.results[0].cascade_type = CascadeType::kIndirect;
  EXPECT_TRUE(IsInvalid(ValidateTemplate(t), "results[0].cascade_type"));
}

TEST(ApplyTemplate, WritesNonEmptyExpectationsOnceWithTheResults) {
  PlanTemplate t = MakeTemplate();
  t.behaviours = NewContent(PlanStyle::kQuantitative).behaviours;
  t.behaviours[1].expectation = "Laporan keuangan tepat waktu";
  PlanContent content = MakeContent({});
  content.behaviours[0].expectation = "Ramah kepada pemohon";
  content.behaviours[1].expectation = "Lama";
  Counter counter;
  ASSERT_EQ(*ApplyTemplate(t, false, content, [&] { return counter(); }),
            TemplateOutcome::kApplied);
  EXPECT_EQ(content.behaviours[0].expectation, "Ramah kepada pemohon") << "empty: kept";
  EXPECT_EQ(content.behaviours[1].expectation, "Laporan keuangan tepat waktu");
  EXPECT_EQ(content.results.size(), 2u);
  // Re-run after the employee changed the expectation: applied already, nothing is written.
  content.behaviours[1].expectation = "Diubah";
  const PlanContent edited = content;
  EXPECT_EQ(*ApplyTemplate(t, false, content, [&] { return counter(); }),
            TemplateOutcome::kAlreadyApplied);
  EXPECT_EQ(content, edited);
}

TEST(ApplyTemplate, TemplateOfExpectationsOnlyIsAppliedWhileTheyDiffer) {
  PlanTemplate t = MakeTemplate();
  t.results.clear();
  t.behaviours = NewContent(PlanStyle::kQuantitative).behaviours;
  t.behaviours[6].expectation = "Berbagi data antar bidang";
  PlanContent content = MakeContent({MakeResult("own")});
  Counter counter;
  EXPECT_EQ(*ApplyTemplate(t, false, content, [&] { return counter(); }),
            TemplateOutcome::kApplied);
  EXPECT_EQ(content.behaviours[6].expectation, "Berbagi data antar bidang");
  EXPECT_EQ(content.results.size(), 1u);
  const PlanContent once = content;
  EXPECT_EQ(*ApplyTemplate(t, false, content, [&] { return counter(); }),
            TemplateOutcome::kAlreadyApplied);
  EXPECT_EQ(content, once);
}

TEST(ApplyTemplate, TargetsMustFitThePlansStyle) {
  Counter counter;
  PlanContent qualitative = MakeContent({});
  qualitative.style = PlanStyle::kQualitative;
  EXPECT_TRUE(
      IsRule(ApplyTemplate(MakeTemplate(), false, qualitative, [&] { return counter(); }).status(),
             "TEMPLATE_STYLE_MISMATCH"));
  PlanTemplate text = MakeTemplate();
  for (WorkResult& r : text.results) {
    for (Indicator& i : r.indicators) {
      i.target_min = i.target_max = 0;
      i.target_unit = "";
      i.target_text = "Sesuai standar pelayanan";
    }
  }
  ASSERT_TRUE(ApplyTemplate(text, false, qualitative, [&] { return counter(); }).ok());
  EXPECT_TRUE(ValidateContent(qualitative, false).ok());
  PlanContent quantitative = MakeContent({});
  EXPECT_TRUE(IsRule(ApplyTemplate(text, false, quantitative, [&] { return counter(); }).status(),
                     "TEMPLATE_STYLE_MISMATCH"));
  EXPECT_TRUE(quantitative.results.empty());
}

// Open plans of the period by employee: unit and position type are what targets are chosen by.
absl::flat_hash_map<std::string, Plan> OpenPlans() {
  absl::flat_hash_map<std::string, Plan> plans;
  auto add = [&](const std::string& employee, const std::string& unit, const std::string& type) {
    Plan plan;
    plan.employee.employee_id = employee;
    plan.employee.unit_id = unit;
    plan.position_type = type;
    plans[employee] = plan;
  };
  add("e1", "bidang-sd", "PELAKSANA");
  add("e2", "bidang-smp", "PELAKSANA");
  add("e3", "bidang-sd", "PENGAWAS");
  return plans;
}

TEST(TemplateTargets, ByUnitTakesPlansInTheUnitsPlusStaffSortedWithoutRepeats) {
  TemplateTarget target{.kind = TemplateTarget::Kind::kUnits,
                        .employee_ids = {},
                        .unit_ids = {"bidang-sd"},
                        .position_type = ""};
  auto targets = ChooseTemplateTargets(target, OpenPlans(), {"e9", "e1"});
  ASSERT_TRUE(targets.ok()) << targets.status();
  EXPECT_EQ(*targets, (std::vector<std::string>{"e1", "e3", "e9"}));
}

TEST(TemplateTargets, ByPositionTypeTakesPlansOfThatType) {
  TemplateTarget target{.kind = TemplateTarget::Kind::kPositionType,
                        .employee_ids = {},
                        .unit_ids = {},
                        .position_type = "PELAKSANA"};
  auto targets = ChooseTemplateTargets(target, OpenPlans(), {});
  ASSERT_TRUE(targets.ok());
  EXPECT_EQ(*targets, (std::vector<std::string>{"e1", "e2"}));
}

TEST(TemplateTargets, AListIsTakenAsGivenWithoutRepeatsAndStaffIsIgnored) {
  TemplateTarget target{.kind = TemplateTarget::Kind::kEmployees,
                        .employee_ids = {"e7", "e2", "e7"},
                        .unit_ids = {},
                        .position_type = ""};
  auto targets = ChooseTemplateTargets(target, OpenPlans(), {"e1"});
  ASSERT_TRUE(targets.ok());
  EXPECT_EQ(*targets, (std::vector<std::string>{"e2", "e7"}));
}

TEST(TemplateTargets, TooManyTargetsIsARuleViolation) {
  std::vector<std::string> staff;
  for (size_t i = 0; i <= kMaxTemplateTargets; ++i) staff.push_back("s" + std::to_string(i));
  TemplateTarget target{.kind = TemplateTarget::Kind::kUnits,
                        .employee_ids = {},
                        .unit_ids = {"x"},
                        .position_type = ""};
  EXPECT_TRUE(IsRule(ChooseTemplateTargets(target, {}, staff).status(), "TOO_MANY_TARGETS"));
}

TEST(TemplateTargets, StepsAndReports) {
  EXPECT_EQ(StepFor(true, false), TargetStep::kApply);
  EXPECT_EQ(StepFor(false, true), TargetStep::kCreatePlanAndApply);
  EXPECT_EQ(StepFor(false, false), TargetStep::kSkip);
  EXPECT_EQ(ReportFor(absl::OkStatus(), false), TargetReport::kApplied);
  EXPECT_EQ(ReportFor(absl::OkStatus(), true), TargetReport::kAlreadyApplied);
  EXPECT_EQ(ReportFor(absl::FailedPreconditionError("approved"), false), TargetReport::kSkipped);
  EXPECT_EQ(ReportFor(absl::UnavailableError("db"), false), TargetReport::kFailed);
}

}  // namespace
}  // namespace kinerja::goals
