// Reading the claims of a token whose signature has already been verified. Every error is
// UnauthenticatedError with a short reason.
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"
#include "shared/auth/principal.h"

namespace kinerja::auth {

struct TokenLifetime {
  absl::Time not_before = absl::InfinitePast();  // "nbf", if present
  absl::Time expires;                            // "exp", required
};

// "exp" is required; "nbf" optional. Both are NumericDate (seconds, integer or fractional).
absl::StatusOr<TokenLifetime> ReadLifetime(const nlohmann::json& claims);

// "iss" must equal `issuer`; "aud" (a string or an array of strings) must contain `audience`.
absl::Status CheckIssuer(const nlohmann::json& claims, std::string_view issuer);
absl::Status CheckAudience(const nlohmann::json& claims, std::string_view audience);

// sub -> subject (required); roles from the "roles" array and/or Keycloak's
// "realm_access.roles", unknown names ignored (the issuer serves other applications too);
// agency_id, nip, svc -> agency_id, nip, service. A claim of the wrong JSON type is an error
// rather than silently dropped, so a misconfigured issuer mapper shows up at once.
absl::StatusOr<Principal> PrincipalFromClaims(const nlohmann::json& claims);

}  // namespace kinerja::auth
