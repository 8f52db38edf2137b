// The plan workflow (DOMAIN.md "Planning: SKP"): draft -> submitted -> approved, or returned
// with a note; an approved plan is revised only through a new version with a reason and the
// assessor's approval. Every check returns FAILED_PRECONDITION with a reason (UPPER_SNAKE) for
// rule violations and INVALID_ARGUMENT naming the field for bad input; the Apply* functions
// change the plan only when the check passes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals {

// A result that a plan's main result names as parent (facts the store looks up).
struct ParentResultFacts {
  std::string plan_id;
  std::string period_id;
  std::string owner_employee_id;  // the employee whose plan holds the result
  bool approved = false;          // part of an approved version of that plan
  PlanState plan_state = PlanState::kDraft;
  std::vector<std::string> indicator_ids = {};  // its indicators (parent_indicator_id)
  std::string owner_position_id = {};           // the position of that plan
};

// What the checks need besides the plan itself.
struct PlanFacts {
  Period period;
  absl::CivilDay today;
  std::optional<absl::CivilDay> extension_until;  // the employee's deadline extension, if any
  // The unit policy that applies to the plan (ApplyingPolicy over PolicyUnitPath, unit_policy.h):
  // public service (needs a quality indicator) and the IKM survey a quality indicator must name
  // ("" when none).
  bool public_service_unit = false;
  std::string survey_id;
  // Parent results named by the plan's content, by result id (missing id = no such result).
  absl::flat_hash_map<std::string, ParentResultFacts> parents;
  // Results of this plan from which another plan's result cascades.
  std::vector<std::string> results_with_dependants;
};

// True for plans whose main results must cascade: not JPT, and the assessor is a civil servant.
bool RequiresCascade(const Plan& plan);

// Editing content: state DRAFT or RETURNED ("PLAN_NOT_EDITABLE"), period OPEN
// ("PERIOD_NOT_OPEN"). The new content is validated (ValidateContent, paths prefixed by
// "plan."), and a removed result that others cascade from is refused ("RESULT_HAS_DEPENDANTS").
// A main result's parent, when named, must be a known result of the assessor's plan in the same
// period ("plan.results[i].parent_result_id", INVALID_ARGUMENT) — approval of the parent is
// only required at submission — and its parent_indicator_id, when named, one of that result's
// indicators ("plan.results[i].parent_indicator_id"). On success the plan's content is replaced,
// main results naming a parent without a cascade type becoming DIRECT (DefaultCascadeTypes).
absl::Status ApplyEdit(Plan& plan, PlanContent next, const PlanFacts& facts);

// Submitting: state DRAFT or RETURNED ("PLAN_NOT_SUBMITTABLE"); period OPEN ("PERIOD_NOT_OPEN");
// an assessor exists ("NO_ASSESSOR"); revision 1 must be within the filling deadline unless an
// extension covers today ("FILLING_DEADLINE_PASSED"); at least one MAIN result
// ("NO_MAIN_RESULT"); content valid; when RequiresCascade every main result names a parent
// ("CASCADE_REQUIRED") that is an approved result of the current assessor's plan in the same
// period ("CASCADE_PARENT_NOT_APPROVED" / "CASCADE_PARENT_INVALID", the latter also when a
// named parent indicator is no longer one of the parent's); when the applying unit policy is
// public service the plan has a quality indicator ("QUALITY_INDICATOR_REQUIRED") and, when the
// policy names a survey, a quality indicator naming that survey ("SURVEY_INDICATOR_REQUIRED").
// Sets state SUBMITTED, submit_time = now, clears return_note.
absl::Status ApplySubmit(Plan& plan, const PlanFacts& facts, absl::Time now);

// Approving: state SUBMITTED ("PLAN_NOT_SUBMITTED"); period OPEN or CLOSED
// ("PERIOD_LOCKED"). Sets APPROVED and approve_time.
absl::Status ApplyApprove(Plan& plan, const PlanFacts& facts, absl::Time now);

// Returning: state SUBMITTED ("PLAN_NOT_SUBMITTED"); period OPEN or CLOSED ("PERIOD_LOCKED");
// note required, <= 2000 bytes (INVALID_ARGUMENT "note"). Sets RETURNED and return_note.
absl::Status ApplyReturn(Plan& plan, const PlanFacts& facts, const std::string& note);

// Revising: state APPROVED ("PLAN_NOT_APPROVED"); period OPEN ("PERIOD_NOT_OPEN"); reason
// required, <= 2000 bytes (INVALID_ARGUMENT "reason"). Sets DRAFT, revision + 1,
// revision_reason, clears return_note, submit_time and approve_time.
absl::Status ApplyRevise(Plan& plan, const PlanFacts& facts, const std::string& reason);

// Writing the leader's specific expectations (ekspektasi khusus pimpinan): state DRAFT, SUBMITTED
// or RETURNED ("PLAN_NOT_EDITABLE": an approved plan changes only through a revision); period
// OPEN ("PERIOD_NOT_OPEN"). `given` lists values to set (each at most once, INVALID_ARGUMENT
// "behaviours[i].value"; expectation <= 2000 bytes, "behaviours[i].expectation"); the other
// values keep theirs.
absl::Status ApplyBehaviourExpectations(Plan& plan, const std::vector<BehaviourExpectation>& given,
                                        const PlanFacts& facts);

// Closing (e.g. the employee was transferred): any state but CLOSED ("PLAN_CLOSED"). Sets
// CLOSED, close_reason and end_date.
absl::Status ApplyClose(Plan& plan, const std::string& reason, absl::CivilDay end_date);

}  // namespace kinerja::goals
