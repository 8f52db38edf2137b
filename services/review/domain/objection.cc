#include "services/review/domain/objection.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/review/domain/predicate.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::review {
namespace {

std::string Day(absl::CivilDay day) { return absl::FormatCivilTime(day); }

absl::Status CheckOpen(const Objection& objection) {
  if (objection.state == ObjectionState::kDecided) {
    return errors::RuleViolation("OBJECTION_DECIDED", "the objection is decided; that is final");
  }
  return absl::OkStatus();
}

absl::Status CheckExplanationText(const std::string& text) {
  if (text.size() > kMaxExplanationBytes) {
    return errors::InvalidField(
        "explanation",
        absl::StrCat("must be at most ", kMaxExplanationBytes, " bytes, got ", text.size()));
  }
  return absl::OkStatus();
}

}  // namespace

std::string_view DayCountingName(DayCounting counting) {
  switch (counting) {
    case DayCounting::kCalendarDays:
      return "CALENDAR_DAYS";
    case DayCounting::kWorkingDays:
      return "WORKING_DAYS";
  }
  return "";
}

absl::StatusOr<DayCounting> ParseDayCounting(std::string_view name, std::string_view field) {
  for (auto c : {DayCounting::kCalendarDays, DayCounting::kWorkingDays}) {
    if (DayCountingName(c) == name) return c;
  }
  return errors::InvalidField(ToAbsl(field),
                              absl::StrCat("unknown value '", ToAbsl(name),
                                           "'; expected one of 'CALENDAR_DAYS', 'WORKING_DAYS'"));
}

absl::Status ValidateObjectionPolicy(const ObjectionPolicy& policy) {
  if (policy.days < 1 || policy.days > 365) {
    return errors::InvalidField("objection_policy.days",
                                absl::StrCat("must be 1..365, got ", policy.days));
  }
  return absl::OkStatus();
}

bool IsWorkingDay(absl::CivilDay day, const Holidays& holidays) {
  const absl::Weekday weekday = absl::GetWeekday(day);
  if (weekday == absl::Weekday::saturday || weekday == absl::Weekday::sunday) return false;
  return std::find(holidays.begin(), holidays.end(), day) == holidays.end();
}

absl::StatusOr<absl::CivilDay> ObjectionDeadline(absl::CivilDay delivered,
                                                 const ObjectionPolicy& policy,
                                                 const Holidays& holidays) {
  RETURN_IF_ERROR(ValidateObjectionPolicy(policy));
  if (policy.counting == DayCounting::kCalendarDays) return delivered + policy.days;
  absl::CivilDay day = delivered;
  for (int counted = 0; counted < policy.days;) {
    ++day;
    if (IsWorkingDay(day, holidays)) ++counted;
  }
  return day;
}

absl::Status CheckObjectionFiling(const ObjectionFilingFacts& facts, const ObjectionPolicy& policy,
                                  const Holidays& holidays) {
  if (!facts.filer_is_employee) {
    return errors::RuleViolation("NOT_OWN_ASSESSMENT",
                                 "only the assessed employee may object to an assessment");
  }
  if (!facts.assessment_final) {
    return errors::RuleViolation("ASSESSMENT_NOT_FINAL",
                                 "an objection is filed against a finalised assessment");
  }
  if (!facts.delivered.has_value()) {
    return errors::RuleViolation("ASSESSMENT_NOT_DELIVERED",
                                 "the result has not been delivered to the employee yet");
  }
  if (facts.already_has_objection) {
    return errors::RuleViolation("OBJECTION_EXISTS",
                                 "the employee already objected to this assessment");
  }
  ASSIGN_OR_RETURN(const absl::CivilDay deadline,
                   ObjectionDeadline(*facts.delivered, policy, holidays));
  if (facts.today > deadline) {
    return errors::RuleViolation(
        "OBJECTION_WINDOW_CLOSED",
        absl::StrCat("the result was delivered on ", Day(*facts.delivered),
                     "; objections were accepted until ", Day(deadline), " (", policy.days, " ",
                     ToAbsl(DayCountingName(policy.counting)), ")"));
  }
  return absl::OkStatus();
}

absl::StatusOr<Objection> NewObjection(const Assessment& assessment, absl::CivilDay today,
                                       std::string employee_explanation) {
  RETURN_IF_ERROR(CheckExplanationText(employee_explanation));
  Objection objection;
  objection.assessment_id = assessment.id;
  objection.employee_nip = assessment.employee.nip;
  objection.filed_on = today;
  objection.employee_explanation = std::move(employee_explanation);
  return objection;
}

absl::Status ApplyExplanation(Objection& objection, const Assessment& assessment,
                              const Actor& actor, ObjectionSide side, std::string text) {
  if (side == ObjectionSide::kEmployee) {
    if (!IsOwnAssessment(actor, assessment)) {
      return errors::RuleViolation("NOT_OBJECTION_PARTY",
                                   "the employee's side is written by the assessed employee");
    }
  } else {
    const bool party =
        assessment.assessor.has_value() &&
        ActAs(actor, *assessment.assessor, assessment.employee.nip, "NOT_OBJECTION_PARTY").ok();
    if (!party) {
      return errors::RuleViolation("NOT_OBJECTION_PARTY",
                                   "the assessor's side is written by the assessor of record");
    }
  }
  RETURN_IF_ERROR(CheckOpen(objection));
  if (IsBlank(text)) return errors::InvalidField("explanation", "is required");
  RETURN_IF_ERROR(CheckExplanationText(text));
  (side == ObjectionSide::kEmployee ? objection.employee_explanation
                                    : objection.assessor_explanation) = std::move(text);
  return absl::OkStatus();
}

absl::Status ApplyObjectionDecision(Objection& objection, Assessment& assessment,
                                    const ObjectionDecisionInput& input, const ActingOfficial& by,
                                    absl::Time now) {
  if (objection.assessment_id != assessment.id) {
    return errors::InvalidField("assessment_id",
                                absl::StrCat("objection ", objection.id, " is about assessment ",
                                             objection.assessment_id, ", not ", assessment.id));
  }
  RETURN_IF_ERROR(CheckOpen(objection));
  if (IsBlank(objection.employee_explanation) || IsBlank(objection.assessor_explanation)) {
    return errors::RuleViolation(
        "EXPLANATIONS_MISSING",
        "the superior hears both sides: the employee's and the assessor's explanations first");
  }
  if (assessment.state != AssessmentState::kFinalised || !assessment.results_rating.has_value() ||
      !assessment.behaviour_rating.has_value()) {
    return errors::RuleViolation("ASSESSMENT_NOT_FINAL",
                                 "an objection is decided on a finalised assessment");
  }
  if (IsBlank(input.reason)) return errors::InvalidField("reason", "is required");
  if (input.reason.size() > kMaxDecisionReasonBytes) {
    return errors::InvalidField("reason", absl::StrCat("must be at most ", kMaxDecisionReasonBytes,
                                                       " bytes, got ", input.reason.size()));
  }
  const Rating results_after = input.results.value_or(*assessment.results_rating);
  const Rating behaviour_after = input.behaviour.value_or(*assessment.behaviour_rating);
  if (assessment.unit_head && results_after != *assessment.results_rating) {
    return errors::RuleViolation("UNIT_HEAD_RESULTS_FIXED",
                                 "a unit head's results rating is the unit's result; only the "
                                 "behaviour rating can change");
  }
  ObjectionDecision d;
  d.results_before = *assessment.results_rating;
  d.behaviour_before = *assessment.behaviour_rating;
  d.predicate_before = DerivePredicate(d.results_before, d.behaviour_before);
  d.results_after = results_after;
  d.behaviour_after = behaviour_after;
  d.predicate_after = DerivePredicate(results_after, behaviour_after);
  d.changed = d.results_after != d.results_before || d.behaviour_after != d.behaviour_before;
  d.reason = input.reason;
  d.decided_by = by.official;
  d.decided_by.capacity = by.capacity;
  d.recorded_by = by.recorded_by;
  d.decide_time = now;
  assessment.results_rating = results_after;
  assessment.behaviour_rating = behaviour_after;
  assessment.predicate = d.predicate_after;
  objection.state = ObjectionState::kDecided;
  objection.decision = std::move(d);
  return absl::OkStatus();
}

}  // namespace kinerja::review
