#include "shared/auth/access_predicates.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "shared/text/text.h"

namespace kinerja::auth {
bool IsHrAdminOf(const Principal& principal, std::string_view agency_id) {
  return principal.Has(Role::kHrAdmin) && !principal.agency_id.empty() &&
         principal.agency_id == agency_id;
}

bool IsCivilServant(const Principal& principal) {
  return !principal.nip.empty() &&
         (principal.Has(Role::kEmployee) || principal.Has(Role::kUnitLeader) ||
          principal.Has(Role::kHrAdmin));
}

bool IsPerson(const Principal& principal, std::string_view nip) {
  return IsCivilServant(principal) && principal.nip == nip;
}

bool ReadsEverything(const Principal& principal) {
  return principal.Has(Role::kAuditor) || principal.Has(Role::kService);
}

bool IsPublicOnly(const Principal& principal) {
  return principal.roles.empty() || (principal.roles.size() == 1 && principal.Has(Role::kPublic));
}

absl::Status Denied(const Principal& principal, std::string_view action,
                    std::string_view requirement) {
  if (IsPublicOnly(principal)) {
    return absl::PermissionDeniedError(
        absl::StrCat("public callers see aggregates only and may not ", ToAbsl(action)));
  }
  return absl::PermissionDeniedError(absl::StrCat("caller '", principal.subject, "' may not ",
                                                  ToAbsl(action), ": requires ",
                                                  ToAbsl(requirement)));
}

}  // namespace kinerja::auth
