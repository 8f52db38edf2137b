// Signs JWTs with a private key: the local stack's dev issuer and tests in other folders.
// Production tokens come from the national SSO; services never sign user tokens.
#pragma once

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"
#include "shared/auth/jwa.h"
#include "shared/auth/openssl_ptr.h"

namespace kinerja::auth {

// Move-only (owns the private key). Sign is const and safe to call concurrently.
class JwtSigner {
 public:
  // `pem` is a PKCS#8 or traditional PEM private key, RSA (>= 2048 bits) or EC P-256; the
  // algorithm follows from it (RS256 / ES256). `kid` (required) goes into every token header.
  // Encrypted PEM is refused rather than prompting on the terminal.
  static absl::StatusOr<JwtSigner> FromPrivateKeyPem(std::string pem, std::string kid);

  // A compact JWS of `claims` (a JSON object, taken as is: the caller sets iss, exp, ...).
  absl::StatusOr<std::string> Sign(const nlohmann::json& claims) const;

  // {"keys":[<public JWK>]}: what a verifier of this signer's tokens should load.
  absl::StatusOr<std::string> PublicJwks() const;

  Algorithm algorithm() const { return alg_; }
  const std::string& kid() const { return kid_; }

 private:
  JwtSigner(EvpPkeyPtr key, Algorithm alg, std::string kid)
      : key_(std::move(key)), alg_(alg), kid_(std::move(kid)) {}

  EvpPkeyPtr key_;
  Algorithm alg_;
  std::string kid_;
};

}  // namespace kinerja::auth
