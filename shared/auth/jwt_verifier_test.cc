#include "shared/auth/jwt_verifier.h"

#include <atomic>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "shared/auth/key_loader.h"
#include "shared/auth/mint_token.h"
#include "shared/auth/test_keys.h"
#include "shared/crypto/encoding.h"
#include "shared/crypto/hmac.h"

namespace kinerja::auth {
namespace {

using ::kinerja::auth::testing::EcP256PrivatePem;
using ::kinerja::auth::testing::OtherEcP256PrivatePem;
using ::kinerja::auth::testing::Rsa2048PrivatePem;
using ::kinerja::auth::testing::SignerFor;
using ::kinerja::auth::testing::SignRaw;
using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

constexpr char kIssuer[] = "https://sso.example.go.id/realms/asn";
constexpr char kAudience[] = "kinerja";

std::string B64(std::string_view bytes) { return crypto::Base64UrlEncode(bytes); }

// A compact token from explicit parts, for the shapes a real signer would never produce.
std::string Assemble(const json& header, const json& claims, std::string_view signature) {
  return B64(header.dump()) + "." + B64(claims.dump()) + "." + B64(signature);
}

struct TokenParts {
  std::string header, claims, signature;  // base64url, as in the token
};

TokenParts Split(const std::string& token) {
  size_t a = token.find('.');
  size_t b = token.find('.', a + 1);
  return {token.substr(0, a), token.substr(a + 1, b - a - 1), token.substr(b + 1)};
}

class JwtVerifierTest : public ::testing::Test {
 protected:
  JwtVerifierTest()
      : ec_signer_(SignerFor(EcP256PrivatePem(), "ec-1")),
        rsa_signer_(SignerFor(Rsa2048PrivatePem(), "rsa-1")) {}

  // Both signers' public keys, loaded the way production loads Keycloak's JWKS.
  KeySet Keys() const {
    absl::StatusOr<KeySet> keys = ParseJwks(*ec_signer_.PublicJwks());
    EXPECT_TRUE(keys.ok()) << keys.status();
    absl::StatusOr<KeySet> rsa = ParseJwks(*rsa_signer_.PublicJwks());
    EXPECT_TRUE(rsa.ok()) << rsa.status();
    EXPECT_TRUE(keys->Merge(*std::move(rsa)).ok());
    return *std::move(keys);
  }

  std::unique_ptr<JwtVerifier> MakeVerifier(KeySet keys, size_t cache_capacity = 100) {
    JwtVerifier::Options options;
    options.issuer = kIssuer;
    options.audience = kAudience;
    options.now = [this] { return now_; };
    options.cache_capacity = cache_capacity;
    absl::StatusOr<std::unique_ptr<JwtVerifier>> verifier =
        JwtVerifier::Create(std::move(options), std::move(keys));
    EXPECT_TRUE(verifier.ok()) << verifier.status();
    return *std::move(verifier);
  }
  std::unique_ptr<JwtVerifier> MakeVerifier() { return MakeVerifier(Keys()); }

  json Claims() const {
    return {{"iss", kIssuer},
            {"aud", kAudience},
            {"sub", "user-1"},
            {"roles", {"employee"}},
            {"iat", absl::ToUnixSeconds(now_)},
            {"exp", absl::ToUnixSeconds(now_ + absl::Minutes(5))}};
  }

  std::string Sign(const JwtSigner& signer, const json& claims) const {
    absl::StatusOr<std::string> token = signer.Sign(claims);
    EXPECT_TRUE(token.ok()) << token.status();
    return *token;
  }

  // Rejected as unauthenticated with exactly `reason`, and the reason does not leak the token.
  void ExpectRejected(const JwtVerifier& verifier, const std::string& token,
                      std::string_view reason) {
    absl::StatusOr<Principal> principal = verifier.Verify(token);
    ASSERT_FALSE(principal.ok());
    EXPECT_EQ(principal.status().code(), absl::StatusCode::kUnauthenticated);
    std::string message(principal.status().message());
    EXPECT_EQ(message, reason);
    for (const std::string& part : std::vector<std::string>(absl::StrSplit(token, '.'))) {
      if (part.size() >= 8) {
        EXPECT_THAT(message, Not(HasSubstr(part.substr(0, 8))));
      }
    }
  }

  absl::Time now_ = absl::FromUnixSeconds(1'700'000'000);
  JwtSigner ec_signer_;
  JwtSigner rsa_signer_;
};

TEST_F(JwtVerifierTest, Es256RoundTrip) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims["agency_id"] = "agency-7";
  claims["nip"] = "198001012005011001";
  absl::StatusOr<Principal> principal = verifier->Verify(Sign(ec_signer_, claims));
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->subject, "user-1");
  EXPECT_THAT(principal->roles, ElementsAre(Role::kEmployee));
  EXPECT_EQ(principal->agency_id, "agency-7");
  EXPECT_EQ(principal->nip, "198001012005011001");
  EXPECT_EQ(principal->service, "");
}

TEST_F(JwtVerifierTest, Rs256RoundTrip) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims["svc"] = "goals";
  claims["roles"] = {"service"};
  absl::StatusOr<Principal> principal = verifier->Verify(Sign(rsa_signer_, claims));
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->service, "goals");
  EXPECT_TRUE(principal->Has(Role::kService));
}

TEST_F(JwtVerifierTest, MintTokenRoundTrip) {
  auto verifier = MakeVerifier();
  TokenClaims claims{.issuer = kIssuer,
                     .audience = kAudience,
                     .subject = "hr-9",
                     .roles = {"hr_admin", "employee", "not_a_role"},
                     .agency_id = "a-1",
                     .nip = "123",
                     .service = "",
                     .ttl = absl::Minutes(10)};
  absl::StatusOr<std::string> first = MintToken(ec_signer_, claims, now_);
  absl::StatusOr<std::string> second = MintToken(ec_signer_, claims, now_);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);  // jti differs
  absl::StatusOr<Principal> principal = verifier->Verify(*first);
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->subject, "hr-9");
  EXPECT_THAT(principal->roles, ElementsAre(Role::kHrAdmin, Role::kEmployee));
  EXPECT_EQ(principal->agency_id, "a-1");
  EXPECT_EQ(principal->nip, "123");
  now_ += absl::Minutes(11);
  ExpectRejected(*verifier, *second, "token expired");
}

TEST_F(JwtVerifierTest, RejectsExpiredTokenBeyondLeeway) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims["exp"] = absl::ToUnixSeconds(now_ - absl::Seconds(31));
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "token expired");
  claims["exp"] = absl::ToUnixSeconds(now_ - absl::Seconds(29));  // within the 30 s leeway
  EXPECT_TRUE(verifier->Verify(Sign(ec_signer_, claims)).ok());
}

TEST_F(JwtVerifierTest, RequiresExpiry) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims.erase("exp");
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "token has no expiry");
  claims["exp"] = "tomorrow";
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "malformed exp claim");
}

TEST_F(JwtVerifierTest, RejectsNotBeforeInFuture) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims["nbf"] = absl::ToUnixSeconds(now_ + absl::Minutes(2));
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "token not yet valid");
  claims["nbf"] = absl::ToUnixSeconds(now_ + absl::Seconds(10));  // within leeway
  EXPECT_TRUE(verifier->Verify(Sign(ec_signer_, claims)).ok());
}

TEST_F(JwtVerifierTest, RejectsWrongIssuer) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims["iss"] = "https://evil.example";
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "issuer not accepted");
  claims.erase("iss");
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "issuer not accepted");
}

TEST_F(JwtVerifierTest, RejectsWrongAudienceString) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims["aud"] = "another-app";
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "audience not accepted");
  claims.erase("aud");
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "audience not accepted");
}

TEST_F(JwtVerifierTest, AudienceArray) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims["aud"] = {"account", "another-app"};
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "audience not accepted");
  claims["aud"] = {"account", kAudience};
  EXPECT_TRUE(verifier->Verify(Sign(ec_signer_, claims)).ok());
}

TEST_F(JwtVerifierTest, RejectsTamperedPayload) {
  auto verifier = MakeVerifier();
  for (const JwtSigner* signer : {&ec_signer_, &rsa_signer_}) {
    TokenParts parts = Split(Sign(*signer, Claims()));
    json escalated = Claims();
    escalated["roles"] = {"auditor"};
    std::string forged = parts.header + "." + B64(escalated.dump()) + "." + parts.signature;
    ExpectRejected(*verifier, forged, "signature does not verify");
  }
}

TEST_F(JwtVerifierTest, RejectsTamperedSignature) {
  auto verifier = MakeVerifier();
  for (const JwtSigner* signer : {&ec_signer_, &rsa_signer_}) {
    TokenParts parts = Split(Sign(*signer, Claims()));
    std::string signature = *crypto::Base64UrlDecode(parts.signature);
    signature[signature.size() / 2] ^= 0x01;
    ExpectRejected(*verifier, parts.header + "." + parts.claims + "." + B64(signature),
                   "signature does not verify");
  }
}

TEST_F(JwtVerifierTest, RejectsEs256SignatureOfWrongLength) {
  auto verifier = MakeVerifier();
  TokenParts parts = Split(Sign(ec_signer_, Claims()));
  std::string signature = *crypto::Base64UrlDecode(parts.signature);
  ASSERT_EQ(signature.size(), 64u);
  std::string prefix = parts.header + "." + parts.claims + ".";
  ExpectRejected(*verifier, prefix + B64(signature.substr(0, 63)), "signature does not verify");
  ExpectRejected(*verifier, prefix + B64(signature + '\0'), "signature does not verify");
}

TEST_F(JwtVerifierTest, RejectsSignatureFromAnotherKeyWithSameKid) {
  auto verifier = MakeVerifier();
  JwtSigner impostor = SignerFor(OtherEcP256PrivatePem(), "ec-1");
  ExpectRejected(*verifier, Sign(impostor, Claims()), "signature does not verify");
}

TEST_F(JwtVerifierTest, RejectsAlgNone) {
  auto verifier = MakeVerifier();
  for (const char* alg : {"none", "None", "NONE"}) {
    std::string token = Assemble({{"alg", alg}, {"typ", "JWT"}}, Claims(), "");
    ExpectRejected(*verifier, token, "algorithm not accepted");
    ExpectRejected(*verifier, Assemble({{"alg", alg}, {"kid", "ec-1"}}, Claims(), "x"),
                   "algorithm not accepted");
  }
}

TEST_F(JwtVerifierTest, RejectsHs256EvenKeyedWithThePublicKey) {
  auto verifier = MakeVerifier();
  // The classic confusion attack: HMAC keyed with the verifier's public key material.
  json header = {{"alg", "HS256"}, {"kid", "rsa-1"}};
  std::string input = B64(header.dump()) + "." + B64(Claims().dump());
  std::string mac = crypto::HmacSha256(*rsa_signer_.PublicJwks(), input);
  ExpectRejected(*verifier, input + "." + B64(mac), "algorithm not accepted");
  ExpectRejected(*verifier, Assemble({{"alg", "RS512"}, {"kid", "rsa-1"}}, Claims(), "x"),
                 "algorithm not accepted");
  ExpectRejected(*verifier, Assemble({{"kid", "rsa-1"}}, Claims(), "x"), "malformed token header");
}

TEST_F(JwtVerifierTest, RejectsAlgorithmThatDoesNotMatchKeyType) {
  auto verifier = MakeVerifier();
  // An ES256 signature presented as coming from the RSA key, and the other way round.
  TokenParts ec = Split(Sign(ec_signer_, Claims()));
  std::string as_rsa = B64(json({{"alg", "ES256"}, {"kid", "rsa-1"}}).dump());
  ExpectRejected(*verifier, as_rsa + "." + ec.claims + "." + ec.signature,
                 "algorithm does not match key");
  TokenParts rsa = Split(Sign(rsa_signer_, Claims()));
  std::string as_ec = B64(json({{"alg", "RS256"}, {"kid", "ec-1"}}).dump());
  ExpectRejected(*verifier, as_ec + "." + rsa.claims + "." + rsa.signature,
                 "algorithm does not match key");
}

TEST_F(JwtVerifierTest, RejectsUnknownKid) {
  auto verifier = MakeVerifier();
  JwtSigner rotated = SignerFor(EcP256PrivatePem(), "ec-2");
  ExpectRejected(*verifier, Sign(rotated, Claims()), "unknown key id");
}

TEST_F(JwtVerifierTest, TokenWithoutKidUsesTheOnlyKeyOfItsType) {
  auto verifier = MakeVerifier();
  TokenParts parts = Split(Sign(ec_signer_, Claims()));
  std::string no_kid = B64(json({{"alg", "ES256"}, {"typ", "JWT"}}).dump());
  std::string input = no_kid + "." + parts.claims;
  // Signed anew: the signer's own signature covered a header with a kid.
  std::string signed_no_kid = input + "." + B64(SignRaw(EcP256PrivatePem(), input));
  absl::StatusOr<Principal> principal = verifier->Verify(signed_no_kid);
  EXPECT_TRUE(principal.ok()) << principal.status();

  KeySet two_ec_keys = Keys();
  ASSERT_TRUE(
      two_ec_keys.Merge(*ParseJwks(*SignerFor(OtherEcP256PrivatePem(), "ec-2").PublicJwks())).ok());
  ExpectRejected(*MakeVerifier(std::move(two_ec_keys)), signed_no_kid, "token has no key id");
}

TEST_F(JwtVerifierTest, RejectsMalformedTokens) {
  auto verifier = MakeVerifier();
  TokenParts good = Split(Sign(ec_signer_, Claims()));
  ExpectRejected(*verifier, "", "malformed token");
  ExpectRejected(*verifier, "abc", "malformed token");
  ExpectRejected(*verifier, good.header + "." + good.claims, "malformed token");
  ExpectRejected(*verifier, good.header + "." + good.claims + "." + good.signature + ".x",
                 "malformed token");
  ExpectRejected(*verifier, "." + good.claims + "." + good.signature, "malformed token");
  ExpectRejected(*verifier, "e30!." + good.claims + "." + good.signature, "malformed token header");
  ExpectRejected(*verifier, B64("not json") + "." + good.claims + "." + good.signature,
                 "malformed token header");
  ExpectRejected(*verifier, B64("[1,2]") + "." + good.claims + "." + good.signature,
                 "malformed token header");
  ExpectRejected(*verifier, good.header + "." + good.claims + "." + good.signature + "*",
                 "malformed token signature");
  // Padding is not base64url as JWS spells it.
  ExpectRejected(*verifier, good.header + "=." + good.claims + "." + good.signature,
                 "malformed token header");
  ExpectRejected(*verifier, std::string(20000, 'a'), "token too large");
}

TEST_F(JwtVerifierTest, RejectsMalformedClaimsOnlyAfterTheSignature) {
  auto verifier = MakeVerifier();
  std::string header = B64(json({{"alg", "ES256"}, {"kid", "ec-1"}}).dump());
  std::string input = header + "." + B64("not json");
  ExpectRejected(*verifier, input + "." + B64(std::string(64, '\1')), "signature does not verify");
  ExpectRejected(*verifier, input + "." + B64(SignRaw(EcP256PrivatePem(), input)),
                 "malformed token claims");
}

TEST_F(JwtVerifierTest, RolesFromTopLevelClaim) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims["roles"] = {"hr_admin", "unit_leader", "uma_authorization", "hr_admin"};
  absl::StatusOr<Principal> principal = verifier->Verify(Sign(ec_signer_, claims));
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_THAT(principal->roles, ElementsAre(Role::kHrAdmin, Role::kUnitLeader));
}

TEST_F(JwtVerifierTest, RolesFromKeycloakRealmAccess) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims.erase("roles");
  claims["realm_access"] = {
      {"roles", {"offline_access", "default-roles-asn", "auditor", "public"}}};
  absl::StatusOr<Principal> principal = verifier->Verify(Sign(ec_signer_, claims));
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_THAT(principal->roles, UnorderedElementsAre(Role::kAuditor, Role::kPublic));

  claims["roles"] = {"employee", "auditor"};  // both shapes: the union, once each
  principal = verifier->Verify(Sign(ec_signer_, claims));
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_THAT(principal->roles,
              UnorderedElementsAre(Role::kEmployee, Role::kAuditor, Role::kPublic));
}

TEST_F(JwtVerifierTest, NoRolesIsAnEmptyList) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims.erase("roles");
  absl::StatusOr<Principal> principal = verifier->Verify(Sign(ec_signer_, claims));
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_THAT(principal->roles, IsEmpty());
}

TEST_F(JwtVerifierTest, RejectsClaimsOfTheWrongType) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims["roles"] = "hr_admin";
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "malformed roles claim");
  claims["roles"] = {"employee", 7};
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "malformed roles claim");
  claims = Claims();
  claims["realm_access"] = {"auditor"};
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "malformed realm_access claim");
  claims = Claims();
  claims["agency_id"] = 12;
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "malformed agency_id claim");
  claims = Claims();
  claims.erase("sub");
  ExpectRejected(*verifier, Sign(ec_signer_, claims), "token has no subject");
}

TEST_F(JwtVerifierTest, RejectsUnknownCriticalHeader) {
  auto verifier = MakeVerifier();
  json header = {{"alg", "ES256"}, {"kid", "ec-1"}, {"crit", {"exp"}}, {"exp", 1}};
  std::string input = B64(header.dump()) + "." + B64(Claims().dump());
  ExpectRejected(*verifier, input + "." + B64(SignRaw(EcP256PrivatePem(), input)),
                 "unsupported critical header");
}

TEST_F(JwtVerifierTest, CacheHitSkipsSignatureButStillChecksExpiry) {
  auto verifier = MakeVerifier();
  std::string token = Sign(ec_signer_, Claims());  // exp = now + 5 min
  ASSERT_TRUE(verifier->Verify(token).ok());
  EXPECT_EQ(verifier->cache_stats().misses, 1u);
  EXPECT_EQ(verifier->cache_stats().hits, 0u);

  now_ += absl::Minutes(5) + absl::Seconds(29);  // past exp, within leeway
  absl::StatusOr<Principal> principal = verifier->Verify(token);
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->subject, "user-1");
  EXPECT_EQ(verifier->cache_stats().hits, 1u);

  now_ += absl::Seconds(1);
  ExpectRejected(*verifier, token, "token expired");
  EXPECT_EQ(verifier->cache_stats().hits, 2u);  // rejected from the cache entry itself
}

TEST_F(JwtVerifierTest, FailuresAreNotCached) {
  auto verifier = MakeVerifier();
  json claims = Claims();
  claims["iss"] = "https://evil.example";
  std::string token = Sign(ec_signer_, claims);
  ExpectRejected(*verifier, token, "issuer not accepted");
  ExpectRejected(*verifier, token, "issuer not accepted");
  EXPECT_EQ(verifier->cache_stats().hits, 0u);
}

TEST_F(JwtVerifierTest, BoundedCacheKeepsWorkingWhenFull) {
  auto verifier = MakeVerifier(Keys(), /*cache_capacity=*/16);
  std::vector<std::string> tokens;
  for (int i = 0; i < 100; ++i) {
    json claims = Claims();
    claims["sub"] = "user-" + std::to_string(i);
    tokens.push_back(Sign(ec_signer_, claims));
  }
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      absl::StatusOr<Principal> principal = verifier->Verify(tokens[i]);
      ASSERT_TRUE(principal.ok()) << principal.status();
      EXPECT_EQ(principal->subject, "user-" + std::to_string(i));
    }
  }
  EXPECT_LT(verifier->cache_stats().hits, 100u);  // it could not have held all 100
}

TEST_F(JwtVerifierTest, ConcurrentVerification) {
  auto verifier = MakeVerifier();
  std::string es = Sign(ec_signer_, Claims());
  std::string rs = Sign(rsa_signer_, Claims());
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (!verifier->Verify(i % 2 ? es : rs).ok()) failures.fetch_add(1);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(JwtVerifierCreateTest, RejectsIncompleteOptions) {
  JwtVerifier::Options options;
  options.audience = kAudience;
  EXPECT_EQ(JwtVerifier::Create(options, KeySet()).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.issuer = kIssuer;
  EXPECT_EQ(JwtVerifier::Create(options, KeySet()).status().code(),
            absl::StatusCode::kInvalidArgument);  // no keys
}

}  // namespace
}  // namespace kinerja::auth
