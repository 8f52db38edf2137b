// The goals service running in-process for service tests, beside a real employee service
// (tests/harness/employee/service_env.h) in the same throwaway PostgreSQL database, each
// with its own schema and role. The goals service reaches the employee service over a real gRPC
// channel with a service token, and follows its transfer events. Started once per test binary.
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/time/time.h"

#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "shared/server/service_host.h"
#include "tests/harness/employee/org_builder.h"
#include "tests/harness/employee/service_env.h"

namespace kinerja::goals::testing {

namespace gv1 = ::kinerja::goals::v1;
namespace ev1 = ::kinerja::employee::v1;
using employee::testing::Ctx;
using employee::testing::Describe;
using employee::testing::ReasonOf;

class GoalsEnv {
 public:
  static GoalsEnv& Get();
  static void Stop();

  gv1::GoalService::Stub& stub() { return *stub_; }
  ev1::EmployeeService::Stub& employees() { return employee::testing::ServiceEnv::Get().stub(); }
  server::ServiceHost& host() { return *host_; }
  const std::shared_ptr<grpc::Channel>& channel() { return channel_; }

 private:
  GoalsEnv() = default;
  void Start();

  struct Parts;
  std::unique_ptr<Parts> parts_;
  server::ServiceHost* host_ = nullptr;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<gv1::GoalService::Stub> stub_;
};

// The goals service's clock in these tests: 2026-06-15 12:00 in Jakarta, so that deadlines in
// the 2026 test periods mean the same whenever the tests run.
absl::Time TestNow();

// A token for a civil servant (role employee) of the agency.
std::string PersonToken(const ev1::Employee& who, const std::string& agency_id);

}  // namespace kinerja::goals::testing
