#include "services/goals/tests/goals_fixture.h"

#include <cstdlib>
#include <iostream>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "services/goals/api/employee_directory.h"
#include "services/goals/api/goal_service.h"
#include "services/goals/api/transfer_consumer.h"
#include "services/goals/store/goals_store.h"
#include "shared/auth/test_keys.h"
#include "shared/config/config.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::goals::testing {
namespace {

using employee::testing::ServiceEnv;

template <typename T>
T OrDie(absl::StatusOr<T> value, const char* what) {
  if (!value.ok()) {
    std::cerr << "goals test setup failed (" << what << "): " << value.status() << "\n";
    std::abort();
  }
  return *std::move(value);
}

class StopEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    GoalsEnv::Stop();
    ServiceEnv::Stop();
  }
};
[[maybe_unused]] ::testing::Environment* const kStopEnvironment =
    ::testing::AddGlobalTestEnvironment(new StopEnvironment);

GoalsEnv* g_env = nullptr;

}  // namespace

struct GoalsEnv::Parts {
  std::unique_ptr<server::ServiceHost> host;
  std::unique_ptr<api::EmployeeDirectory> directory;
  std::unique_ptr<store::GoalsStore> store;
  std::unique_ptr<api::GoalService> service;
  std::unique_ptr<api::TransferConsumer> consumer;
};

GoalsEnv& GoalsEnv::Get() {
  if (g_env == nullptr) {
    g_env = new GoalsEnv();
    g_env->Start();
  }
  return *g_env;
}

void GoalsEnv::Stop() {
  if (g_env == nullptr) return;
  g_env->parts_->consumer->Stop();
  g_env->stub_.reset();
  g_env->channel_.reset();
  g_env->host_->Shutdown();
  g_env->parts_->host.reset();
  g_env->parts_->service.reset();
  g_env->parts_->consumer.reset();
  g_env->parts_->store.reset();
  g_env->parts_->directory.reset();
  delete g_env;
  g_env = nullptr;
}

void GoalsEnv::Start() {
  using ::kinerja::testing::PgCluster;
  ServiceEnv& employees = ServiceEnv::Get();
  std::string dsn = PgCluster::Get().ProvisionService(employees.database(),
                                                      {"goals", "kinerja_goals", "pw-goals"});
  const std::string token_file = auth::testing::MakeTempDir() + "/goals.token";
  auth::testing::WriteFile(token_file, employees.Token("goals", {"service"}));
  const std::string employee_addr = absl::StrCat("127.0.0.1:", employees.host().grpc_port());

  std::vector<std::string> args = {"kinerja-goals",
                                   "--listen=127.0.0.1:0",
                                   "--metrics-listen=127.0.0.1:0",
                                   "--pg-dsn=" + dsn,
                                   "--db-pool-size=4",
                                   std::string("--jwt-issuer=") + ServiceEnv::Issuer(),
                                   std::string("--jwt-audience=") + ServiceEnv::Audience(),
                                   "--jwt-keys=" + employees.jwks_path(),
                                   "--page-token-key=goals-test-page-token-key",
                                   "--log-level=warn"};
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  config::Spec spec = server::ServiceHost::Spec("kinerja-goals", "test");
  config::Config cfg =
      OrDie(config::Parse(spec, static_cast<int>(argv.size()), argv.data(),
                          [](const std::string&) { return std::optional<std::string>(); }),
            "config");
  parts_ = std::make_unique<Parts>();
  parts_->host = OrDie(server::ServiceHost::Create(cfg, api::GoalServiceSettings()), "host");
  host_ = parts_->host.get();
  parts_->directory = std::make_unique<api::EmployeeDirectory>(
      api::DirectoryOptions{.addr = employee_addr, .token_file = token_file});
  parts_->store = std::make_unique<store::GoalsStore>(host_->pool());
  api::ServiceDeps deps = api::ServiceDeps::FromHost(*host_, *parts_->store, *parts_->directory);
  deps.now = [] { return TestNow(); };
  parts_->service = std::make_unique<api::GoalService>(std::move(deps));
  if (absl::Status s = host_->Start({parts_->service.get()}); !s.ok()) {
    std::cerr << "goals test setup failed (start): " << s << "\n";
    std::abort();
  }
  parts_->consumer = std::make_unique<api::TransferConsumer>(*parts_->store, *parts_->directory);
  parts_->consumer->Start();
  channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", host_->grpc_port()),
                                 grpc::InsecureChannelCredentials());
  stub_ = gv1::GoalService::NewStub(channel_);
}

absl::Time TestNow() {
  return absl::FromCivil(absl::CivilSecond(2026, 6, 15, 12, 0, 0), absl::FixedTimeZone(7 * 3600));
}

std::string PersonToken(const ev1::Employee& who, const std::string& agency_id) {
  return ServiceEnv::Get().Token("emp-" + who.nip(), {"employee"}, agency_id, who.nip());
}

}  // namespace kinerja::goals::testing
