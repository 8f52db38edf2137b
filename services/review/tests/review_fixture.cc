#include "services/review/tests/review_fixture.h"

#include <gtest/gtest.h>

#include <atomic>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "services/review/api/review_definition.h"
#include "shared/auth/test_keys.h"
#include "tests/harness/service_under_test.h"

namespace kinerja::review::testing {
namespace {

using employee::testing::ServiceEnv;
using goals::testing::GoalsServiceEnv;

class StopEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    ReviewEnv::Stop();
    GoalsServiceEnv::Stop();
    ServiceEnv::Stop();
  }
};
[[maybe_unused]] ::testing::Environment* const kStopEnvironment =
    ::testing::AddGlobalTestEnvironment(new StopEnvironment);

ReviewEnv* g_env = nullptr;

absl::Time DefaultNow() {
  return absl::FromCivil(absl::CivilSecond(2026, 12, 20, 10, 0, 0), absl::FixedTimeZone(7 * 3600));
}

absl::Mutex g_clock_mu;
absl::Time g_now ABSL_GUARDED_BY(g_clock_mu) = DefaultNow();

}  // namespace

struct ReviewEnv::Parts {
  std::unique_ptr<server::RunningService> running;
};

ReviewEnv& ReviewEnv::Get() {
  if (g_env == nullptr) {
    g_env = new ReviewEnv();
    g_env->Start();
  }
  return *g_env;
}

void ReviewEnv::Stop() {
  if (g_env == nullptr) return;
  g_env->stub_.reset();
  g_env->channel_.reset();
  g_env->parts_->running.reset();
  delete g_env;
  g_env = nullptr;
}

void ReviewEnv::Start() {
  ServiceEnv& employees = ServiceEnv::Get();
  GoalsServiceEnv& goals = GoalsServiceEnv::Get();
  const std::string dir = auth::testing::MakeTempDir();
  auth::testing::WriteFile(dir + "/review.token", employees.Token("review", {"service"}));
  parts_ = std::make_unique<Parts>();
  parts_->running = ::kinerja::testing::StartInProcess(
      api::ReviewDefinition([] { return ReviewNow(); }), employees.database(), employees.issuer(),
      {absl::StrCat("--employee-addr=127.0.0.1:", employees.host().grpc_port()),
       "--employee-token-file=" + dir + "/review.token",
       absl::StrCat("--goals-addr=127.0.0.1:", goals.host().grpc_port()),
       "--goals-token-file=" + dir + "/review.token"});
  host_ = &parts_->running->host();
  channel_ = ::kinerja::testing::ChannelTo(*parts_->running);
  stub_ = rv1::ReviewService::NewStub(channel_);
}

absl::Time ReviewNow() {
  absl::MutexLock lock(&g_clock_mu);
  return g_now;
}

void SetReviewNow(absl::Time now) {
  absl::MutexLock lock(&g_clock_mu);
  g_now = now;
}

void ResetReviewNow() { SetReviewNow(DefaultNow()); }

}  // namespace kinerja::review::testing
