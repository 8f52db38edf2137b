// Step 1 of kinerja-goals-bench: a period, a plan per employee of the agency, and the cascade
// built top-down through the reporting lines the plans snapshotted.
#pragma once

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "tools/bench/goals/closed_loop.h"
#include "tools/bench/goals/tokens.h"

namespace kinerja::bench {

// "OK", "INVALID_ARGUMENT", ...
std::string CodeName(grpc::StatusCode code);

// A channel of its own (distinct `id`s do not share one subchannel).
std::shared_ptr<grpc::Channel> Channel(const std::string& addr, int id);

// Errors by code with a sample message, on stdout under the step's figures.
void PrintErrors(const LoadReport& report);

// Runs a baseline command (when given) and prints its figure as
// "baseline name=NAME round=R tps=X"; false (with a message naming `program`) when it failed or
// printed no number.
bool RunBaseline(const char* program, const std::string& command, const char* name, int round);

// Failed calls by step ("CreatePlan", ...) and status code, with one sample message each.
class StepErrors {
 public:
  void Add(const std::string& step, const grpc::Status& status);
  bool empty() const { return by_step_.empty(); }
  void Print(std::ostream& out) const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::map<grpc::StatusCode, ErrorCount>> by_step_;
};

struct SetupOptions {
  std::string agency_id;
  std::string admin_token;
  std::string auditor_token;
  int threads = 8;
  // Which level stays SUBMITTED for the ApprovePlan step: the last one, or the one with the most
  // plans (the levels below it then stay DRAFT, without results: their plans could only be
  // submitted under an approved assessor's plan).
  bool pending_widest_level = false;
};

struct BenchPlan {
  std::string plan_id;
  std::string employee_id;
  std::string nip;
  std::string position_type;
  bool has_assessor = false;
  bool assessor_non_asn = false;
  std::string assessor_employee_id;
  std::string assessor_nip;
  int assessor_plan = -1;  // index of the assessor's plan in Setup::plans, -1 if none
  int level = -1;          // 0 for roots; -1 when no chain of plans leads to a root
  std::string first_result_id;
  goals::v1::PlanState state = goals::v1::PLAN_STATE_UNSPECIFIED;
};

struct Setup {
  std::string period_id;
  size_t employees = 0;
  std::vector<BenchPlan> plans;
  std::vector<int> roots;    // assessor NON-ASN or missing
  std::vector<int> pending;  // the pending level: SUBMITTED, left for the ApprovePlan step
  int levels = 0;
  int pending_level = -1;
  size_t approved = 0;
  size_t skipped = 0;  // left out of the cascade (see the log lines for why)
  double seconds = 0;
  StepErrors errors;
};

struct Clients {
  goals::v1::GoalService::Stub* goals;
  employee::v1::EmployeeService::Stub* employees;
};

// Runs step 1 into `setup`, logging progress to `log`. Fails only when nothing sensible can
// follow (the employees cannot be listed, no period); failed calls for single plans are counted
// in Setup::errors and the plan is left out.
absl::Status BuildCascade(const SetupOptions& options, const Clients& clients, TokenMinter& minter,
                          std::ostream& log, Setup& setup);

// Number of plans in the subtree of `root` (itself included) by the snapshotted reporting lines.
size_t SubtreeSize(const Setup& setup, int root);

// A ClientContext carrying the bearer token, with a 30-second deadline.
std::unique_ptr<grpc::ClientContext> CallContext(const std::string& token);

}  // namespace kinerja::bench
