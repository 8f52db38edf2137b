#include "tests/harness/service_under_test.h"

#include <cstdlib>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "shared/auth/mint_token.h"
#include "shared/auth/test_keys.h"
#include "shared/config/config.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::testing {
namespace {

constexpr char kIssuer[] = "https://issuer.test/realms/kinerja";
constexpr char kAudience[] = "kinerja";

template <typename T>
T OrDie(absl::StatusOr<T> value, const std::string& what) {
  if (!value.ok()) {
    std::cerr << "service test setup failed (" << what << "): " << value.status() << "\n";
    std::abort();
  }
  return *std::move(value);
}

}  // namespace

TestIssuer::TestIssuer()
    : signer_(auth::testing::SignerFor(auth::testing::EcP256PrivatePem(), "test-key")),
      jwks_path_(auth::testing::MakeTempDir() + "/jwks.json") {
  auth::testing::WriteFile(jwks_path_, OrDie(signer_.PublicJwks(), "jwks"));
}

const char* TestIssuer::Issuer() { return kIssuer; }
const char* TestIssuer::Audience() { return kAudience; }

std::string TestIssuer::Token(const std::string& subject, const std::vector<std::string>& roles,
                              const std::string& agency_id, const std::string& nip) const {
  auth::TokenClaims claims;
  claims.issuer = kIssuer;
  claims.audience = kAudience;
  claims.subject = subject;
  claims.roles = roles;
  claims.agency_id = agency_id;
  claims.nip = nip;
  if (roles.size() == 1 && roles[0] == "service") claims.service = subject;
  return OrDie(auth::MintToken(signer_, claims, absl::Now()), "token");
}

std::unique_ptr<server::RunningService> StartInProcess(const server::ServiceDefinition& definition,
                                                       const std::string& database,
                                                       const TestIssuer& issuer,
                                                       const std::vector<std::string>& extra_args) {
  const std::string& name = definition.settings.name;
  std::string dsn =
      PgCluster::Get().ProvisionService(database, {name, "kinerja_" + name, "pw-" + name});
  // --insecure: the test's loopback channels are cleartext, deliberately.
  std::vector<std::string> args = {definition.program,
                                   "--listen=127.0.0.1:0",
                                   "--metrics-listen=127.0.0.1:0",
                                   "--pg-dsn=" + dsn,
                                   "--db-pool-size=4",
                                   std::string("--jwt-issuer=") + kIssuer,
                                   std::string("--jwt-audience=") + kAudience,
                                   "--jwt-keys=" + issuer.jwks_path(),
                                   "--page-token-key=" + name + "-test-page-token-key",
                                   "--log-level=warn",
                                   "--insecure"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  config::Config config =
      OrDie(config::Parse(definition.Spec(), static_cast<int>(argv.size()), argv.data(),
                          [](const std::string&) { return std::optional<std::string>(); }),
            name + " config");
  return OrDie(server::RunningService::Start(definition, config), name + " start");
}

std::shared_ptr<grpc::Channel> ChannelTo(server::RunningService& service) {
  return grpc::CreateChannel(absl::StrCat("127.0.0.1:", service.host().grpc_port()),
                             grpc::InsecureChannelCredentials());
}

}  // namespace kinerja::testing
