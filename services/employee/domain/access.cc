#include "services/employee/domain/access.h"

#include "absl/strings/str_cat.h"
#include "services/employee/domain/text.h"

namespace kinerja::employee {
namespace {

using auth::Principal;
using auth::Role;

bool IsHrAdminOf(const Principal& principal, std::string_view agency_id) {
  return principal.Has(Role::kHrAdmin) && !principal.agency_id.empty() &&
         principal.agency_id == agency_id;
}

bool IsSelf(const Principal& principal, std::string_view nip) {
  return !principal.nip.empty() && principal.nip == nip &&
         (principal.Has(Role::kEmployee) || principal.Has(Role::kUnitLeader) ||
          principal.Has(Role::kHrAdmin));
}

bool IsAssessor(const Principal& principal, const EmployeeAccessFacts& target) {
  return target.caller_is_assessor_of_target && !principal.nip.empty() &&
         (principal.Has(Role::kEmployee) || principal.Has(Role::kUnitLeader) ||
          principal.Has(Role::kHrAdmin));
}

bool ReadsEverything(const Principal& principal) {
  return principal.Has(Role::kAuditor) || principal.Has(Role::kService);
}

absl::Status Denied(const Principal& principal, std::string_view action,
                    std::string_view requirement) {
  if (principal.roles.empty() || (principal.roles.size() == 1 && principal.Has(Role::kPublic))) {
    return absl::PermissionDeniedError(
        absl::StrCat("public callers see aggregates only and may not ", ToAbsl(action)));
  }
  return absl::PermissionDeniedError(absl::StrCat("caller '", principal.subject, "' may not ",
                                                  ToAbsl(action), ": requires ",
                                                  ToAbsl(requirement)));
}

}  // namespace

absl::Status CanReadEmployee(const Principal& principal, const EmployeeAccessFacts& target) {
  if (ReadsEverything(principal) || IsHrAdminOf(principal, target.agency_id) ||
      IsSelf(principal, target.nip) || IsAssessor(principal, target)) {
    return absl::OkStatus();
  }
  return Denied(principal, "read this employee",
                "being the employee, their assessor, an HR admin of their agency, an auditor "
                "or a service");
}

absl::Status CanReadAgencyData(const Principal& principal, std::string_view agency_id) {
  if (ReadsEverything(principal) || IsHrAdminOf(principal, agency_id)) return absl::OkStatus();
  return Denied(principal, absl::StrCat("read agency '", ToAbsl(agency_id), "'"),
                "an HR admin of that agency, an auditor or a service");
}

absl::Status CanWriteAgencyData(const Principal& principal, std::string_view agency_id) {
  if (IsHrAdminOf(principal, agency_id)) return absl::OkStatus();
  return Denied(principal, absl::StrCat("change agency '", ToAbsl(agency_id), "'"),
                "an HR admin of that agency");
}

absl::Status CanImport(const Principal& principal, std::string_view agency_id) {
  if (IsHrAdminOf(principal, agency_id)) return absl::OkStatus();
  return Denied(principal, absl::StrCat("import into agency '", ToAbsl(agency_id), "'"),
                "an HR admin of that agency");
}

}  // namespace kinerja::employee
