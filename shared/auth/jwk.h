// JSON Web Keys (RFC 7517) <-> OpenSSL keys, for the key types in jwa.h.
#pragma once

#include <openssl/types.h>

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"
#include "shared/auth/key_set.h"

namespace kinerja::auth {

// Builds a verification key from one JWK. Returns nullopt (not an error) for keys that a real
// issuer publishes but we never verify with: "use" other than "sig" (Keycloak lists its
// RSA-OAEP encryption key), an "alg" other than RS256/ES256, a curve other than P-256, or a
// "kty" other than RSA/EC. A malformed key of a supported type is InvalidArgumentError.
absl::StatusOr<std::optional<VerificationKey>> VerificationKeyFromJwk(const nlohmann::json& jwk);

// The public JWK of `key` (private parts never included), with "use":"sig" and its "alg".
absl::StatusOr<nlohmann::json> PublicJwk(EVP_PKEY* key, std::string_view kid);

}  // namespace kinerja::auth
