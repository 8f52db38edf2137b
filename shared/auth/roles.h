// Role names as they appear on the wire (token claims, CLI flags, logs).
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "shared/auth/principal.h"

namespace kinerja::auth {

// "employee", "hr_admin", "unit_leader", "auditor", "service", "public".
std::string_view RoleName(Role role);

// Exact, case-sensitive match on the names above; InvalidArgumentError otherwise.
absl::StatusOr<Role> ParseRole(std::string_view name);

}  // namespace kinerja::auth
