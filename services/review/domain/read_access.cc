#include "services/review/domain/read_access.h"

#include "absl/strings/str_cat.h"
#include "services/review/domain/access.h"
#include "shared/auth/access_predicates.h"
#include "shared/text/text.h"

namespace kinerja::review {

using auth::Denied;
using auth::IsHrAdminOf;
using auth::IsPerson;
using auth::Principal;
using auth::ReadsEverything;

absl::Status CanReadAgency(const Principal& principal, std::string_view agency_id) {
  if (ReadsEverything(principal) || IsHrAdminOf(principal, agency_id)) return absl::OkStatus();
  return Denied(principal, absl::StrCat("read reviews of agency '", ToAbsl(agency_id), "'"),
                "an HR admin of that agency, an auditor or a service");
}

absl::Status CanReadPolicy(const Principal& principal, std::string_view agency_id) {
  if (auth::IsCivilServant(principal) && !principal.agency_id.empty() &&
      principal.agency_id == agency_id) {
    return absl::OkStatus();
  }
  return CanReadAgency(principal, agency_id);
}

absl::Status CanManageAgency(const Principal& principal, std::string_view agency_id) {
  if (IsHrAdminOf(principal, agency_id)) return absl::OkStatus();
  return Denied(principal, absl::StrCat("manage reviews of agency '", ToAbsl(agency_id), "'"),
                "an HR admin of that agency");
}

absl::Status CanReadAssessment(const Principal& principal, const Assessment& assessment) {
  if (ReadsEverything(principal) || IsHrAdminOf(principal, assessment.agency_id) ||
      IsPerson(principal, assessment.employee.nip) ||
      (assessment.assessor.has_value() && IsPerson(principal, assessment.assessor->nip))) {
    return absl::OkStatus();
  }
  return Denied(principal, absl::StrCat("read assessment ", assessment.id),
                "its employee, its assessor, an HR admin of its agency, an auditor or a service");
}

absl::Status CanExport(const Principal& principal, std::string_view agency_id) {
  if (principal.Has(auth::Role::kService) || IsHrAdminOf(principal, agency_id)) {
    return absl::OkStatus();
  }
  return Denied(principal,
                absl::StrCat("export the assessments of agency '", ToAbsl(agency_id), "'"),
                "an HR admin of that agency or a service");
}

absl::Status CanStreamEvents(const Principal& principal) {
  if (ReadsEverything(principal)) return absl::OkStatus();
  return Denied(principal, "stream review events", "an auditor or a service");
}

Actor ActorOf(const Principal& principal, std::string_view agency_id) {
  Actor actor;
  actor.subject = principal.subject;
  actor.nip = principal.nip;
  actor.hr_admin_of_agency = IsHrAdminOf(principal, agency_id);
  return actor;
}

}  // namespace kinerja::review
