// JSON Web Algorithms (RFC 7518) that Kinerja accepts, and the key types they need.
// Only asymmetric algorithms: a verifier that holds no secret cannot mint tokens, and "none"
// or HS256 tokens are the classic ways to forge one.
#pragma once

#include <openssl/types.h>

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"

namespace kinerja::auth {

enum class KeyType {
  kRsa,     // RSA, at least 2048 bits
  kEcP256,  // EC on NIST P-256 (prime256v1)
};

enum class Algorithm {
  kRs256,  // RSASSA-PKCS1-v1_5 with SHA-256
  kEs256,  // ECDSA on P-256 with SHA-256, JOSE signature is raw r||s
};

// "RS256" / "ES256" only; nullopt for anything else, including "none" and HS*.
std::optional<Algorithm> AlgorithmFromName(std::string_view name);
std::string_view AlgorithmName(Algorithm alg);
KeyType KeyTypeFor(Algorithm alg);
Algorithm AlgorithmFor(KeyType type);

// Which of the accepted key types `key` is. InvalidArgumentError for other key types, other
// curves, and RSA keys shorter than 2048 bits.
absl::StatusOr<KeyType> ClassifyKey(EVP_PKEY* key);

}  // namespace kinerja::auth
