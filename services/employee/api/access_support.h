// Access decisions that need facts from the store, and the ones derived from access.h for calls
// that are not about one agency. The rules themselves stay in the domain (access.h).
#pragma once

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "services/employee/store/employee_store.h"
#include "shared/auth/principal.h"

namespace kinerja::employee::api {

// Callers who read every agency (auditors, services): CanReadAgencyData holds for an agency id
// that no HR admin can hold ("").
bool ReadsEveryAgency(const auth::Principal& principal);

// StreamEvents carries personal data of every agency: only callers who read every agency.
absl::Status CanStreamEvents(const auth::Principal& principal);

// CanReadEmployee for `target`. When the cheap facts do not allow the read and the caller is a
// civil servant, the store's org snapshot around the target on `date` tells whether the caller
// is the target's assessor (ResolveReportingLine).
absl::Status CheckCanReadEmployee(store::EmployeeStore& store, const auth::Principal& principal,
                                  const EmployeeRecord& target, absl::CivilDay date);

}  // namespace kinerja::employee::api
