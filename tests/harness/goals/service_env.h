// The goals service running in-process for other services' tests, beside the real employee
// service (tests/harness/employee/service_env.h) in the same throwaway PostgreSQL database, each
// with its own schema and role, reached over real gRPC channels with service tokens. Started once
// per test binary; its clock is pinned (TestNow) so that deadlines of the 2026 test periods mean
// the same whenever the tests run.
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

class GoalsServiceEnv {
 public:
  static GoalsServiceEnv& Get();
  static void Stop();

  gv1::GoalService::Stub& stub() { return *stub_; }
  server::ServiceHost& host() { return *host_; }

 private:
  GoalsServiceEnv() = default;
  void Start();

  struct Parts;
  std::unique_ptr<Parts> parts_;
  server::ServiceHost* host_ = nullptr;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<gv1::GoalService::Stub> stub_;
};

// The goals service's clock: 2026-06-15 12:00 in Jakarta.
absl::Time GoalsTestNow();

// A token for a civil servant (role employee) of the agency.
std::string PersonToken(const ::kinerja::employee::v1::Employee& who, const std::string& agency_id);

// Test data through the goals API (gtest failures at the caller when a step fails): the 2026
// period of the agency (quarterly, filling deadline 31 Dec), and a plan of `who` taken through
// edit, submit and approval by `approver_token` (the assessor of the day, or an HR admin for a
// NON-ASN assessor).
gv1::Period CreatePeriod2026(const std::string& hr_token, const std::string& agency_id,
                             gv1::Cadence cadence = gv1::CADENCE_QUARTERLY);
gv1::Plan ApprovedPlan(const gv1::Period& period, const ::kinerja::employee::v1::Employee& who,
                       const std::string& agency_id, const std::string& approver_token,
                       const std::string& parent_result_id = "");

}  // namespace kinerja::goals::testing
