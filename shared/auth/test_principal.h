// A principal for tests of access rules: a civil servant (or service) with the given roles.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "shared/auth/principal.h"

namespace kinerja::auth {

inline Principal TestPrincipal(std::vector<Role> roles, std::string agency_id, std::string nip) {
  Principal p;
  p.subject = "user-1";
  p.roles = std::move(roles);
  p.agency_id = std::move(agency_id);
  p.nip = std::move(nip);
  return p;
}

}  // namespace kinerja::auth
