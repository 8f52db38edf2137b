// Fuzzes bearer token verification (auth::JwtVerifier::Verify) with a verifier configured as in
// production (ES256 key from a JWKS, issuer, audience, leeway, cache) and a fixed clock. Two
// views of each input:
//  - as a token from a caller: never accepted (the key is made fresh in each process, so no
//    input can carry its signature), and every failure is UNAUTHENTICATED;
//  - as the claims of a token signed here with that key (so the fuzzer reaches the claims
//    reader behind the signature check): failures are UNAUTHENTICATED; an accepted token has a
//    subject and distinct roles, and verifying it again (now from the cache) gives the same
//    principal.
// Seeds are claims documents (JSON objects).
#include <openssl/pem.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "shared/auth/jws_signature.h"
#include "shared/auth/jwt_signer.h"
#include "shared/auth/jwt_verifier.h"
#include "shared/auth/key_loader.h"
#include "shared/auth/keygen.h"
#include "shared/auth/openssl_ptr.h"
#include "shared/crypto/encoding.h"
#include "tests/harness/fuzz_check.h"

namespace {

namespace auth = ::kinerja::auth;

// What the seeds' "iss", "aud" and lifetimes are written against.
constexpr char kIssuer[] = "https://sso.example.go.id/realms/asn";
constexpr char kAudience[] = "kinerja";
constexpr int64_t kNowUnixSeconds = 1735689600;  // 2025-01-01T00:00:00Z
constexpr char kHeader[] = R"({"alg":"ES256","kid":"fuzz","typ":"JWT"})";

template <typename T>
T OrDie(absl::StatusOr<T> value) {
  if (!value.ok()) std::abort();
  return *std::move(value);
}

struct Fixture {
  auth::EvpPkeyPtr signing_key;
  std::unique_ptr<auth::JwtVerifier> verifier;
};

const Fixture& TheFixture() {
  static const Fixture* fixture = [] {
    const std::string pem = OrDie(auth::GenerateEcP256PrivateKeyPem());
    auth::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    auth::EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key) std::abort();
    auth::JwtSigner signer = OrDie(auth::JwtSigner::FromPrivateKeyPem(pem, "fuzz"));
    auth::KeySet keys = OrDie(auth::ParseJwks(OrDie(signer.PublicJwks())));
    auth::JwtVerifier::Options options{.issuer = kIssuer,
                                       .audience = kAudience,
                                       .now = [] { return absl::FromUnixSeconds(kNowUnixSeconds); },
                                       .cache_capacity = 64};
    return new Fixture{std::move(key),
                       OrDie(auth::JwtVerifier::Create(std::move(options), std::move(keys)))};
  }();
  return *fixture;
}

std::string SignedToken(std::string_view claims) {
  const std::string signing_input = absl::StrCat(kinerja::crypto::Base64UrlEncode(kHeader), ".",
                                                 kinerja::crypto::Base64UrlEncode(claims));
  const std::string signature = OrDie(auth::CreateJwsSignature(
      auth::Algorithm::kEs256, TheFixture().signing_key.get(), signing_input));
  return absl::StrCat(signing_input, ".", kinerja::crypto::Base64UrlEncode(signature));
}

void CheckSameAnswer(const absl::StatusOr<auth::Principal>& a,
                     const absl::StatusOr<auth::Principal>& b) {
  KINERJA_FUZZ_CHECK(a.status() == b.status());
  if (!a.ok()) return;
  KINERJA_FUZZ_CHECK(a->subject == b->subject && a->roles == b->roles &&
                     a->agency_id == b->agency_id && a->nip == b->nip && a->service == b->service);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const auth::JwtVerifier& verifier = *TheFixture().verifier;

  absl::StatusOr<auth::Principal> forged = verifier.Verify(input);
  KINERJA_FUZZ_CHECK(forged.status().code() == absl::StatusCode::kUnauthenticated);

  const std::string token = SignedToken(input);
  absl::StatusOr<auth::Principal> principal = verifier.Verify(token);
  if (!principal.ok()) {
    KINERJA_FUZZ_CHECK(principal.status().code() == absl::StatusCode::kUnauthenticated);
    return 0;
  }
  KINERJA_FUZZ_CHECK(!principal->subject.empty());
  for (size_t i = 0; i < principal->roles.size(); ++i) {
    for (size_t j = i + 1; j < principal->roles.size(); ++j) {
      KINERJA_FUZZ_CHECK(principal->roles[i] != principal->roles[j]);
    }
  }
  CheckSameAnswer(principal, verifier.Verify(token));
  return 0;
}
