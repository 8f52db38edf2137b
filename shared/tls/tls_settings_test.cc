#include "shared/tls/tls_settings.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "shared/auth/test_keys.h"
#include "shared/tls/test_certs.h"

namespace kinerja::tls {
namespace {

using auth::testing::MakeTempDir;
using auth::testing::WriteFile;
using ::testing::HasSubstr;

class TlsSettingsTest : public ::testing::Test {
 protected:
  TlsSettingsTest() {
    testing::WritePair(ca_.Issue("employee"), cert_, key_);
    WriteFile(ca_file_, ca_.cert_pem());
  }

  std::string dir_ = MakeTempDir();
  std::string cert_ = dir_ + "/employee.pem";
  std::string key_ = dir_ + "/employee.key";
  std::string ca_file_ = dir_ + "/ca.pem";
  testing::TestCa ca_{"test CA"};
};

TEST_F(TlsSettingsTest, NeitherTlsNorInsecureIsRefused) {
  absl::Status s = Validate(ServerTls{}, ClientTls{});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("refusing to serve in cleartext"));
  EXPECT_THAT(s.message(), HasSubstr("--insecure"));
}

TEST_F(TlsSettingsTest, InsecureAloneIsAccepted) {
  EXPECT_TRUE(Validate(ServerTls{.insecure = true}, ClientTls{.insecure = true}).ok());
}

TEST_F(TlsSettingsTest, InsecureWithTlsFilesIsRefused) {
  absl::Status s = Validate(ServerTls{.insecure = true, .cert_file = cert_, .key_file = key_},
                            ClientTls{.insecure = true});
  EXPECT_THAT(s.message(), HasSubstr("choose one"));
  s = Validate(ServerTls{.insecure = true}, ClientTls{.insecure = true, .ca_file = ca_file_});
  EXPECT_THAT(s.message(), HasSubstr("choose one"));
}

TEST_F(TlsSettingsTest, CertificateKeyAndCasAccepted) {
  EXPECT_TRUE(Validate(ServerTls{.cert_file = cert_, .key_file = key_, .client_ca_file = ca_file_},
                       ClientTls{.ca_file = ca_file_, .cert_file = cert_, .key_file = key_})
                  .ok());
}

TEST_F(TlsSettingsTest, CertificateWithoutKeyIsRefused) {
  absl::Status s = Validate(ServerTls{.cert_file = cert_}, ClientTls{});
  EXPECT_THAT(s.message(), HasSubstr("go together"));
  s = Validate(ServerTls{.cert_file = cert_, .key_file = key_}, ClientTls{.cert_file = cert_});
  EXPECT_THAT(s.message(), HasSubstr("--tls-client-cert"));
}

TEST_F(TlsSettingsTest, KeyOfAnotherCertificateIsRefused) {
  const std::string other_key = dir_ + "/other.key";
  WriteFile(other_key, ca_.Issue("other").key);
  absl::Status s = Validate(ServerTls{.cert_file = cert_, .key_file = other_key}, ClientTls{});
  EXPECT_THAT(s.message(), HasSubstr("not the private key of the certificate"));
}

TEST_F(TlsSettingsTest, MissingOrMalformedFilesAreNamed) {
  absl::Status s =
      Validate(ServerTls{.cert_file = dir_ + "/absent.pem", .key_file = key_}, ClientTls{});
  EXPECT_THAT(s.message(), HasSubstr("absent.pem: cannot be read"));
  const std::string garbage = dir_ + "/garbage.pem";
  WriteFile(garbage, "not a certificate");
  s = Validate(ServerTls{.cert_file = cert_, .key_file = key_, .client_ca_file = garbage},
               ClientTls{});
  EXPECT_THAT(s.message(), HasSubstr("--tls-client-ca (TLS_CLIENT_CA)"));
  EXPECT_THAT(s.message(), HasSubstr("no PEM certificate"));
}

TEST_F(TlsSettingsTest, OptionsParseIntoSettings) {
  config::Spec spec{.program = "test", .summary = "test", .options = TlsOptions()};
  const std::string cert_flag = "--tls-cert=" + cert_;
  const char* argv[] = {"test", cert_flag.c_str(), "--tls-reload-interval=2s"};
  auto config = config::Parse(spec, 3, argv, [](const std::string& name) {
    return name == "TLS_KEY" ? std::optional<std::string>("/k.pem") : std::nullopt;
  });
  ASSERT_TRUE(config.ok()) << config.status();
  ServerTls server = ServerTlsFrom(*config);
  EXPECT_FALSE(server.insecure);
  EXPECT_EQ(server.cert_file, cert_);
  EXPECT_EQ(server.key_file, "/k.pem");
  EXPECT_EQ(server.reload_interval, absl::Seconds(2));
  EXPECT_EQ(ClientTlsFrom(*config).ca_file, "");
}

}  // namespace
}  // namespace kinerja::tls
