#include "shared/auth/jwt_signer.h"

#include <openssl/ec.h>
#include <openssl/pem.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "shared/auth/ecdsa_format.h"
#include "shared/auth/keygen.h"
#include "shared/auth/roles.h"
#include "shared/auth/test_keys.h"
#include "shared/crypto/encoding.h"

namespace kinerja::auth {
namespace {

using ::kinerja::auth::testing::EcP256PrivatePem;
using ::kinerja::auth::testing::Rsa2048PrivatePem;
using nlohmann::json;

json HeaderOf(const std::string& token) {
  return json::parse(*crypto::Base64UrlDecode(token.substr(0, token.find('.'))));
}

std::string PemOf(EVP_PKEY* key, const EVP_CIPHER* cipher = nullptr) {
  BioPtr out(BIO_new(BIO_s_mem()));
  char pass[] = "secret";
  PEM_write_bio_PrivateKey(out.get(), key, cipher, nullptr, 0, nullptr, cipher ? pass : nullptr);
  char* data = nullptr;
  long len = BIO_get_mem_data(out.get(), &data);
  return std::string(data, len);
}

TEST(JwtSignerTest, ChoosesAlgorithmFromKey) {
  absl::StatusOr<JwtSigner> ec = JwtSigner::FromPrivateKeyPem(EcP256PrivatePem(), "k1");
  ASSERT_TRUE(ec.ok()) << ec.status();
  EXPECT_EQ(ec->algorithm(), Algorithm::kEs256);
  json header = HeaderOf(*ec->Sign({{"sub", "x"}}));
  EXPECT_EQ(header, json({{"alg", "ES256"}, {"typ", "JWT"}, {"kid", "k1"}}));

  absl::StatusOr<JwtSigner> rsa = JwtSigner::FromPrivateKeyPem(Rsa2048PrivatePem(), "k2");
  ASSERT_TRUE(rsa.ok()) << rsa.status();
  EXPECT_EQ(rsa->algorithm(), Algorithm::kRs256);
  EXPECT_EQ(HeaderOf(*rsa->Sign({{"sub", "x"}}))["alg"], "RS256");
}

TEST(JwtSignerTest, RejectsUnusableKeys) {
  EXPECT_FALSE(JwtSigner::FromPrivateKeyPem("not a pem", "k").ok());
  EXPECT_FALSE(JwtSigner::FromPrivateKeyPem(EcP256PrivatePem(), "").ok());
  EvpPkeyPtr p384(EVP_EC_gen("P-384"));
  ASSERT_TRUE(p384);
  EXPECT_FALSE(JwtSigner::FromPrivateKeyPem(PemOf(p384.get()), "k").ok());
  // Encrypted: refused, never a passphrase prompt.
  EvpPkeyPtr p256(EVP_EC_gen("P-256"));
  std::string encrypted = PemOf(p256.get(), EVP_aes_256_cbc());
  ASSERT_NE(encrypted.find("ENCRYPTED"), std::string::npos);
  EXPECT_FALSE(JwtSigner::FromPrivateKeyPem(encrypted, "k").ok());
}

TEST(JwtSignerTest, RejectsNonObjectClaims) {
  JwtSigner signer = testing::SignerFor(EcP256PrivatePem(), "k");
  EXPECT_FALSE(signer.Sign(json::array({1, 2})).ok());
  EXPECT_FALSE(signer.Sign({{"sub", "\xff\xfe"}}).ok());  // invalid UTF-8
}

TEST(KeygenTest, RejectsWeakRsaSizes) {
  EXPECT_FALSE(GenerateRsaPrivateKeyPem(1024).ok());
  absl::StatusOr<std::string> pem = GenerateEcP256PrivateKeyPem();
  ASSERT_TRUE(pem.ok());
  EXPECT_NE(pem->find("-----BEGIN PRIVATE KEY-----"), std::string::npos);
  EXPECT_NE(*pem, EcP256PrivatePem());  // fresh each time
}

TEST(EcdsaFormatTest, RoundTripsAndRejectsWrongLength) {
  std::string raw(64, '\0');
  raw[31] = 5;  // r = 5
  raw[63] = 7;  // s = 7
  std::optional<std::string> der = Es256RawToDer(raw);
  ASSERT_TRUE(der.has_value());
  EXPECT_EQ(crypto::HexEncode(*der), "3006020105020107");
  EXPECT_EQ(Es256DerToRaw(*der), raw);
  EXPECT_FALSE(Es256RawToDer(raw.substr(1)).has_value());
  EXPECT_FALSE(Es256DerToRaw(*der + "x").has_value());  // trailing garbage
}

TEST(RolesTest, NamesRoundTrip) {
  for (Role role : {Role::kEmployee, Role::kHrAdmin, Role::kUnitLeader, Role::kAuditor,
                    Role::kService, Role::kPublic}) {
    absl::StatusOr<Role> parsed = ParseRole(RoleName(role));
    ASSERT_TRUE(parsed.ok()) << RoleName(role);
    EXPECT_EQ(*parsed, role);
  }
  EXPECT_EQ(RoleName(Role::kHrAdmin), "hr_admin");
  EXPECT_EQ(RoleName(Role::kUnitLeader), "unit_leader");
  EXPECT_FALSE(ParseRole("HR_ADMIN").ok());
  EXPECT_FALSE(ParseRole("assessor").ok());
  EXPECT_FALSE(ParseRole("").ok());
}

}  // namespace
}  // namespace kinerja::auth
