// Fresh signing keys for the dev issuer and tests, as PKCS#8 PEM.
#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace kinerja::auth {

absl::StatusOr<std::string> GenerateEcP256PrivateKeyPem();

// `bits` must be at least 2048 (what the verifier accepts) and at most 16384.
absl::StatusOr<std::string> GenerateRsaPrivateKeyPem(int bits);

}  // namespace kinerja::auth
