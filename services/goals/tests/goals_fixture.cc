#include "services/goals/tests/goals_fixture.h"

#include <cstdlib>
#include <iostream>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "services/goals/api/goals_definition.h"
#include "shared/auth/test_keys.h"
#include "tests/harness/service_under_test.h"

namespace kinerja::goals::testing {
namespace {

using employee::testing::ServiceEnv;

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
  std::unique_ptr<server::RunningService> running;
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
  g_env->stub_.reset();
  g_env->channel_.reset();
  g_env->parts_->running.reset();  // the transfer follower, then gRPC and the host
  delete g_env;
  g_env = nullptr;
}

void GoalsEnv::Start() {
  ServiceEnv& employees = ServiceEnv::Get();
  const std::string token_file = auth::testing::MakeTempDir() + "/goals.token";
  auth::testing::WriteFile(token_file, employees.Token("goals", {"service"}));
  parts_ = std::make_unique<Parts>();
  parts_->running = ::kinerja::testing::StartInProcess(
      api::GoalsDefinition([] { return TestNow(); }), employees.database(), employees.issuer(),
      {absl::StrCat("--employee-addr=127.0.0.1:", employees.host().grpc_port()),
       "--employee-token-file=" + token_file});
  host_ = &parts_->running->host();
  channel_ = ::kinerja::testing::ChannelTo(*parts_->running);
  stub_ = gv1::GoalService::NewStub(channel_);
}

absl::Time TestNow() {
  return absl::FromCivil(absl::CivilSecond(2026, 6, 15, 12, 0, 0), absl::FixedTimeZone(7 * 3600));
}

std::string PersonToken(const ev1::Employee& who, const std::string& agency_id) {
  return ServiceEnv::Get().Token("emp-" + who.nip(), {"employee"}, agency_id, who.nip());
}

}  // namespace kinerja::goals::testing
