#include "services/goals/domain/templates.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/result_rules.h"
#include "services/goals/domain/text.h"
#include "shared/errors/errors.h"

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
  if (tmpl.results.empty()) {
    violations.push_back({"results", "at least one result is required"});
  } else if (tmpl.results.size() > static_cast<size_t>(kMaxResults)) {
    violations.push_back(
        {"results", absl::StrCat("at most ", kMaxResults, " results, got ", tmpl.results.size())});
  }
  for (size_t i = 0; i < tmpl.results.size(); ++i) {
    // Ids are ignored: a template's result never names itself, whatever id it carries.
    WorkResult result = tmpl.results[i];
    result.id.clear();
    CheckResult(result, absl::StrCat("results[", i, "]"), PerspectiveRule::kAny, violations);
  }
  if (violations.empty()) return absl::OkStatus();
  return errors::InvalidFields(violations);
}

absl::StatusOr<TemplateOutcome> ApplyTemplate(const PlanTemplate& tmpl, bool jpt,
                                              PlanContent& content,
                                              absl::FunctionRef<std::string()> new_id) {
  // Without an id, "already applied" could not be told apart from results of no template.
  if (tmpl.id.empty()) return errors::InvalidField("template_id", "required");
  for (const WorkResult& r : content.results) {
    if (r.template_id == tmpl.id) return TemplateOutcome::kAlreadyApplied;
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
  return TemplateOutcome::kApplied;
}

}  // namespace kinerja::goals
