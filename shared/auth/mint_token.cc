#include "shared/auth/mint_token.h"

#include "shared/crypto/encoding.h"
#include "shared/crypto/hmac.h"

namespace kinerja::auth {

nlohmann::json ClaimsJson(const TokenClaims& claims, absl::Time now) {
  nlohmann::json json = {
      {"iss", claims.issuer},
      {"aud", claims.audience},
      {"sub", claims.subject},
      {"roles", claims.roles},
      {"iat", absl::ToUnixSeconds(now)},
      {"exp", absl::ToUnixSeconds(now + claims.ttl)},
      {"jti", crypto::HexEncode(crypto::RandomBytes(16))},
  };
  if (!claims.agency_id.empty()) json["agency_id"] = claims.agency_id;
  if (!claims.nip.empty()) json["nip"] = claims.nip;
  if (!claims.service.empty()) json["svc"] = claims.service;
  return json;
}

absl::StatusOr<std::string> MintToken(const JwtSigner& signer, const TokenClaims& claims,
                                      absl::Time now) {
  return signer.Sign(ClaimsJson(claims, now));
}

}  // namespace kinerja::auth
