// The signature math of a JWS: sign or verify "header.payload" with one of the accepted
// algorithms, in the JOSE wire format of the signature.
#pragma once

#include <openssl/types.h>

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "shared/auth/jwa.h"

namespace kinerja::auth {

// True only if `signature` is a valid `alg` signature of `signing_input` under `key`. The
// caller has already checked that `key` is of KeyTypeFor(alg). Safe to call concurrently
// with the same key.
bool VerifyJwsSignature(Algorithm alg, EVP_PKEY* key, std::string_view signing_input,
                        std::string_view signature);

// The raw signature bytes (not base64url) for the third part of a compact JWS.
absl::StatusOr<std::string> CreateJwsSignature(Algorithm alg, EVP_PKEY* key,
                                               std::string_view signing_input);

}  // namespace kinerja::auth
