// Setup of kinerja-review-bench on top of the goals bench's cascade (goals/setup.h): every plan
// approved, each plan's indicators and unit, the organisation predicate of every unit with a
// head plan (set by that head's assessor, the leader one level up; HR for a NON-ASN one), and
// an annual draft rated for every staff plan of those units, ready to finalise.
#pragma once

#include <grpcpp/grpcpp.h>

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "kinerja/review/v1/review_service.grpc.pb.h"
#include "tools/bench/goals/setup.h"
#include "tools/bench/goals/tokens.h"

namespace kinerja::bench {

struct ReviewPlan {
  int plan = -1;  // index into Setup::plans
  std::string unit_id;
  bool unit_head = false;
  std::vector<std::string> indicator_ids;
};

// One write target of RecordRealisation: a plan's indicator, written by the plan's employee.
struct RealisationTarget {
  std::string plan_id;
  std::string indicator_id;
  std::string token;
};

// One FinaliseAssessment: a rated draft and its assessor's token.
struct FinaliseTarget {
  std::string assessment_id;
  std::string token;
};

struct ReviewSetup {
  std::vector<ReviewPlan> plans;
  std::vector<RealisationTarget> realisations;
  std::vector<FinaliseTarget> drafts;
  size_t approved_now = 0;  // pending plans of the cascade approved here
  size_t units_predicated = 0;
  double seconds = 0;
  StepErrors errors;
};

struct ReviewClients {
  goals::v1::GoalService::Stub* goals;
  employee::v1::EmployeeService::Stub* employees;
  review::v1::ReviewService::Stub* review;
};

// Runs the review setup after BuildCascade; fails only when nothing can be measured.
absl::Status BuildReviewSetup(const SetupOptions& options, const ReviewClients& clients,
                              TokenMinter& minter, Setup& cascade, std::ostream& log,
                              ReviewSetup& out);

}  // namespace kinerja::bench
