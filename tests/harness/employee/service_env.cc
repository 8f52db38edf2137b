#include "tests/harness/employee/service_env.h"

#include <atomic>
#include <cstdlib>
#include <iostream>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "google/rpc/status.pb.h"
#include "services/employee/api/employee_definition.h"
#include "tests/harness/pg_cluster.h"
#include "tests/harness/service_under_test.h"

namespace kinerja::employee::testing {
namespace {

using ::kinerja::testing::PgCluster;
using ::kinerja::testing::TestIssuer;

class StopEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { ServiceEnv::Stop(); }
};
[[maybe_unused]] ::testing::Environment* const kStopEnvironment =
    ::testing::AddGlobalTestEnvironment(new StopEnvironment);

ServiceEnv* g_env = nullptr;

}  // namespace

struct ServiceEnv::Parts {
  TestIssuer issuer;
  std::unique_ptr<server::RunningService> running;
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
  g_env->parts_->running.reset();  // stops streams, the notifier and the workers
  delete g_env;
  g_env = nullptr;  // a repeated run (--gtest_repeat) starts afresh
}

void ServiceEnv::Start() {
  parts_ = std::make_unique<Parts>();
  database_ = PgCluster::Get().CreateDatabase("employee_api");
  jwks_path_ = parts_->issuer.jwks_path();
  parts_->running =
      ::kinerja::testing::StartInProcess(api::EmployeeDefinition(), database_, parts_->issuer, {});
  host_ = &parts_->running->host();
  channel_ = ::kinerja::testing::ChannelTo(*parts_->running);
  stub_ = v1::EmployeeService::NewStub(channel_);
}

const TestIssuer& ServiceEnv::issuer() const { return parts_->issuer; }

const char* ServiceEnv::Issuer() { return TestIssuer::Issuer(); }
const char* ServiceEnv::Audience() { return TestIssuer::Audience(); }

std::string ServiceEnv::Token(const std::string& subject, const std::vector<std::string>& roles,
                              const std::string& agency_id, const std::string& nip) const {
  return parts_->issuer.Token(subject, roles, agency_id, nip);
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
