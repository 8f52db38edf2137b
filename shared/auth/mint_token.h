// The claims Kinerja reads, as a struct, for minting test and dev tokens without hand-built
// JSON (see claims.h for how the verifier maps them back).
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"
#include "shared/auth/jwt_signer.h"

namespace kinerja::auth {

struct TokenClaims {
  std::string issuer;              // iss
  std::string audience;            // aud
  std::string subject;             // sub
  std::vector<std::string> roles;  // roles; wire names, see roles.h
  std::string agency_id;           // agency_id, omitted when empty
  std::string nip;                 // nip, omitted when empty
  std::string service;             // svc, omitted when empty
  absl::Duration ttl = absl::Hours(1);
};

// iss, aud, sub, roles, optional agency_id/nip/svc, iat = now, exp = now + ttl, and a random
// jti so that two tokens minted in the same second still differ.
nlohmann::json ClaimsJson(const TokenClaims& claims, absl::Time now);

// Signs ClaimsJson(claims, now).
absl::StatusOr<std::string> MintToken(const JwtSigner& signer, const TokenClaims& claims,
                                      absl::Time now);

}  // namespace kinerja::auth
