// Who may act on review records (DOMAIN.md "Organisation": who decides is who holds the role on
// the day of the decision; a NON-ASN political head has no NIP and no account, so an HR admin of
// the agency records their decision). These are pure functions over plain inputs: the API turns
// the authenticated principal into an Actor and asks the employee service for the official of
// the day (assessor, assessor's superior, parent unit leader) before calling them.
//
// Refusals are FAILED_PRECONDITION with a reason (the brief of this layer: every refusal is a
// rule violation); the API may map them to PERMISSION_DENIED at the edge if it prefers.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "services/review/domain/types.h"

namespace kinerja::review {

// The caller, as the API resolved it.
struct Actor {
  std::string subject;              // token subject: recorded as recorded_by
  std::string nip;                  // empty when the caller is not a civil servant
  bool hr_admin_of_agency = false;  // an HR admin of the agency the record belongs to
};

// An official of the day acting, in a capacity, recorded by a caller.
struct ActingOfficial {
  Official official;  // the official of the day (for kHrForNonAsn: the NON-ASN head)
  Capacity capacity = Capacity::kDefinitive;
  std::string recorded_by;
};

// `actor` acting as `official_of_the_day`: the same NIP (non-empty; capacity = the official's),
// or, for a NON-ASN official, an HR admin of the agency (capacity kHrForNonAsn). Never on the
// actor's own assessment (actor.nip == subject_nip): "OWN_ASSESSMENT". Otherwise `reason`.
absl::StatusOr<ActingOfficial> ActAs(const Actor& actor, const Official& official_of_the_day,
                                     std::string_view subject_nip, std::string_view reason);

// Rating and finalising: the assessor of the day ("NOT_ASSESSOR_OF_THE_DAY").
absl::StatusOr<ActingOfficial> ActAsAssessor(const Actor& actor, const Official& assessor_of_day,
                                             std::string_view employee_nip);

// Deciding an objection: the assessor's superior of the day ("NOT_ASSESSOR_SUPERIOR").
absl::StatusOr<ActingOfficial> ActAsAssessorSuperior(const Actor& actor,
                                                     const Official& superior_of_day,
                                                     std::string_view employee_nip);

// Setting a unit's organisation predicate: the leader one level up of the day
// ("NOT_PARENT_UNIT_LEADER"). `unit_head_nip` is the head of the unit being rated (who may not
// set their own unit's predicate: "OWN_ASSESSMENT").
absl::StatusOr<ActingOfficial> ActAsParentUnitLeader(const Actor& actor,
                                                     const Official& parent_leader_of_day,
                                                     std::string_view unit_head_nip);

// True when the actor is the assessed employee (by NIP, non-empty).
bool IsOwnAssessment(const Actor& actor, const Assessment& assessment);

}  // namespace kinerja::review
