#include "services/goals/domain/templates.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"

#include "absl/strings/str_cat.h"
#include "services/goals/domain/names.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/result_rules.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::goals {
namespace {

constexpr size_t kMaxTemplateNameBytes = 200;

}  // namespace

absl::Status ValidateTemplate(const PlanTemplate& tmpl) {
  std::vector<errors::FieldViolation> violations;
  if (IsBlank(tmpl.agency_id)) violations.push_back({"agency_id", "required"});
  if (IsBlank(tmpl.name)) {
    violations.push_back({"name", "required"});
  } else {
    CheckTextLength(tmpl.name, kMaxTemplateNameBytes, "name", violations);
  }
  bool has_expectation = false;
  for (const BehaviourExpectation& b : tmpl.behaviours) has_expectation |= !b.expectation.empty();
  if (tmpl.results.empty() && !has_expectation) {
    violations.push_back(
        {"results", "at least one result or one behaviour expectation is required"});
  } else if (tmpl.results.size() > static_cast<size_t>(kMaxResults)) {
    violations.push_back(
        {"results", absl::StrCat("at most ", kMaxResults, " results, got ", tmpl.results.size())});
  }
  for (size_t i = 0; i < tmpl.results.size(); ++i) {
    // Ids are ignored: a template's result never names itself, whatever id it carries.
    WorkResult result = tmpl.results[i];
    result.id.clear();
    CheckResult(result, absl::StrCat("results[", i, "]"), PerspectiveRule::kAny,
                TargetRule::kEither, violations);
  }
  for (auto& v : errors::ViolationsOf(NormaliseBehaviours(tmpl.behaviours).status())) {
    violations.push_back(std::move(v));
  }
  if (violations.empty()) return absl::OkStatus();
  return errors::InvalidFields(violations);
}

absl::StatusOr<TemplateOutcome> ApplyTemplate(const PlanTemplate& tmpl, bool jpt,
                                              PlanContent& content,
                                              absl::FunctionRef<std::string()> new_id) {
  // Without an id, "already applied" could not be told apart from results of no template.
  if (tmpl.id.empty()) return errors::InvalidField("template_id", "required");
  if (!tmpl.results.empty()) {
    for (const WorkResult& r : content.results) {
      if (r.template_id == tmpl.id) return TemplateOutcome::kAlreadyApplied;
    }
  }
  const TargetRule targets = TargetRuleFor(content.style);
  for (size_t i = 0; i < tmpl.results.size(); ++i) {
    for (size_t j = 0; j < tmpl.results[i].indicators.size(); ++j) {
      const Indicator& indicator = tmpl.results[i].indicators[j];
      const bool text = !HasNumericTarget(indicator);
      if (text != (targets == TargetRule::kText)) {
        return errors::RuleViolation(
            "TEMPLATE_STYLE_MISMATCH",
            absl::StrCat("template ", tmpl.id, " results[", i, "].indicators[", j, "] has a ",
                         (text ? "text" : "numeric"), " target; the plan is ",
                         ToAbsl(PlanStyleName(content.style)),
                         (text ? " (numeric targets)" : " (text targets)")));
      }
    }
  }
  for (size_t i = 0; i < tmpl.results.size(); ++i) {
    const bool has_perspective = tmpl.results[i].perspective != Perspective::kNone;
    if (has_perspective != jpt) {
      return errors::RuleViolation(
          "TEMPLATE_PERSPECTIVE_MISMATCH",
          absl::StrCat("template ", tmpl.id, " results[", i, "] ",
                       (jpt ? "has no perspective, which a JPT plan's results need"
                            : "has a perspective, which only JPT plans' results carry")));
    }
  }
  const size_t total = content.results.size() + tmpl.results.size();
  if (total > static_cast<size_t>(kMaxResults)) {
    return errors::RuleViolation(
        "TOO_MANY_RESULTS", absl::StrCat("applying template ", tmpl.id, " would give the plan ",
                                         total, " results; at most ", kMaxResults, " are allowed"));
  }
  content.results.reserve(total);
  for (const WorkResult& source : tmpl.results) {
    WorkResult result = source;
    result.id = new_id();
    result.template_id = tmpl.id;
    for (Indicator& indicator : result.indicators) indicator.id = new_id();
    content.results.push_back(std::move(result));
  }
  bool changed = !tmpl.results.empty();
  for (const BehaviourExpectation& expected : tmpl.behaviours) {
    if (expected.expectation.empty()) continue;
    for (BehaviourExpectation& b : content.behaviours) {
      if (b.value != expected.value || b.expectation == expected.expectation) continue;
      b.expectation = expected.expectation;
      changed = true;
    }
  }
  return changed ? TemplateOutcome::kApplied : TemplateOutcome::kAlreadyApplied;
}

absl::StatusOr<std::vector<std::string>> ChooseTemplateTargets(
    const TemplateTarget& target, const absl::flat_hash_map<std::string, Plan>& open_plans,
    const std::vector<std::string>& staff) {
  std::vector<std::string> targets;
  switch (target.kind) {
    case TemplateTarget::Kind::kEmployees:
      targets = target.employee_ids;
      break;
    case TemplateTarget::Kind::kUnits: {
      absl::flat_hash_set<std::string> units(target.unit_ids.begin(), target.unit_ids.end());
      for (const auto& [employee, plan] : open_plans) {
        if (units.contains(plan.employee.unit_id)) targets.push_back(employee);
      }
      break;
    }
    case TemplateTarget::Kind::kPositionType:
      for (const auto& [employee, plan] : open_plans) {
        if (plan.position_type == target.position_type) targets.push_back(employee);
      }
      break;
  }
  if (target.kind != TemplateTarget::Kind::kEmployees) {
    targets.insert(targets.end(), staff.begin(), staff.end());
  }
  std::sort(targets.begin(), targets.end());
  targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  if (targets.size() > kMaxTemplateTargets) {
    return errors::RuleViolation("TOO_MANY_TARGETS",
                                 absl::StrCat(targets.size(), " employees targeted; at most ",
                                              kMaxTemplateTargets, " per call (apply per unit)"));
  }
  return targets;
}

TargetStep StepFor(bool has_open_plan, bool create_missing_plans) {
  if (has_open_plan) return TargetStep::kApply;
  return create_missing_plans ? TargetStep::kCreatePlanAndApply : TargetStep::kSkip;
}

TargetReport ReportFor(const absl::Status& applied, bool already_applied) {
  if (applied.ok()) return already_applied ? TargetReport::kAlreadyApplied : TargetReport::kApplied;
  return absl::IsFailedPrecondition(applied) ? TargetReport::kSkipped : TargetReport::kFailed;
}

}  // namespace kinerja::goals
