// The HTTPS side of key rotation and certificate renewal: an issuer's JWKS served by an in-test
// HttpServer over TLS, fetched with FetchHttps against the test CA; a rotated key is picked up
// without a restart, a renewed server certificate is served without a restart, and a server
// the CA did not certify is refused.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "shared/auth/issuer_keys.h"
#include "shared/auth/jwt_verifier.h"
#include "shared/auth/mint_token.h"
#include "shared/auth/test_keys.h"
#include "shared/http/http_server.h"
#include "shared/http/https_fetch.h"
#include "shared/tls/reloading_key_pair.h"
#include "shared/tls/test_certs.h"

namespace kinerja::http {
namespace {

using auth::testing::MakeTempDir;
using auth::testing::WriteFile;

constexpr char kIssuer[] = "https://sso.test/realms/kinerja";

class JwksOverHttpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tls::testing::WritePair(ca_.Issue("sso"), cert_, key_);
    WriteFile(ca_file_, ca_.cert_pem());
    WriteFile(other_ca_file_, other_ca_.cert_pem());
    auto pair =
        tls::ReloadingKeyPair::Create(cert_, key_, absl::Seconds(30), [this] { return Now(); });
    ASSERT_TRUE(pair.ok()) << pair.status();
    server_ = std::make_unique<HttpServer>(ServerOptions{.tls = *std::move(pair)});
    server_->Get("/certs", [this](const Request&) {
      absl::MutexLock lock(&mu_);
      return Response{.content_type = "application/json", .body = jwks_};
    });
    Serve(old_key_);
    ASSERT_TRUE(server_->Start("127.0.0.1", 0).ok());
    url_ = absl::StrCat("https://localhost:", server_->port(), "/certs");
  }

  absl::Time Now() {
    absl::MutexLock lock(&mu_);
    return now_;
  }
  void Advance(absl::Duration d) {
    absl::MutexLock lock(&mu_);
    now_ += d;
  }
  void Serve(const auth::JwtSigner& signer) {
    absl::MutexLock lock(&mu_);
    jwks_ = *signer.PublicJwks();
  }
  std::string Token(const auth::JwtSigner& signer) {
    auth::TokenClaims claims;
    claims.issuer = kIssuer;
    claims.audience = "kinerja";
    claims.subject = "199001012015031003";
    claims.roles = {"employee"};
    return *auth::MintToken(signer, claims, Now());
  }

  std::string dir_ = MakeTempDir();
  std::string cert_ = dir_ + "/sso.pem";
  std::string key_ = dir_ + "/sso.key";
  std::string ca_file_ = dir_ + "/ca.pem";
  std::string other_ca_file_ = dir_ + "/other-ca.pem";
  tls::testing::TestCa ca_{"test CA"};
  tls::testing::TestCa other_ca_{"another CA"};
  auth::JwtSigner old_key_ = auth::testing::SignerFor(auth::testing::EcP256PrivatePem(), "old");
  auth::JwtSigner new_key_ =
      auth::testing::SignerFor(auth::testing::OtherEcP256PrivatePem(), "new");
  absl::Mutex mu_;
  absl::Time now_ ABSL_GUARDED_BY(mu_) = absl::Now();
  std::string jwks_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<HttpServer> server_;
  std::string url_;
};

TEST_F(JwksOverHttpsTest, RotatedKeyAtTheIssuerIsAcceptedWithoutRestart) {
  auto keys = auth::FetchIssuerKeys([this] { return FetchHttps(url_, {.ca_file = ca_file_}); },
                                    {.now = [this] { return Now(); }});
  ASSERT_TRUE(keys.ok()) << keys.status();
  auto verifier = *auth::JwtVerifier::Create(
      {.issuer = kIssuer, .audience = "kinerja", .now = [this] { return Now(); }}, *keys);
  ASSERT_TRUE(verifier->Verify(Token(old_key_)).ok());
  Serve(new_key_);  // the issuer rotated: the old key is gone
  Advance(absl::Seconds(30));
  absl::StatusOr<auth::Principal> rotated = verifier->Verify(Token(new_key_));
  EXPECT_TRUE(rotated.ok()) << rotated.status();
  EXPECT_EQ(verifier->Verify(Token(old_key_)).status().code(), absl::StatusCode::kUnauthenticated);
}

TEST_F(JwksOverHttpsTest, ServerCertifiedByAnotherCaIsRefused) {
  absl::StatusOr<std::string> refused = FetchHttps(url_, {.ca_file = other_ca_file_});
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(FetchHttps(url_, {.ca_file = ca_file_}).ok());
}

TEST_F(JwksOverHttpsTest, RenewedCertificateIsServedWithoutRestart) {
  tls::testing::WritePair(other_ca_.Issue("sso"), cert_, key_);
  EXPECT_TRUE(FetchHttps(url_, {.ca_file = ca_file_}).ok()) << "looked before the interval";
  Advance(absl::Seconds(30));
  absl::StatusOr<std::string> renewed = FetchHttps(url_, {.ca_file = other_ca_file_});
  EXPECT_TRUE(renewed.ok()) << renewed.status();
  EXPECT_FALSE(FetchHttps(url_, {.ca_file = ca_file_}).ok());
}

TEST(HttpsFetchTest, OnlyHttpsUrlsAreTaken) {
  EXPECT_FALSE(CheckHttpsUrl("http://sso.test/certs").ok());
  EXPECT_FALSE(CheckHttpsUrl("https:///certs").ok());
  EXPECT_FALSE(CheckHttpsUrl("https://sso.test:99999/certs").ok());
  EXPECT_TRUE(CheckHttpsUrl("https://sso.test:8443/realms/x/protocol/openid-connect/certs").ok());
}

}  // namespace
}  // namespace kinerja::http
