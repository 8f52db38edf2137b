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
absl::Status CanDecidePlan(const auth::Principal& principal, const Plan& plan);

// StreamEvents carries plans of every agency: auditors and services.
absl::Status CanStreamEvents(const auth::Principal& principal);

}  // namespace kinerja::goals
