// The review service running in-process for service tests, beside a real employee service and a
// real goals service (tests/harness/employee, tests/harness/goals) in the same throwaway
// PostgreSQL database, each with its own schema and role. The review service reaches both over
// real gRPC channels with its own service token. Started once per test binary. Its clock is
// settable (SetReviewNow), so tests can act on a later day (a late objection).
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "kinerja/review/v1/review_service.grpc.pb.h"
#include "shared/server/service_host.h"
#include "tests/harness/employee/org_builder.h"
#include "tests/harness/employee/service_env.h"
#include "tests/harness/goals/service_env.h"

namespace kinerja::review::testing {

namespace rv1 = ::kinerja::review::v1;
namespace gv1 = ::kinerja::goals::v1;
namespace ev1 = ::kinerja::employee::v1;
using employee::testing::Ctx;
using employee::testing::Describe;
using employee::testing::ReasonOf;
using goals::testing::PersonToken;

class ReviewEnv {
 public:
  static ReviewEnv& Get();
  static void Stop();

  rv1::ReviewService::Stub& stub() { return *stub_; }
  ev1::EmployeeService::Stub& employees() { return employee::testing::ServiceEnv::Get().stub(); }
  gv1::GoalService::Stub& goals() { return goals::testing::GoalsServiceEnv::Get().stub(); }
  server::ServiceHost& host() { return *host_; }

 private:
  ReviewEnv() = default;
  void Start();

  struct Parts;
  std::unique_ptr<Parts> parts_;
  server::ServiceHost* host_ = nullptr;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<rv1::ReviewService::Stub> stub_;
};

// The review service's clock: 2026-12-20 10:00 in Jakarta unless a test set another.
absl::Time ReviewNow();
void SetReviewNow(absl::Time now);
// Back to the default clock (call at the end of a test that moved it).
void ResetReviewNow();

}  // namespace kinerja::review::testing
