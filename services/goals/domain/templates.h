// Plan templates (issue "Bulk"): a set of work results with indicators applied to many plans at
// once, idempotently (a plan that already holds results from the template is left as is).
#pragma once

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals {

// agency_id required; name required (<= 200 bytes, "name"); at most kMaxResults results, each
// valid as in ValidateContent (perspective optional and each indicator's target either numeric
// or text: both are checked against the target plan when applied); behaviours as
// NormaliseBehaviours accepts them ("behaviours[i]..."); at least one result or one non-empty
// expectation ("results"). INVALID_ARGUMENT listing violations
// ("results[0].indicators[0].text", ...).
absl::Status ValidateTemplate(const PlanTemplate& tmpl);

enum class TemplateOutcome { kApplied, kAlreadyApplied };

// Appends the template's results to `content` with fresh ids (new_id) and template_id set, and
// writes each of the template's non-empty behaviour expectations over the content's, for a plan
// whose position is JPT or not (`jpt`: a JPT plan needs perspectives, others must not have them:
// FAILED_PRECONDITION "TEMPLATE_PERSPECTIVE_MISMATCH") in content.style (a QUALITATIVE plan
// takes only indicators with a text target, a QUANTITATIVE one only numeric targets:
// "TEMPLATE_STYLE_MISMATCH"). kAlreadyApplied (content unchanged) when a result of the content
// already carries this template's id, or, for a template without results, when the content has
// its expectations already. The result count limit applies ("TOO_MANY_RESULTS").
absl::StatusOr<TemplateOutcome> ApplyTemplate(const PlanTemplate& tmpl, bool jpt,
                                              PlanContent& content,
                                              absl::FunctionRef<std::string()> new_id);

// Who an application of a template targets (exactly one kind).
struct TemplateTarget {
  enum class Kind { kEmployees, kUnits, kPositionType };
  Kind kind = Kind::kEmployees;
  std::vector<std::string> employee_ids;  // kEmployees
  std::vector<std::string> unit_ids;      // kUnits: the unit and, if asked, every unit below it
  std::string position_type;              // kPositionType, e.g. "PELAKSANA"
};

// Bound on one application's targets: large agencies apply per unit.
inline constexpr size_t kMaxTemplateTargets = 10000;

// The employees targeted, sorted and without repeats: the listed ones, or those whose open
// plan in the period (`open_plans`, by employee id) sits in one of the units / has the position
// type, plus `staff`: the employee service's current staff of those units or of that position
// type, when missing plans are to be created (empty otherwise). FAILED_PRECONDITION
// TOO_MANY_TARGETS beyond kMaxTemplateTargets.
absl::StatusOr<std::vector<std::string>> ChooseTemplateTargets(
    const TemplateTarget& target, const absl::flat_hash_map<std::string, Plan>& open_plans,
    const std::vector<std::string>& staff);

// What an application does for one targeted employee.
enum class TargetStep {
  kApply,               // the employee has an open plan in the period
  kCreatePlanAndApply,  // none, and missing plans are to be created
  kSkip,                // none, and missing plans are not created
};
TargetStep StepFor(bool has_open_plan, bool create_missing_plans);

// How one employee's application is reported: a rule that refused it (FAILED_PRECONDITION, e.g.
// an approved plan or a perspective mismatch) skips the employee; anything else failed.
enum class TargetReport { kApplied, kAlreadyApplied, kSkipped, kFailed };
TargetReport ReportFor(const absl::Status& applied, bool already_applied);

}  // namespace kinerja::goals
