#include "shared/auth/roles.h"

#include <array>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace kinerja::auth {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 6> kRoleNames = {{
    {Role::kEmployee, "employee"},
    {Role::kHrAdmin, "hr_admin"},
    {Role::kUnitLeader, "unit_leader"},
    {Role::kAuditor, "auditor"},
    {Role::kService, "service"},
    {Role::kPublic, "public"},
}};

}  // namespace

std::string_view RoleName(Role role) {
  for (const auto& [r, name] : kRoleNames) {
    if (r == role) return name;
  }
  return "unknown";  // Only reachable with a value cast outside the enum.
}

absl::StatusOr<Role> ParseRole(std::string_view name) {
  for (const auto& [role, role_name] : kRoleNames) {
    if (role_name == name) return role;
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown role \"", std::string(name), "\""));
}

}  // namespace kinerja::auth
