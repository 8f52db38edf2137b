// Who may read and manage review records (ARCHITECTURE.md "Identity and access"), on the
// authenticated principal. Who may act on an assessment or objection (the assessor of the day,
// the assessor's superior of the day, the leader one level up) is access.h, on the officials
// the employee service resolves for the day.
// - employees see their own assessments and objections (by NIP);
// - the assessor of record sees the assessments they rated and their objections;
// - HR admins see and manage their own agency (policy, export, recording for NON-ASN heads);
// - auditors and services read everything; nobody writes across agencies.
// Denials are PERMISSION_DENIED with the reason.
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "services/review/domain/access.h"
#include "services/review/domain/types.h"
#include "shared/auth/principal.h"

namespace kinerja::review {

// Reading an agency's policy, organisation predicates, lists: HR admins of the agency,
// auditors, services.
absl::Status CanReadAgency(const auth::Principal& principal, std::string_view agency_id);
// Reading an agency's review policy: also every civil servant of the agency (the objection
// window and holidays concern them).
absl::Status CanReadPolicy(const auth::Principal& principal, std::string_view agency_id);
// Changing an agency's review policy: HR admins of the agency.
absl::Status CanManageAgency(const auth::Principal& principal, std::string_view agency_id);
// Reading one assessment (and its objection): its employee, its assessor of record, HR admins
// of its agency, auditors, services.
absl::Status CanReadAssessment(const auth::Principal& principal, const Assessment& assessment);
// Exporting an agency's finalised assessments to SIASN (marks them exported): HR admins of the
// agency and services.
absl::Status CanExport(const auth::Principal& principal, std::string_view agency_id);
// StreamEvents carries every agency's records: auditors and services.
absl::Status CanStreamEvents(const auth::Principal& principal);

// The principal as the acting rules see it (access.h): subject, NIP, HR admin of the agency.
Actor ActorOf(const auth::Principal& principal, std::string_view agency_id);

}  // namespace kinerja::review
