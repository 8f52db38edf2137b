#include "services/goals/domain/access.h"

#include "absl/strings/str_cat.h"
#include "shared/auth/access_predicates.h"
#include "shared/text/text.h"

namespace kinerja::goals {
namespace {

using auth::Denied;
using auth::IsHrAdminOf;
using auth::IsPerson;
using auth::IsPublicOnly;
using auth::Principal;
using auth::ReadsEverything;

bool IsAssessorOf(const Principal& principal, const Plan& plan) {
  return plan.assessor.has_value() && IsPerson(principal, plan.assessor->nip);
}

bool IsAssessorSuperiorOf(const Principal& principal, const Plan& plan) {
  return plan.assessor_superior.has_value() && IsPerson(principal, plan.assessor_superior->nip);
}

std::string PlanAction(std::string_view verb, const Plan& plan) {
  return absl::StrCat(ToAbsl(verb), " plan ", plan.id);
}

}  // namespace

absl::Status CanManageAgency(const Principal& principal, std::string_view agency_id) {
  if (IsHrAdminOf(principal, agency_id)) return absl::OkStatus();
  return Denied(principal, absl::StrCat("manage goals of agency '", ToAbsl(agency_id), "'"),
                "an HR admin of that agency");
}

absl::Status CanReadAgency(const Principal& principal, std::string_view agency_id) {
  if (ReadsEverything(principal) || IsHrAdminOf(principal, agency_id)) return absl::OkStatus();
  return Denied(principal, absl::StrCat("read goals of agency '", ToAbsl(agency_id), "'"),
                "an HR admin of that agency, an auditor or a service");
}

absl::Status CanReadPeriods(const Principal& principal, std::string_view agency_id) {
  if (auth::IsCivilServant(principal) && !principal.agency_id.empty() &&
      principal.agency_id == agency_id) {
    return absl::OkStatus();
  }
  if (ReadsEverything(principal) || IsHrAdminOf(principal, agency_id)) return absl::OkStatus();
  return Denied(principal, absl::StrCat("read the periods of agency '", ToAbsl(agency_id), "'"),
                "a civil servant or HR admin of that agency, an auditor or a service");
}

absl::Status CanCreatePlan(const Principal& principal, std::string_view agency_id,
                           std::string_view employee_nip) {
  if (IsPerson(principal, employee_nip) || IsHrAdminOf(principal, agency_id)) {
    return absl::OkStatus();
  }
  return Denied(principal,
                absl::StrCat("create a plan for employee ", ToAbsl(employee_nip), " of agency '",
                             ToAbsl(agency_id), "'"),
                "being that employee or an HR admin of that agency");
}

absl::Status CanReadPlan(const Principal& principal, const Plan& plan) {
  if (ReadsEverything(principal) || IsHrAdminOf(principal, plan.agency_id) ||
      IsPerson(principal, plan.employee.nip) || IsAssessorOf(principal, plan) ||
      IsAssessorSuperiorOf(principal, plan)) {
    return absl::OkStatus();
  }
  return Denied(principal, PlanAction("read", plan),
                "being its employee, their assessor or the assessor's superior, an HR admin of "
                "its agency, an auditor or a service");
}

absl::Status CanEditPlan(const Principal& principal, const Plan& plan) {
  if (IsPerson(principal, plan.employee.nip) || IsHrAdminOf(principal, plan.agency_id)) {
    return absl::OkStatus();
  }
  return Denied(principal, PlanAction("change", plan),
                "being its employee or an HR admin of its agency");
}

absl::Status CanDecidePlan(const Principal& principal, const Plan& plan) {
  const std::string action = PlanAction("approve or return", plan);
  if (IsPublicOnly(principal)) return Denied(principal, action, "");
  if (!principal.nip.empty() && principal.nip == plan.employee.nip) {
    return absl::PermissionDeniedError(absl::StrCat("caller '", principal.subject, "' may not ",
                                                    action,
                                                    ": an employee never decides their own plan"));
  }
  if (!plan.assessor.has_value()) {
    return absl::PermissionDeniedError(
        absl::StrCat("nobody may ", action,
                     ": it has no assessor (the reporting line names none); fix the reporting "
                     "line first"));
  }
  if (plan.assessor->non_asn) {
    // A political head (NON-ASN, no NIP, no account): the agency's HR records the decision.
    if (IsHrAdminOf(principal, plan.agency_id)) return absl::OkStatus();
    return Denied(principal, action,
                  "an HR admin of its agency, recording the decision of its NON-ASN assessor");
  }
  if (IsAssessorOf(principal, plan)) return absl::OkStatus();
  return Denied(principal, action, "being its assessor");
}

absl::Status CanSetExpectations(const Principal& principal, const Plan& plan) {
  const std::string action = PlanAction("write the leader's expectations of", plan);
  if (!principal.nip.empty() && principal.nip == plan.employee.nip) {
    return absl::PermissionDeniedError(
        absl::StrCat("caller '", principal.subject, "' may not ", action,
                     ": the leader's expectations are written by the assessor"));
  }
  if (IsAssessorOf(principal, plan) || IsHrAdminOf(principal, plan.agency_id)) {
    return absl::OkStatus();
  }
  return Denied(principal, action, "being its assessor or an HR admin of its agency");
}

PlanDecision DecisionBy(const Principal& principal, const Plan& plan, DecisionAction action,
                        std::string note, absl::Time now) {
  PlanDecision decision;
  decision.plan_id = plan.id;
  decision.revision = plan.revision;
  decision.action = action;
  if (plan.assessor.has_value()) decision.decided_by = *plan.assessor;
  decision.recorded_by = principal.subject;
  decision.note = std::move(note);
  decision.decide_time = now;
  const PlanPerson& who = decision.decided_by;
  if (who.non_asn) {
    decision.capacity = DecisionCapacity::kHrForNonAsn;
  } else if (who.capacity == "DELEGATED") {
    decision.capacity = DecisionCapacity::kDelegated;
  } else if (who.capacity == "PJ") {
    decision.capacity = DecisionCapacity::kPj;
  } else if (who.acting == "PLH" || who.capacity == "PLH") {
    decision.capacity = DecisionCapacity::kPlh;
  } else if (who.acting == "PLT" || who.capacity == "PLT") {
    decision.capacity = DecisionCapacity::kPlt;
  } else {
    decision.capacity = DecisionCapacity::kDefinitive;
  }
  return decision;
}

absl::Status CanStreamEvents(const Principal& principal) {
  if (ReadsEverything(principal)) return absl::OkStatus();
  return Denied(principal, "stream goals events", "an auditor or a service");
}

}  // namespace kinerja::goals
