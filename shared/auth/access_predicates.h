// Who the caller is, as the services' access rules ask it (ARCHITECTURE.md "Identity and
// access"), and the PERMISSION_DENIED they answer with. The rules themselves (who may do what)
// stay in each service's domain/access.cc.
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "shared/auth/principal.h"

namespace kinerja::auth {

// An HR admin (hr_admin) whose home agency is `agency_id`.
bool IsHrAdminOf(const Principal& principal, std::string_view agency_id);

// A signed-in civil servant: a NIP and an employee, unit leader or HR admin role (not a public
// or service token).
bool IsCivilServant(const Principal& principal);

// The signed-in civil servant whose NIP is `nip`.
bool IsPerson(const Principal& principal, std::string_view nip);

// Auditors and services read every agency.
bool ReadsEverything(const Principal& principal);

// No role, or the public role only: aggregates, never individuals.
bool IsPublicOnly(const Principal& principal);

// PERMISSION_DENIED "caller '<sub>' may not <action>: requires <requirement>"; for public-only
// callers "public callers see aggregates only and may not <action>".
absl::Status Denied(const Principal& principal, std::string_view action,
                    std::string_view requirement);

}  // namespace kinerja::auth
