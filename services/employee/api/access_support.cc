#include "services/employee/api/access_support.h"

#include "services/employee/domain/access.h"
#include "services/employee/domain/reporting_line.h"

namespace kinerja::employee::api {

bool ReadsEveryAgency(const auth::Principal& principal) {
  return CanReadAgencyData(principal, "").ok();
}

absl::Status CanStreamEvents(const auth::Principal& principal) {
  if (ReadsEveryAgency(principal)) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "StreamEvents carries personal data of every agency: requires an auditor or a service");
}

absl::Status CheckCanReadEmployee(store::EmployeeStore& store, const auth::Principal& principal,
                                  const EmployeeRecord& target, absl::CivilDay date) {
  EmployeeAccessFacts facts{.agency_id = target.employee.agency_id,
                            .nip = target.employee.nip,
                            .caller_is_assessor_of_target = false};
  absl::Status allowed = CanReadEmployee(principal, facts);
  if (allowed.ok() || principal.nip.empty()) return allowed;
  absl::StatusOr<store::LoadedOrg> org = store.LoadOrgForReportingLine(target.employee.id, date);
  if (!org.ok()) return org.status();
  if (org->subject.has_value()) {
    ReportingLine line = ResolveReportingLine(org->snapshot, *org->subject, date);
    facts.caller_is_assessor_of_target = line.assessor.has_value() &&
                                         line.assessor->kind == Official::kAsn &&
                                         line.assessor->nip == principal.nip;
  }
  return CanReadEmployee(principal, facts);
}

}  // namespace kinerja::employee::api
