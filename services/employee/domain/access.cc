#include "services/employee/domain/access.h"

#include "absl/strings/str_cat.h"
#include "shared/auth/access_predicates.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

using auth::Denied;
using auth::IsHrAdminOf;
using auth::IsPerson;
using auth::Principal;
using auth::ReadsEverything;

bool IsAssessor(const Principal& principal, const EmployeeAccessFacts& target) {
  return target.caller_is_assessor_of_target && auth::IsCivilServant(principal);
}

}  // namespace

absl::Status CanReadEmployee(const Principal& principal, const EmployeeAccessFacts& target) {
  if (ReadsEverything(principal) || IsHrAdminOf(principal, target.agency_id) ||
      IsPerson(principal, target.nip) || IsAssessor(principal, target)) {
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
