// Test-only helpers: signing keys generated once per test binary (RSA generation is slow),
// and the PEM encodings tests need that production code never produces.
#pragma once

#include <string>
#include <string_view>

#include "shared/auth/jwt_signer.h"

namespace kinerja::auth::testing {

// The same key on every call within one process.
const std::string& EcP256PrivatePem();
const std::string& OtherEcP256PrivatePem();
const std::string& Rsa2048PrivatePem();

// A signer over one of the keys above; aborts the test binary if the key does not load.
JwtSigner SignerFor(const std::string& private_pem, std::string kid);

// The raw JWS signature of `signing_input` under a private key PEM (RS256 or ES256 by key
// type), for hand-assembled tokens that JwtSigner would never produce.
std::string SignRaw(const std::string& private_pem, std::string_view signing_input);

// "-----BEGIN PUBLIC KEY-----" for a private key PEM.
std::string PublicKeyPem(const std::string& private_pem);

// Writes `content` to `path`, replacing it; aborts on failure.
void WriteFile(const std::string& path, const std::string& content);

// A fresh, empty directory under the test temp dir.
std::string MakeTempDir();

}  // namespace kinerja::auth::testing
