// Who may do what with goals (ARCHITECTURE.md "Identity and access", issue "Access"):
// - employees edit their own drafts (principal.nip == the plan's employee NIP) and start
//   revisions of their own approved plans;
// - the assessor (principal.nip == the plan's assessor NIP) approves or returns; when the
//   assessor is a NON-ASN political head (no NIP, no account), an HR admin of the agency
//   records the decision on their behalf;
// - agency HR admins manage periods, deadline extensions, unit policy and templates of their
//   own agency, create plans for its employees and edit their drafts;
// - auditors (inspectorate, BKN) read every agency; services read what they need;
// - the assessor's superior reads the plans they oversee.
// Denials are PERMISSION_DENIED with the reason; several roles: allowed if any role allows.
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "services/goals/domain/types.h"
#include "shared/auth/principal.h"

namespace kinerja::goals {

// Periods, extensions, unit policies, templates, bulk application: HR admins of the agency.
absl::Status CanManageAgency(const auth::Principal& principal, std::string_view agency_id);

// Reading an agency's periods, policies, templates and listing its plans: HR admins of the
// agency, auditors, services.
absl::Status CanReadAgency(const auth::Principal& principal, std::string_view agency_id);

// Reading an agency's periods (not personal data): whoever may read the agency, and every civil
// servant of that agency, who needs the period to create their own plan.
absl::Status CanReadPeriods(const auth::Principal& principal, std::string_view agency_id);

// Creating a plan for the employee with this NIP in this agency: the employee, or an HR admin.
absl::Status CanCreatePlan(const auth::Principal& principal, std::string_view agency_id,
                           std::string_view employee_nip);

// Reading one plan: its employee, assessor and assessor's superior, HR admins of its agency,
// auditors, services.
absl::Status CanReadPlan(const auth::Principal& principal, const Plan& plan);

// Editing content, submitting and starting a revision: the plan's employee or an HR admin of
// its agency.
absl::Status CanEditPlan(const auth::Principal& principal, const Plan& plan);

// Approving and returning: the plan's assessor (by NIP); for a NON-ASN assessor, an HR admin of
// the agency. An employee never decides their own plan.
// `plan.assessor` must be the line of the day (the API refreshes it from the employee service
// before the decision): a new head, a Plt or a Plh on duty that day decides, one who left does not.
absl::Status CanDecidePlan(const auth::Principal& principal, const Plan& plan);

// Writing the leader's specific expectations of a plan: its assessor of the day (plan.assessor
// refreshed like for CanDecidePlan) or an HR admin of its agency; never the plan's employee.
absl::Status CanSetExpectations(const auth::Principal& principal, const Plan& plan);

// The decision `principal` (allowed by CanDecidePlan) takes on the plan's current revision: the
// official is the assessor of the day, in their capacity (definitive, Plt, Plh, delegated, Pj);
// for a NON-ASN assessor the capacity is kHrForNonAsn (an HR admin records it).
PlanDecision DecisionBy(const auth::Principal& principal, const Plan& plan, DecisionAction action,
                        std::string note, absl::Time now);

// StreamEvents carries plans of every agency: auditors and services.
absl::Status CanStreamEvents(const auth::Principal& principal);

}  // namespace kinerja::goals
