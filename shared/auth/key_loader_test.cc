#include "shared/auth/key_loader.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <filesystem>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "shared/auth/keygen.h"
#include "shared/auth/test_keys.h"
#include "shared/crypto/encoding.h"

namespace kinerja::auth {
namespace {

using ::kinerja::auth::testing::EcP256PrivatePem;
using ::kinerja::auth::testing::MakeTempDir;
using ::kinerja::auth::testing::OtherEcP256PrivatePem;
using ::kinerja::auth::testing::PublicKeyPem;
using ::kinerja::auth::testing::Rsa2048PrivatePem;
using ::kinerja::auth::testing::SignerFor;
using ::kinerja::auth::testing::WriteFile;
using nlohmann::json;
using ::testing::HasSubstr;

json JwkOf(const std::string& private_pem, const std::string& kid) {
  return json::parse(*SignerFor(private_pem, kid).PublicJwks())["keys"][0];
}

std::string Jwks(std::initializer_list<json> keys) { return json({{"keys", keys}}).dump(); }

TEST(ParseJwksTest, LoadsRsaKey) {
  json jwk = JwkOf(Rsa2048PrivatePem(), "rsa-1");
  EXPECT_EQ(jwk["kty"], "RSA");
  EXPECT_FALSE(jwk.contains("d"));  // never the private exponent
  absl::StatusOr<KeySet> keys = ParseJwks(Jwks({jwk}));
  ASSERT_TRUE(keys.ok()) << keys.status();
  ASSERT_EQ(keys->size(), 1u);
  const VerificationKey* key = keys->Find("rsa-1");
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->type, KeyType::kRsa);
  EXPECT_EQ(key->alg, Algorithm::kRs256);
  EXPECT_EQ(EVP_PKEY_get_bits(key->key.get()), 2048);
}

TEST(ParseJwksTest, LoadsEcKey) {
  json jwk = JwkOf(EcP256PrivatePem(), "ec-1");
  EXPECT_EQ(jwk["crv"], "P-256");
  EXPECT_FALSE(jwk.contains("d"));
  jwk.erase("alg");  // optional in a JWK
  absl::StatusOr<KeySet> keys = ParseJwks(Jwks({jwk}));
  ASSERT_TRUE(keys.ok()) << keys.status();
  const VerificationKey* key = keys->Find("ec-1");
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->type, KeyType::kEcP256);
  EXPECT_FALSE(key->alg.has_value());
}

TEST(ParseJwksTest, SkipsKeysWeNeverVerifyWith) {
  json enc = JwkOf(Rsa2048PrivatePem(), "enc-1");
  enc["use"] = "enc";
  enc["alg"] = "RSA-OAEP";
  json rs384 = JwkOf(Rsa2048PrivatePem(), "rs384");
  rs384["alg"] = "RS384";
  json p384 = {{"kty", "EC"}, {"kid", "p384"}, {"crv", "P-384"}, {"x", "AA"}, {"y", "AA"}};
  json oct = {{"kty", "oct"}, {"k", "c2VjcmV0"}};  // no kid: still just skipped
  absl::StatusOr<KeySet> keys =
      ParseJwks(Jwks({enc, rs384, p384, oct, JwkOf(EcP256PrivatePem(), "sig-1")}));
  ASSERT_TRUE(keys.ok()) << keys.status();
  EXPECT_EQ(keys->size(), 1u);
  EXPECT_NE(keys->Find("sig-1"), nullptr);
}

TEST(ParseJwksTest, RejectsMalformedKeys) {
  json no_n = JwkOf(Rsa2048PrivatePem(), "r");
  no_n.erase("n");
  EXPECT_THAT(std::string(ParseJwks(Jwks({no_n})).status().message()), HasSubstr("\"n\""));

  json short_x = JwkOf(EcP256PrivatePem(), "e");
  std::string x = *crypto::Base64UrlDecode(short_x["x"].get<std::string>());
  short_x["x"] = crypto::Base64UrlEncode(x.substr(1));
  EXPECT_FALSE(ParseJwks(Jwks({short_x})).ok());

  json off_curve = JwkOf(EcP256PrivatePem(), "e");
  std::string y = *crypto::Base64UrlDecode(off_curve["y"].get<std::string>());
  y[31] ^= 1;
  off_curve["y"] = crypto::Base64UrlEncode(y);
  EXPECT_FALSE(ParseJwks(Jwks({off_curve})).ok());

  json mismatch = JwkOf(EcP256PrivatePem(), "e");
  mismatch["alg"] = "RS256";
  EXPECT_FALSE(ParseJwks(Jwks({mismatch})).ok());

  json no_kid = JwkOf(EcP256PrivatePem(), "e");
  no_kid.erase("kid");
  EXPECT_FALSE(ParseJwks(Jwks({no_kid})).ok());

  EXPECT_FALSE(
      ParseJwks(Jwks({JwkOf(EcP256PrivatePem(), "same"), JwkOf(OtherEcP256PrivatePem(), "same")}))
          .ok());
  EXPECT_FALSE(ParseJwks("{\"keys\": 3}").ok());
  EXPECT_FALSE(ParseJwks("not json").ok());
}

TEST(ParsePublicKeyPemTest, RejectsShortRsaKeys) {
  EvpPkeyPtr weak(EVP_RSA_gen(1024));
  ASSERT_TRUE(weak);
  BioPtr out(BIO_new(BIO_s_mem()));
  ASSERT_EQ(PEM_write_bio_PUBKEY(out.get(), weak.get()), 1);
  char* data = nullptr;
  long len = BIO_get_mem_data(out.get(), &data);
  absl::StatusOr<KeySet> keys = ParsePublicKeyPem(std::string(data, len), "weak");
  EXPECT_THAT(std::string(keys.status().message()), HasSubstr("2048"));
}

TEST(LoadKeysTest, PemFileKidIsFileStem) {
  std::string dir = MakeTempDir();
  WriteFile(dir + "/sso-2024.pem", PublicKeyPem(Rsa2048PrivatePem()));
  absl::StatusOr<KeySet> keys = LoadKeys(dir + "/sso-2024.pem");
  ASSERT_TRUE(keys.ok()) << keys.status();
  ASSERT_EQ(keys->size(), 1u);
  ASSERT_NE(keys->Find("sso-2024"), nullptr);
  EXPECT_EQ(keys->Find("sso-2024")->type, KeyType::kRsa);
}

TEST(LoadKeysTest, JwksFile) {
  std::string dir = MakeTempDir();
  WriteFile(dir + "/certs",
            Jwks({JwkOf(EcP256PrivatePem(), "a"), JwkOf(Rsa2048PrivatePem(), "b")}));
  absl::StatusOr<KeySet> keys = LoadKeys(dir + "/certs");  // detected by content, not name
  ASSERT_TRUE(keys.ok()) << keys.status();
  EXPECT_EQ(keys->size(), 2u);
}

TEST(LoadKeysTest, DirectorySkipsPrivateKeysAndOtherFiles) {
  std::string dir = MakeTempDir();
  // The dev issuer's folder layout.
  WriteFile(dir + "/issuer-key.pem", EcP256PrivatePem());
  WriteFile(dir + "/jwks.json", *SignerFor(EcP256PrivatePem(), "dev-1").PublicJwks());
  WriteFile(dir + "/old.pem", PublicKeyPem(OtherEcP256PrivatePem()));
  WriteFile(dir + "/README", "not a key");
  WriteFile(dir + "/.hidden.pem", "not a key either");
  absl::StatusOr<KeySet> keys = LoadKeys(dir);
  ASSERT_TRUE(keys.ok()) << keys.status();
  EXPECT_EQ(keys->size(), 2u);
  EXPECT_NE(keys->Find("dev-1"), nullptr);
  EXPECT_NE(keys->Find("old"), nullptr);
}

TEST(LoadKeysTest, Failures) {
  std::string dir = MakeTempDir();
  EXPECT_EQ(LoadKeys(dir + "/missing.pem").status().code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(LoadKeys(dir).ok());  // empty directory: no usable key

  WriteFile(dir + "/issuer-key.pem", EcP256PrivatePem());
  absl::StatusOr<KeySet> keys = LoadKeys(dir + "/issuer-key.pem");
  EXPECT_THAT(std::string(keys.status().message()), HasSubstr("private key"));

  WriteFile(dir + "/garbage.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
  keys = LoadKeys(dir);
  EXPECT_THAT(std::string(keys.status().message()), HasSubstr("garbage.pem"));

  std::filesystem::remove(dir + "/garbage.pem");
  WriteFile(dir + "/a.json", Jwks({JwkOf(EcP256PrivatePem(), "dup")}));
  WriteFile(dir + "/b.json", Jwks({JwkOf(OtherEcP256PrivatePem(), "dup")}));
  keys = LoadKeys(dir);
  EXPECT_THAT(std::string(keys.status().message()), HasSubstr("duplicate key id"));

  std::string only_enc = dir + "/only-enc.jwks";
  json enc = JwkOf(Rsa2048PrivatePem(), "enc");
  enc["use"] = "enc";
  WriteFile(only_enc, Jwks({enc}));
  EXPECT_THAT(std::string(LoadKeys(only_enc).status().message()), HasSubstr("no usable"));
}

}  // namespace
}  // namespace kinerja::auth
