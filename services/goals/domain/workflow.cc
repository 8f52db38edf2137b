#include "services/goals/domain/workflow.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/goals/domain/names.h"
#include "services/goals/domain/period_rules.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/plan_dates.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::goals {
namespace {

constexpr size_t kMaxNoteBytes = 2000;

absl::Status NotInState(std::string_view reason, const Plan& plan, std::string_view action) {
  return errors::RuleViolation(
      ToAbsl(reason), absl::StrCat("plan ", plan.id, " is ", ToAbsl(PlanStateName(plan.state)),
                                   ": ", ToAbsl(action)));
}

absl::Status RequireOpenPeriod(const PlanFacts& facts, std::string_view action) {
  if (facts.period.state == PeriodState::kOpen) return absl::OkStatus();
  return errors::RuleViolation(
      "PERIOD_NOT_OPEN",
      absl::StrCat("period ", facts.period.id, " is ", ToAbsl(PeriodStateName(facts.period.state)),
                   ": plans can only be ", ToAbsl(action), " while it is OPEN"));
}

absl::Status RequireUnlockedPeriod(const PlanFacts& facts) {
  if (facts.period.state != PeriodState::kLocked) return absl::OkStatus();
  return errors::RuleViolation(
      "PERIOD_LOCKED",
      absl::StrCat("period ", facts.period.id, " is LOCKED: nothing changes any more"));
}

absl::Status CheckRequiredNote(const std::string& text, std::string_view field) {
  if (IsBlank(text)) return errors::InvalidField(ToAbsl(field), "required");
  if (text.size() > kMaxNoteBytes) {
    return errors::InvalidField(ToAbsl(field), absl::StrCat("must be at most ", kMaxNoteBytes,
                                                            " bytes, got ", text.size()));
  }
  return absl::OkStatus();
}

// Whether `parent` is a result of the current assessor's plan in the plan's period
// (docs/domain-choices.md):
// - the plan of the assessor of the day (a Plt's results for the position they act in are in
//   the Plt's own plan);
// - an open plan for the assessor's position held by someone else: the definitive holder's plan
//   while a Plh stands in;
// - for an official delegated the unit's assessment (e.g. a functional coordinator leading a
//   team), also the plan of the delegate's own superior, the unit's leader.
bool ParentBelongsToAssessor(const Plan& plan, const ParentResultFacts& parent) {
  if (parent.period_id != plan.period_id || !plan.assessor.has_value()) return false;
  if (!plan.assessor->employee_id.empty() &&
      parent.owner_employee_id == plan.assessor->employee_id) {
    return true;
  }
  if (!plan.assessor->position_id.empty() &&
      parent.owner_position_id == plan.assessor->position_id &&
      parent.plan_state != PlanState::kClosed) {
    return true;
  }
  return plan.assessor->capacity == "DELEGATED" && plan.assessor_superior.has_value() &&
         !plan.assessor_superior->employee_id.empty() &&
         parent.owner_employee_id == plan.assessor_superior->employee_id;
}

bool HasIndicator(const ParentResultFacts& parent, const std::string& indicator_id) {
  for (const std::string& id : parent.indicator_ids) {
    if (id == indicator_id) return true;
  }
  return false;
}

std::string ResultLabel(size_t i, const WorkResult& result) {
  return absl::StrCat("results[", i, "] '", result.text, "'");
}

// The cascade rule at submission: the first reason that applies, naming every result it hits.
absl::Status CheckCascade(const Plan& plan, const PlanFacts& facts) {
  std::vector<std::string> unnamed, invalid, unapproved;
  for (size_t i = 0; i < plan.content.results.size(); ++i) {
    const WorkResult& result = plan.content.results[i];
    if (result.kind != ResultKind::kMain) continue;
    if (result.parent_result_id.empty()) {
      unnamed.push_back(ResultLabel(i, result));
      continue;
    }
    auto it = facts.parents.find(result.parent_result_id);
    if (it == facts.parents.end() || !ParentBelongsToAssessor(plan, it->second) ||
        (!result.parent_indicator_id.empty() &&
         !HasIndicator(it->second, result.parent_indicator_id))) {
      invalid.push_back(ResultLabel(i, result));
    } else if (!it->second.approved) {
      unapproved.push_back(ResultLabel(i, result));
    }
  }
  if (!unnamed.empty()) {
    return errors::RuleViolation(
        "CASCADE_REQUIRED",
        absl::StrCat("every main result must name the assessor's result it contributes to; ",
                     absl::StrJoin(unnamed, ", "), " name", (unnamed.size() == 1 ? "s" : ""),
                     " none"));
  }
  if (!invalid.empty()) {
    return errors::RuleViolation(
        "CASCADE_PARENT_INVALID",
        absl::StrCat("the parent named by ", absl::StrJoin(invalid, ", "),
                     " is not a result of the current assessor's plan in this period (or the "
                     "parent indicator named is not one of its indicators)"));
  }
  if (!unapproved.empty()) {
    return errors::RuleViolation(
        "CASCADE_PARENT_NOT_APPROVED",
        absl::StrCat("the parent named by ", absl::StrJoin(unapproved, ", "),
                     " is not yet part of the assessor's approved plan"));
  }
  return absl::OkStatus();
}

}  // namespace

bool RequiresCascade(const Plan& plan) {
  return !IsJptPositionType(plan.position_type) && plan.assessor.has_value() &&
         !plan.assessor->non_asn && !plan.assessor->employee_id.empty();
}

absl::Status ApplyEdit(Plan& plan, PlanContent next, const PlanFacts& facts) {
  if (plan.state != PlanState::kDraft && plan.state != PlanState::kReturned) {
    return NotInState("PLAN_NOT_EDITABLE", plan, "only DRAFT or RETURNED plans can be edited");
  }
  RETURN_IF_ERROR(RequireOpenPeriod(facts, "edited"));

  std::vector<errors::FieldViolation> violations =
      errors::ViolationsOf(ValidateContent(next, IsJptPositionType(plan.position_type)));
  for (auto& v : violations) v.field = absl::StrCat("plan.", v.field);
  for (size_t i = 0; i < next.results.size(); ++i) {
    const WorkResult& result = next.results[i];
    if (result.kind != ResultKind::kMain || result.parent_result_id.empty()) continue;
    auto it = facts.parents.find(result.parent_result_id);
    if (it == facts.parents.end()) {
      violations.push_back({absl::StrCat("plan.results[", i, "].parent_result_id"),
                            absl::StrCat("no result '", result.parent_result_id, "' exists")});
    } else if (!ParentBelongsToAssessor(plan, it->second)) {
      violations.push_back({absl::StrCat("plan.results[", i, "].parent_result_id"),
                            "must be a result of the assessor's plan in the same period"});
    } else if (!result.parent_indicator_id.empty() &&
               !HasIndicator(it->second, result.parent_indicator_id)) {
      violations.push_back(
          {absl::StrCat("plan.results[", i, "].parent_indicator_id"),
           absl::StrCat("'", result.parent_indicator_id, "' is not an indicator of result '",
                        result.parent_result_id, "'")});
    }
  }
  if (!violations.empty()) return errors::InvalidFields(violations);

  const std::vector<std::string> removed = RemovedResultIds(plan.content, next);
  if (!removed.empty()) {
    absl::flat_hash_set<std::string_view> with_dependants(facts.results_with_dependants.begin(),
                                                          facts.results_with_dependants.end());
    std::vector<std::string> blocked;
    for (const std::string& id : removed) {
      if (with_dependants.contains(id)) blocked.push_back(id);
    }
    if (!blocked.empty()) {
      return errors::RuleViolation(
          "RESULT_HAS_DEPENDANTS",
          absl::StrCat("result", (blocked.size() == 1 ? " " : "s "), absl::StrJoin(blocked, ", "),
                       " cannot be removed: other plans' results cascade from ",
                       (blocked.size() == 1 ? "it" : "them")));
    }
  }

  DefaultCascadeTypes(next.results);
  plan.content = std::move(next);
  return absl::OkStatus();
}

absl::Status ApplySubmit(Plan& plan, const PlanFacts& facts, absl::Time now) {
  if (plan.state != PlanState::kDraft && plan.state != PlanState::kReturned) {
    return NotInState("PLAN_NOT_SUBMITTABLE", plan,
                      "only DRAFT or RETURNED plans can be submitted");
  }
  RETURN_IF_ERROR(RequireOpenPeriod(facts, "submitted"));
  if (!plan.assessor.has_value()) {
    return errors::RuleViolation(
        "NO_ASSESSOR", absl::StrCat("plan ", plan.id,
                                    " has no assessor: the reporting line must name one before "
                                    "the plan can be submitted"));
  }
  // Only a first version is bound by the filling deadline: revisions happen mid-period. A plan
  // that started mid-year has its own deadline, counted from its start.
  const absl::CivilDay deadline = PlanFillingDeadline(facts.period, plan.start_date);
  if (plan.revision == 1 && !WithinFillingDeadline(deadline, facts.today, facts.extension_until)) {
    return errors::RuleViolation(
        "FILLING_DEADLINE_PASSED",
        absl::StrCat("the filling deadline of plan ", plan.id, " (period ", facts.period.id,
                     (plan.start_date > facts.period.start_date
                          ? absl::StrCat(", plan started ", absl::FormatCivilTime(plan.start_date))
                          : std::string()),
                     ") was ", absl::FormatCivilTime(deadline),
                     (facts.extension_until.has_value()
                          ? absl::StrCat(" (extended until ",
                                         absl::FormatCivilTime(*facts.extension_until), ")")
                          : std::string()),
                     "; today is ", absl::FormatCivilTime(facts.today)));
  }
  bool has_main = false;
  for (const WorkResult& r : plan.content.results) has_main |= r.kind == ResultKind::kMain;
  if (!has_main) {
    return errors::RuleViolation("NO_MAIN_RESULT",
                                 "a plan needs at least one main result (RHK utama)");
  }
  RETURN_IF_ERROR(errors::PrefixField(
      ValidateContent(plan.content, IsJptPositionType(plan.position_type)), "plan."));
  if (RequiresCascade(plan)) RETURN_IF_ERROR(CheckCascade(plan, facts));
  if (facts.public_service_unit && !HasQualityIndicator(plan.content)) {
    return errors::RuleViolation(
        "QUALITY_INDICATOR_REQUIRED",
        "the plan's unit serves the public: at least one indicator must measure QUALITY");
  }
  if (facts.public_service_unit && !facts.survey_id.empty() &&
      !HasSurveyIndicator(plan.content, facts.survey_id)) {
    return errors::RuleViolation(
        "SURVEY_INDICATOR_REQUIRED",
        absl::StrCat("the plan's unit serves the public and its service quality is measured by "
                     "survey '",
                     facts.survey_id, "': a QUALITY indicator must name survey_id '",
                     facts.survey_id, "'"));
  }

  plan.state = PlanState::kSubmitted;
  plan.submit_time = now;
  plan.return_note.clear();
  return absl::OkStatus();
}

absl::Status ApplyApprove(Plan& plan, const PlanFacts& facts, absl::Time now) {
  if (plan.state != PlanState::kSubmitted) {
    return NotInState("PLAN_NOT_SUBMITTED", plan, "only SUBMITTED plans can be approved");
  }
  RETURN_IF_ERROR(RequireUnlockedPeriod(facts));
  plan.state = PlanState::kApproved;
  plan.approve_time = now;
  plan.approved_revision = plan.revision;
  return absl::OkStatus();
}

absl::Status ApplyReturn(Plan& plan, const PlanFacts& facts, const std::string& note) {
  if (plan.state != PlanState::kSubmitted) {
    return NotInState("PLAN_NOT_SUBMITTED", plan, "only SUBMITTED plans can be returned");
  }
  RETURN_IF_ERROR(RequireUnlockedPeriod(facts));
  RETURN_IF_ERROR(CheckRequiredNote(note, "note"));
  plan.state = PlanState::kReturned;
  plan.return_note = note;
  return absl::OkStatus();
}

absl::Status ApplyRevise(Plan& plan, const PlanFacts& facts, const std::string& reason) {
  if (plan.state != PlanState::kApproved) {
    return NotInState("PLAN_NOT_APPROVED", plan, "only APPROVED plans can be revised");
  }
  RETURN_IF_ERROR(RequireOpenPeriod(facts, "revised"));
  RETURN_IF_ERROR(CheckRequiredNote(reason, "reason"));
  plan.state = PlanState::kDraft;
  plan.revision += 1;
  plan.revision_reason = reason;
  plan.return_note.clear();
  plan.submit_time.reset();
  plan.approve_time.reset();
  return absl::OkStatus();
}

absl::Status ApplyBehaviourExpectations(Plan& plan, const std::vector<BehaviourExpectation>& given,
                                        const PlanFacts& facts) {
  if (plan.state != PlanState::kDraft && plan.state != PlanState::kSubmitted &&
      plan.state != PlanState::kReturned) {
    return NotInState("PLAN_NOT_EDITABLE", plan,
                      "expectations are written while the plan is DRAFT, SUBMITTED or RETURNED; "
                      "an approved plan changes through a revision");
  }
  RETURN_IF_ERROR(RequireOpenPeriod(facts, "changed"));
  // Validates `given` (repeats, lengths) with the paths the caller sent, then keeps the values
  // it does not list.
  ASSIGN_OR_RETURN(std::vector<BehaviourExpectation> merged, NormaliseBehaviours(given));
  for (BehaviourExpectation& m : merged) {
    const bool listed = std::any_of(given.begin(), given.end(), [&](const BehaviourExpectation& b) {
      return b.value == m.value;
    });
    if (listed) continue;
    for (const BehaviourExpectation& current : plan.content.behaviours) {
      if (current.value == m.value) m.expectation = current.expectation;
    }
  }
  plan.content.behaviours = std::move(merged);
  return absl::OkStatus();
}

absl::Status ApplyClose(Plan& plan, const std::string& reason, absl::CivilDay end_date) {
  if (plan.state == PlanState::kClosed) {
    return errors::RuleViolation("PLAN_CLOSED",
                                 absl::StrCat("plan ", plan.id, " is already CLOSED"));
  }
  plan.state = PlanState::kClosed;
  plan.close_reason = reason;
  plan.end_date = end_date;
  return absl::OkStatus();
}

}  // namespace kinerja::goals
