// Who may read and write employee data (ARCHITECTURE.md "Identity and access"):
// - agency HR admins (hr_admin) read and write only their own agency (principal.agency_id);
// - employees read themselves (principal.nip == the employee's NIP / NI PPPK);
// - assessors read the employees they assess (a fact the store computes from reporting lines);
// - auditors (inspectorate, BKN) read every agency, write nothing;
// - services read everything they need (all reads), write nothing here;
// - the public reads nothing about individuals (aggregates live in analytics).
// A unit leader role grants nothing by itself: leaders read their staff as their assessors.
// Denials are PermissionDenied with the reason; a principal with several roles is allowed if
// any role allows.
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "shared/auth/principal.h"

namespace kinerja::employee {

// What the store knows about the employee being accessed.
struct EmployeeAccessFacts {
  std::string_view agency_id;  // the employee's agency
  std::string_view nip;        // the employee's NIP / NI PPPK
  bool caller_is_assessor_of_target = false;
};

// Reading one employee's record, reporting line or history.
absl::Status CanReadEmployee(const auth::Principal& principal, const EmployeeAccessFacts& target);

// Reading an agency's organisation (units, positions) and listing its employees:
// HR admins of that agency, auditors, services. Employees see individuals through
// CanReadEmployee only.
absl::Status CanReadAgencyData(const auth::Principal& principal, std::string_view agency_id);

// Creating or changing employees, units, positions, assignments and acting appointments of
// an agency: only its HR admins.
absl::Status CanWriteAgencyData(const auth::Principal& principal, std::string_view agency_id);

// Importing national registry (SIASN) records into an agency: only its HR admins. Kept apart
// from CanWriteAgencyData so the audit log and future policy can tell bulk imports apart.
absl::Status CanImport(const auth::Principal& principal, std::string_view agency_id);

}  // namespace kinerja::employee
