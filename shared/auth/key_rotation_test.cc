// A rotated signing key works without a restart: keys from files re-read on change, and from an
// issuer's JWKS fetched with caching (fetcher faked here; over HTTPS in
// shared/http/jwks_over_https_test.cc).
#include <fcntl.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "gtest/gtest.h"
#include "shared/auth/issuer_keys.h"
#include "shared/auth/jwt_verifier.h"
#include "shared/auth/key_files.h"
#include "shared/auth/mint_token.h"
#include "shared/auth/test_keys.h"
#include "shared/tls/test_certs.h"

namespace kinerja::auth {
namespace {

constexpr char kIssuer[] = "https://sso.test/realms/kinerja";
constexpr char kAudience[] = "kinerja";

// A JWKS holding the public keys of `signers`.
std::string Jwks(const std::vector<const JwtSigner*>& signers) {
  nlohmann::json keys = nlohmann::json::array();
  for (const JwtSigner* signer : signers) {
    const nlohmann::json jwks = nlohmann::json::parse(*signer->PublicJwks());
    for (const auto& key : jwks["keys"]) keys.push_back(key);
  }
  return nlohmann::json{{"keys", keys}}.dump();
}

class KeyRotationTest : public ::testing::Test {
 protected:
  std::unique_ptr<JwtVerifier> Verifier(std::shared_ptr<KeyProvider> keys) {
    auto verifier = JwtVerifier::Create(
        {.issuer = kIssuer, .audience = kAudience, .now = [this] { return now_; }},
        std::move(keys));
    EXPECT_TRUE(verifier.ok()) << verifier.status();
    return *std::move(verifier);
  }

  std::string Token(const JwtSigner& signer) {
    TokenClaims claims;
    claims.issuer = kIssuer;
    claims.audience = kAudience;
    claims.subject = "199001012015031003";
    claims.roles = {"employee"};
    return *MintToken(signer, claims, now_);
  }

  absl::Time now_ = absl::Now();
  JwtSigner old_key_ = testing::SignerFor(testing::EcP256PrivatePem(), "old");
  JwtSigner new_key_ = testing::SignerFor(testing::OtherEcP256PrivatePem(), "new");
};

class KeyFilesTest : public KeyRotationTest {
 protected:
  void Write(const std::string& text) { tls::testing::WriteByRename(path_, text); }

  std::string path_ = testing::MakeTempDir() + "/jwks.json";
};

TEST_F(KeyFilesTest, RotatedKeyIsAcceptedWithoutRestart) {
  Write(Jwks({&old_key_}));
  auto verifier = Verifier(*WatchKeyFiles(path_, absl::Minutes(1), [this] { return now_; }));
  ASSERT_TRUE(verifier->Verify(Token(old_key_)).ok());
  EXPECT_FALSE(verifier->Verify(Token(new_key_)).ok());
  // The issuer publishes its new key beside the old one: the unknown key id makes the file be
  // looked at again at once.
  Write(Jwks({&old_key_, &new_key_}));
  now_ += absl::Seconds(1);
  absl::StatusOr<Principal> rotated = verifier->Verify(Token(new_key_));
  EXPECT_TRUE(rotated.ok()) << rotated.status();
  EXPECT_TRUE(verifier->Verify(Token(old_key_)).ok());
}

TEST_F(KeyFilesTest, RemovedKeyIsRefusedAfterTheNextLook) {
  Write(Jwks({&old_key_, &new_key_}));
  auto verifier = Verifier(*WatchKeyFiles(path_, absl::Minutes(1), [this] { return now_; }));
  const std::string old_token = Token(old_key_);
  ASSERT_TRUE(verifier->Verify(old_token).ok());  // and cached
  Write(Jwks({&new_key_}));
  now_ += absl::Minutes(1);
  absl::StatusOr<Principal> refused = verifier->Verify(old_token);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_TRUE(verifier->Verify(Token(new_key_)).ok());
}

TEST_F(KeyFilesTest, BrokenFileKeepsThePreviousKeys) {
  Write(Jwks({&old_key_}));
  auto verifier = Verifier(*WatchKeyFiles(path_, absl::Minutes(1), [this] { return now_; }));
  Write("{\"keys\": [");  // half written
  now_ += absl::Minutes(1);
  EXPECT_TRUE(verifier->Verify(Token(old_key_)).ok());
}

TEST_F(KeyFilesTest, KeyAddedToADirectoryIsAccepted) {
  const std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/old.json", Jwks({&old_key_}));
  // The directory's time set in the past, so that the new entry changes it whatever the file
  // system's clock granularity.
  struct timespec past[2] = {{.tv_sec = 1000, .tv_nsec = 0}, {.tv_sec = 1000, .tv_nsec = 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, dir.c_str(), past, 0), 0);
  auto verifier = Verifier(*WatchKeyFiles(dir, absl::Minutes(1), [this] { return now_; }));
  testing::WriteFile(dir + "/new.json", Jwks({&new_key_}));
  EXPECT_TRUE(verifier->Verify(Token(new_key_)).ok());
}

// An issuer whose JWKS the test sets, counting fetches.
class IssuerKeysTest : public KeyRotationTest {
 protected:
  std::shared_ptr<KeyProvider> Provider() {
    auto keys = FetchIssuerKeys(
        [this]() -> absl::StatusOr<std::string> {
          ++fetches_;
          return served_;
        },
        {.refresh_interval = absl::Minutes(5),
         .unknown_kid_interval = absl::Seconds(30),
         .now = [this] { return now_; }});
    EXPECT_TRUE(keys.ok()) << keys.status();
    return *std::move(keys);
  }

  absl::StatusOr<std::string> served_;
  int fetches_ = 0;
};

TEST_F(IssuerKeysTest, FirstFetchFailingIsAnError) {
  served_ = absl::UnavailableError("connection refused");
  auto keys = FetchIssuerKeys([this] { return served_; }, {});
  EXPECT_EQ(keys.status().code(), absl::StatusCode::kUnavailable);
}

TEST_F(IssuerKeysTest, CachedUntilTheRefreshInterval) {
  served_ = Jwks({&old_key_});
  auto verifier = Verifier(Provider());
  ASSERT_TRUE(verifier->Verify(Token(old_key_)).ok());
  now_ += absl::Minutes(4);
  ASSERT_TRUE(verifier->Verify(Token(old_key_)).ok());
  EXPECT_EQ(fetches_, 1);
  now_ += absl::Minutes(1);
  ASSERT_TRUE(verifier->Verify(Token(old_key_)).ok());
  EXPECT_EQ(fetches_, 2);
}

TEST_F(IssuerKeysTest, UnknownKeyIdRefetchesAtMostOncePerInterval) {
  served_ = Jwks({&old_key_});
  auto verifier = Verifier(Provider());
  now_ += absl::Seconds(30);
  served_ = Jwks({&old_key_, &new_key_});  // rotated at the issuer
  absl::StatusOr<Principal> rotated = verifier->Verify(Token(new_key_));
  EXPECT_TRUE(rotated.ok()) << rotated.status();
  EXPECT_EQ(fetches_, 2);
  // Forged key ids do not make the issuer be fetched again within the interval.
  JwtSigner forged = testing::SignerFor(testing::Rsa2048PrivatePem(), "forged");
  EXPECT_FALSE(verifier->Verify(Token(forged)).ok());
  EXPECT_EQ(fetches_, 2);
}

TEST_F(IssuerKeysTest, RemovedKeyIsRefusedAfterRefresh) {
  served_ = Jwks({&old_key_, &new_key_});
  auto verifier = Verifier(Provider());
  const std::string old_token = Token(old_key_);
  ASSERT_TRUE(verifier->Verify(old_token).ok());
  served_ = Jwks({&new_key_});
  now_ += absl::Minutes(5);
  EXPECT_EQ(verifier->Verify(old_token).status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_TRUE(verifier->Verify(Token(new_key_)).ok());
}

TEST_F(IssuerKeysTest, FetchFailureKeepsTheLastGoodKeys) {
  served_ = Jwks({&old_key_});
  auto verifier = Verifier(Provider());
  served_ = absl::UnavailableError("issuer down");
  now_ += absl::Minutes(5);
  EXPECT_TRUE(verifier->Verify(Token(old_key_)).ok());
  EXPECT_EQ(fetches_, 2);
  served_ = R"({"keys":[]})";  // answers, but with nothing usable
  now_ += absl::Minutes(5);
  EXPECT_TRUE(verifier->Verify(Token(old_key_)).ok());
  EXPECT_EQ(fetches_, 3);
}

}  // namespace
}  // namespace kinerja::auth
