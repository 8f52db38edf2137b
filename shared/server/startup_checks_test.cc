// What a service refuses before it touches its database: cleartext nobody asked for, and token
// keys configured twice or not at all (the database DSN here leads nowhere: these checks come
// first).
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "shared/auth/jwt_signer.h"
#include "shared/auth/test_keys.h"
#include "shared/server/service_host.h"
#include "shared/server/token_keys.h"

namespace kinerja::server {
namespace {

using ::testing::HasSubstr;

class StartupChecksTest : public ::testing::Test {
 protected:
  StartupChecksTest() {
    auth::testing::WriteFile(
        jwks_, *auth::testing::SignerFor(auth::testing::EcP256PrivatePem(), "k").PublicJwks());
  }

  absl::StatusOr<config::Config> Parse(std::vector<std::string> extra) {
    std::vector<std::string> args = {
        "kinerja-test",           "--pg-dsn=host=/nonexistent dbname=none",
        "--db-wait=0s",           "--jwt-issuer=https://sso.test",
        "--jwt-audience=kinerja", "--page-token-key=startup-checks-test-key"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    return config::Parse(ServiceHost::Spec("kinerja-test", "test"), static_cast<int>(argv.size()),
                         argv.data(), [](const std::string&) { return std::nullopt; });
  }

  std::string jwks_ = auth::testing::MakeTempDir() + "/jwks.json";
};

TEST_F(StartupChecksTest, ServiceWithoutTlsOrInsecureRefusesToStart) {
  auto config = Parse({"--jwt-keys=" + jwks_});
  ASSERT_TRUE(config.ok()) << config.status();
  ServiceSettings settings;
  settings.name = "test";
  auto host = ServiceHost::Create(*config, std::move(settings));
  EXPECT_EQ(host.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(host.status().message(), HasSubstr("refusing to serve in cleartext"));
}

TEST_F(StartupChecksTest, TokenKeysNeedExactlyOneSource) {
  auto neither = Parse({});
  ASSERT_TRUE(neither.ok()) << neither.status();
  EXPECT_THAT(TokenKeysFrom(*neither).status().message(), HasSubstr("set one of --jwt-keys"));
  auto both = Parse({"--jwt-keys=" + jwks_, "--jwt-jwks-url=https://sso.test/certs"});
  ASSERT_TRUE(both.ok()) << both.status();
  EXPECT_THAT(TokenKeysFrom(*both).status().message(), HasSubstr("set one of --jwt-keys"));
}

TEST_F(StartupChecksTest, JwksUrlMustBeHttps) {
  auto config = Parse({"--jwt-jwks-url=http://sso.test/certs"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_THAT(TokenKeysFrom(*config).status().message(), HasSubstr("not an https:// URL"));
}

TEST_F(StartupChecksTest, KeyFileIsLoaded) {
  auto config = Parse({"--jwt-keys=" + jwks_});
  ASSERT_TRUE(config.ok()) << config.status();
  auto keys = TokenKeysFrom(*config);
  ASSERT_TRUE(keys.ok()) << keys.status();
  EXPECT_NE((*keys)->Keys(false)->Find("k"), nullptr);
}

}  // namespace
}  // namespace kinerja::server
