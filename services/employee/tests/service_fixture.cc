#include "services/employee/tests/service_fixture.h"

#include <atomic>
#include <cstdlib>
#include <iostream>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "google/rpc/status.pb.h"
#include "services/employee/api/employee_service.h"
#include "services/employee/store/employee_store.h"
#include "shared/auth/mint_token.h"
#include "shared/auth/test_keys.h"
#include "shared/config/config.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::employee::testing {
namespace {

constexpr char kIssuer[] = "https://issuer.test/realms/kinerja";
constexpr char kAudience[] = "kinerja";

template <typename T>
T OrDie(absl::StatusOr<T> value, const char* what) {
  if (!value.ok()) {
    std::cerr << "service test setup failed (" << what << "): " << value.status() << "\n";
    std::abort();
  }
  return *std::move(value);
}

class StopEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { ServiceEnv::Stop(); }
};
[[maybe_unused]] ::testing::Environment* const kStopEnvironment =
    ::testing::AddGlobalTestEnvironment(new StopEnvironment);

ServiceEnv* g_env = nullptr;

}  // namespace

struct ServiceEnv::Parts {
  auth::JwtSigner signer;
  std::unique_ptr<server::ServiceHost> host;
  std::unique_ptr<store::EmployeeStore> store;
  std::unique_ptr<api::EmployeeService> service;
};

ServiceEnv& ServiceEnv::Get() {
  if (g_env == nullptr) {
    g_env = new ServiceEnv();
    g_env->Start();
  }
  return *g_env;
}

void ServiceEnv::Stop() {
  if (g_env == nullptr) return;
  g_env->stub_.reset();
  g_env->channel_.reset();
  g_env->host_->Shutdown();
  g_env->parts_->host.reset();  // stops streams, the notifier and the workers
  g_env->parts_->service.reset();
  g_env->parts_->store.reset();
  delete g_env;
  g_env = nullptr;  // a repeated run (--gtest_repeat) starts afresh
}

void ServiceEnv::Start() {
  using ::kinerja::testing::PgCluster;
  std::string db = PgCluster::Get().CreateDatabase("employee_api");
  std::string dsn =
      PgCluster::Get().ProvisionService(db, {"employee", "kinerja_employee", "pw-employee"});
  parts_ = std::make_unique<Parts>(
      Parts{auth::testing::SignerFor(auth::testing::EcP256PrivatePem(), "test-key"), nullptr,
            nullptr, nullptr});
  database_ = db;
  std::string jwks = auth::testing::MakeTempDir() + "/jwks.json";
  jwks_path_ = jwks;
  auth::testing::WriteFile(jwks, OrDie(parts_->signer.PublicJwks(), "jwks"));

  std::vector<std::string> args = {"kinerja-employee",
                                   "--listen=127.0.0.1:0",
                                   "--metrics-listen=127.0.0.1:0",
                                   "--pg-dsn=" + dsn,
                                   "--db-pool-size=4",
                                   std::string("--jwt-issuer=") + kIssuer,
                                   std::string("--jwt-audience=") + kAudience,
                                   "--jwt-keys=" + jwks,
                                   "--page-token-key=service-test-page-token-key",
                                   "--log-level=warn"};
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  config::Spec spec = server::ServiceHost::Spec("kinerja-employee", "test");
  config::Config cfg =
      OrDie(config::Parse(spec, static_cast<int>(argv.size()), argv.data(),
                          [](const std::string&) { return std::optional<std::string>(); }),
            "config");
  parts_->host = OrDie(server::ServiceHost::Create(cfg, api::EmployeeServiceSettings()), "host");
  host_ = parts_->host.get();
  parts_->store = std::make_unique<store::EmployeeStore>(host_->pool());
  parts_->service =
      std::make_unique<api::EmployeeService>(api::ServiceDeps::FromHost(*host_, *parts_->store));
  if (absl::Status s = host_->Start({parts_->service.get()}); !s.ok()) {
    std::cerr << "service test setup failed (start): " << s << "\n";
    std::abort();
  }
  channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", host_->grpc_port()),
                                 grpc::InsecureChannelCredentials());
  stub_ = v1::EmployeeService::NewStub(channel_);
}

const char* ServiceEnv::Issuer() { return kIssuer; }
const char* ServiceEnv::Audience() { return kAudience; }

std::string ServiceEnv::Token(const std::string& subject, const std::vector<std::string>& roles,
                              const std::string& agency_id, const std::string& nip) const {
  auth::TokenClaims claims;
  claims.issuer = kIssuer;
  claims.audience = kAudience;
  claims.subject = subject;
  claims.roles = roles;
  claims.agency_id = agency_id;
  claims.nip = nip;
  if (roles.size() == 1 && roles[0] == "service") claims.service = subject;
  return OrDie(auth::MintToken(parts_->signer, claims, absl::Now()), "token");
}

std::string HrAdminToken(const std::string& agency_id) {
  return ServiceEnv::Get().Token("hr-" + agency_id, {"hr_admin"}, agency_id);
}
std::string EmployeeToken(const std::string& nip, const std::string& agency_id) {
  return ServiceEnv::Get().Token("emp-" + nip, {"employee"}, agency_id, nip);
}
std::string AuditorToken() { return ServiceEnv::Get().Token("auditor-1", {"auditor"}); }
std::string ServiceToken() { return ServiceEnv::Get().Token("goals", {"service"}); }

std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return ctx;
}

google::rpc::BadRequest BadRequestOf(const grpc::Status& status) {
  google::rpc::Status details;
  google::rpc::BadRequest bad;
  if (!details.ParseFromString(status.error_details())) return bad;
  for (const auto& any : details.details()) {
    if (any.UnpackTo(&bad)) return bad;
  }
  return bad;
}

std::string ReasonOf(const grpc::Status& status) {
  google::rpc::Status details;
  google::rpc::ErrorInfo info;
  if (!details.ParseFromString(status.error_details())) return "";
  for (const auto& any : details.details()) {
    if (any.UnpackTo(&info)) return info.reason();
  }
  return "";
}

std::string Describe(const grpc::Status& status) {
  return absl::StrCat(status.error_code(), ": ", status.error_message());
}

std::string UniqueId(const std::string& prefix) {
  static std::atomic<int> next{1};
  return absl::StrCat(prefix, "-", next.fetch_add(1));
}

std::string ValidNip(int sex) {
  static std::atomic<int> next{0};
  int n = next.fetch_add(1);
  absl::CivilDay birth = absl::CivilDay(1986, 9, 26) + n / 900;
  return absl::StrFormat("%04d%02d%02d201505%d%03d", birth.year(), birth.month(), birth.day(), sex,
                         n % 900 + 1);
}

}  // namespace kinerja::employee::testing
