// Fuzzes the JWKS reader (auth::ParseJwks): the issuer's key document, read from a file or
// fetched from the issuer. Properties, besides no crash, no exception and no sanitizer finding:
// a rejected document is INVALID_ARGUMENT; every key of an accepted one has an OpenSSL key, and
// its public JWK (auth::PublicJwk) reads back as the same key under the same kid.
#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/status/status.h"
#include "nlohmann/json.hpp"
#include "shared/auth/jwk.h"
#include "shared/auth/key_loader.h"
#include "tests/harness/fuzz_check.h"

namespace {

void CheckRoundTrip(const kinerja::auth::VerificationKey& key) {
  KINERJA_FUZZ_CHECK(key.key != nullptr);
  absl::StatusOr<nlohmann::json> jwk = kinerja::auth::PublicJwk(key.key.get(), key.kid);
  KINERJA_FUZZ_CHECK(jwk.ok());
  absl::StatusOr<std::optional<kinerja::auth::VerificationKey>> again =
      kinerja::auth::VerificationKeyFromJwk(*jwk);
  KINERJA_FUZZ_CHECK(again.ok() && again->has_value());
  KINERJA_FUZZ_CHECK((*again)->kid == key.kid);
  KINERJA_FUZZ_CHECK((*again)->type == key.type);
  KINERJA_FUZZ_CHECK(EVP_PKEY_eq((*again)->key.get(), key.key.get()) == 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view document(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<kinerja::auth::KeySet> keys = kinerja::auth::ParseJwks(document);
  if (!keys.ok()) {
    KINERJA_FUZZ_CHECK(keys.status().code() == absl::StatusCode::kInvalidArgument);
    return 0;
  }
  for (const kinerja::auth::VerificationKey& key : keys->keys()) CheckRoundTrip(key);
  return 0;
}
