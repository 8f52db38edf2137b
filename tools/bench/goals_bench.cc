// kinerja-goals-bench: GoalService figures on one agency (tools/bench/run-goals prints them
// against pgbench baselines measured in the same run).
//
//   kinerja-goals-bench --goals-addr HOST:PORT --employee-addr HOST:PORT --agency ID
//       --admin-token JWT --auditor-token JWT --issuer-dir DIR/issuer
//       [--issuer kinerja-dev] [--audience kinerja] [--seconds 10] [--concurrency 32]
//       [--setup-threads 8] [--cascade-calls 50] [--rounds 1]
//       [--select-baseline CMD] [--update-baseline CMD] [--pending-widest-level]
//
//  1. setup: lists the agency's active employees, creates a period for the current year and a
//     plan per employee, then builds the cascade top-down through the snapshotted reporting
//     lines (2 main results per plan under the assessor's first result; JPT plans carry a
//     perspective), submitting and approving level by level; the last level stays SUBMITTED
//     (--pending-widest-level: the level with the most plans, the levels below it DRAFT);
//  2. GetPlan closed-loop (auditor token, random plans) for --seconds with --concurrency calls in
//     flight: OK calls/s, p50/p99; --rounds times, each round after the --select-baseline
//     command (a shell command that prints one number, its tps), so that the baseline and
//     GetPlan alternate and a slow spell of the machine hits both;
//  3. ApprovePlan of every plan left SUBMITTED, --concurrency in flight, each with its assessor's
//     token (minted in-process with the stack's dev issuer key): approvals/s, p50/p99; right
//     after the --update-baseline command;
//  4. GetCascadeTree of the root plan with the largest tree, --cascade-calls sequential calls.
//
// Each step ends with one machine-readable line ("getplan ok=... rps=... p50_ms=..."; a
// baseline's "baseline name=select round=1 tps=..."); only OK answers count, the others are listed
// by status code with a sample message. Exit status 1 when a step got no OK answer at all, 2 on a
// usage error.
#include <grpcpp/grpcpp.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "tools/bench/goals/closed_loop.h"
#include "tools/bench/goals/setup.h"
#include "tools/bench/goals/tokens.h"

namespace {

namespace gv1 = ::kinerja::goals::v1;
namespace ev1 = ::kinerja::employee::v1;
using kinerja::bench::CallSpec;
using kinerja::bench::Clock;
using kinerja::bench::LoadReport;

struct Options {
  std::string goals_addr;
  std::string employee_addr;
  std::string agency;
  std::string admin_token;
  std::string auditor_token;
  std::string issuer_dir;
  std::string issuer = "kinerja-dev";
  std::string audience = "kinerja";
  int seconds = 10;
  int concurrency = 32;
  int setup_threads = 8;
  int cascade_calls = 50;
  int rounds = 1;
  bool pending_widest_level = false;
  std::string select_baseline;  // shell commands printing one number (tps)
  std::string update_baseline;
};

constexpr char kUsage[] =
    "usage: kinerja-goals-bench --goals-addr HOST:PORT --employee-addr HOST:PORT --agency ID\n"
    "         --admin-token JWT --auditor-token JWT --issuer-dir DIR/issuer\n"
    "         [--issuer kinerja-dev] [--audience kinerja] [--seconds 10] [--concurrency 32]\n"
    "         [--setup-threads 8] [--cascade-calls 50] [--rounds 1]\n"
    "         [--select-baseline CMD] [--update-baseline CMD] [--pending-widest-level]\n";

int Usage(const std::string& problem) {
  std::cerr << "kinerja-goals-bench: " << problem << "\n" << kUsage;
  return 2;
}

bool ParseOptions(int argc, char** argv, Options& opt, std::string& problem) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (flag == "--pending-widest-level") {
      opt.pending_widest_level = true;
      continue;
    }
    if (i + 1 >= argc) {
      problem = flag + " needs a value";
      return false;
    }
    const std::string value = argv[++i];
    std::string* text = nullptr;
    int* number = nullptr;
    if (flag == "--goals-addr") text = &opt.goals_addr;
    if (flag == "--employee-addr") text = &opt.employee_addr;
    if (flag == "--agency") text = &opt.agency;
    if (flag == "--admin-token") text = &opt.admin_token;
    if (flag == "--auditor-token") text = &opt.auditor_token;
    if (flag == "--issuer-dir") text = &opt.issuer_dir;
    if (flag == "--issuer") text = &opt.issuer;
    if (flag == "--audience") text = &opt.audience;
    if (flag == "--seconds") number = &opt.seconds;
    if (flag == "--concurrency") number = &opt.concurrency;
    if (flag == "--setup-threads") number = &opt.setup_threads;
    if (flag == "--cascade-calls") number = &opt.cascade_calls;
    if (flag == "--rounds") number = &opt.rounds;
    if (flag == "--select-baseline") text = &opt.select_baseline;
    if (flag == "--update-baseline") text = &opt.update_baseline;
    if (text != nullptr) {
      *text = value;
    } else if (number != nullptr) {
      if (!absl::SimpleAtoi(value, number) || *number < 1) {
        problem = flag + " must be a whole number >= 1, got \"" + value + "\"";
        return false;
      }
    } else {
      problem = "unknown flag " + flag;
      return false;
    }
  }
  for (const auto& [name, value] :
       {std::pair{"--goals-addr", &opt.goals_addr},
        std::pair{"--employee-addr", &opt.employee_addr}, std::pair{"--agency", &opt.agency},
        std::pair{"--admin-token", &opt.admin_token},
        std::pair{"--auditor-token", &opt.auditor_token},
        std::pair{"--issuer-dir", &opt.issuer_dir}}) {
    if (value->empty()) {
      problem = std::string(name) + " is required";
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  std::string problem;
  if (!ParseOptions(argc, argv, opt, problem)) return Usage(problem);
  absl::StatusOr<std::unique_ptr<kinerja::bench::TokenMinter>> minter =
      kinerja::bench::TokenMinter::Load(opt.issuer_dir, opt.issuer, opt.audience);
  if (!minter.ok()) {
    std::fprintf(stderr, "kinerja-goals-bench: %s\n",
                 std::string(minter.status().message()).c_str());
    return 1;
  }

  // A few channels so the client is not limited by one HTTP/2 connection's thread.
  const int channels = std::min(opt.concurrency, 4);
  std::vector<std::unique_ptr<gv1::GoalService::Stub>> goals;
  for (int c = 0; c < channels; ++c)
    goals.push_back(gv1::GoalService::NewStub(kinerja::bench::Channel(opt.goals_addr, c)));
  auto employees = ev1::EmployeeService::NewStub(kinerja::bench::Channel(opt.employee_addr, 0));
  int status = 0;

  // 1. Setup.
  std::printf("== 1. setup: plans and cascade of agency %s\n", opt.agency.c_str());
  std::fflush(stdout);
  kinerja::bench::Setup setup;
  absl::Status built = kinerja::bench::BuildCascade(
      {.agency_id = opt.agency,
       .admin_token = opt.admin_token,
       .auditor_token = opt.auditor_token,
       .threads = opt.setup_threads,
       .pending_widest_level = opt.pending_widest_level},
      {.goals = goals[0].get(), .employees = employees.get()}, **minter, std::cout, setup);
  if (!setup.errors.empty()) {
    std::cout << "setup: failed calls:\n";
    setup.errors.Print(std::cout);
  }
  if (!built.ok()) {
    std::fprintf(stderr, "kinerja-goals-bench: setup failed: %s\n",
                 std::string(built.message()).c_str());
    return 1;
  }
  std::printf(
      "setup employees=%zu plans=%zu roots=%zu levels=%d pending_level=%d approved=%zu "
      "pending=%zu skipped=%zu seconds=%.1f\n",
      setup.employees, setup.plans.size(), setup.roots.size(), setup.levels, setup.pending_level,
      setup.approved, setup.pending.size(), setup.skipped, setup.seconds);
  std::fflush(stdout);
  if (setup.plans.empty()) return 1;

  // 2. GetPlan closed loop.
  std::printf("== 2. GetPlan: %d s, %d in flight, auditor token, random plans, %d rounds\n",
              opt.seconds, opt.concurrency, opt.rounds);
  std::fflush(stdout);
  for (int round = 1; round <= opt.rounds; ++round) {
    if (!kinerja::bench::RunBaseline("kinerja-goals-bench", opt.select_baseline, "select", round))
      return 1;
    std::vector<std::mt19937_64> rngs;
    for (int s = 0; s < opt.concurrency; ++s) rngs.emplace_back(7919 * (s + 1) + round);
    CallSpec<gv1::GetPlanRequest, gv1::Plan> spec{
        .next =
            [&](int slot, gv1::GetPlanRequest* request, std::string* token) {
              request->set_id(setup.plans[rngs[slot]() % setup.plans.size()].plan_id);
              *token = opt.auditor_token;
              return true;
            },
        .start =
            [&](int slot, grpc::ClientContext* ctx, const gv1::GetPlanRequest* request,
                gv1::Plan* response, grpc::ClientUnaryReactor* reactor) {
              goals[slot % channels]->async()->GetPlan(ctx, request, response, reactor);
            },
        .call_timeout = std::chrono::seconds(5)};
    LoadReport report =
        kinerja::bench::RunClosedLoop(spec, opt.concurrency, std::chrono::seconds(opt.seconds));
    std::printf("getplan round=%d ok=%ld errors=%ld rps=%.0f p50_ms=%.3f p99_ms=%.3f\n", round,
                report.ok, report.error_calls(), report.rate(), report.latencies.Percentile(0.50),
                report.latencies.Percentile(0.99));
    kinerja::bench::PrintErrors(report);
    if (report.ok == 0) status = 1;
  }
  std::fflush(stdout);

  // 3. ApprovePlan of the last level.
  std::printf("== 3. ApprovePlan: %zu submitted plans, %d in flight, each by its assessor\n",
              setup.pending.size(), opt.concurrency);
  std::fflush(stdout);
  if (setup.pending.empty()) {
    std::printf("approve ok=0 errors=0 per_s=0 p50_ms=0 p99_ms=0 (nothing to approve)\n");
    status = 1;
  } else {
    // Tokens first, so that signing stays out of the measurement; then the baseline.
    std::vector<std::string> tokens;
    for (int i : setup.pending) {
      const kinerja::bench::BenchPlan& plan = setup.plans[i];
      if (plan.assessor_non_asn) {
        tokens.push_back(opt.admin_token);
        continue;
      }
      absl::StatusOr<std::string> token = (*minter)->ForEmployee(plan.assessor_nip, opt.agency);
      if (!token.ok()) {
        std::fprintf(stderr, "kinerja-goals-bench: %s\n",
                     std::string(token.status().message()).c_str());
        return 1;
      }
      tokens.push_back(*std::move(token));
    }
    if (!kinerja::bench::RunBaseline("kinerja-goals-bench", opt.update_baseline, "update", 1))
      return 1;
    std::atomic<size_t> next{0};
    CallSpec<gv1::ApprovePlanRequest, gv1::Plan> spec{
        .next =
            [&](int, gv1::ApprovePlanRequest* request, std::string* token) {
              const size_t k = next++;
              if (k >= setup.pending.size()) return false;
              request->set_id(setup.plans[setup.pending[k]].plan_id);
              *token = tokens[k];
              return true;
            },
        .start =
            [&](int slot, grpc::ClientContext* ctx, const gv1::ApprovePlanRequest* request,
                gv1::Plan* response, grpc::ClientUnaryReactor* reactor) {
              goals[slot % channels]->async()->ApprovePlan(ctx, request, response, reactor);
            },
        .call_timeout = std::chrono::seconds(30)};
    LoadReport report = kinerja::bench::RunClosedLoop(spec, opt.concurrency, std::nullopt);
    std::printf("approve ok=%ld errors=%ld per_s=%.0f p50_ms=%.3f p99_ms=%.3f seconds=%.2f\n",
                report.ok, report.error_calls(), report.rate(), report.latencies.Percentile(0.50),
                report.latencies.Percentile(0.99), report.seconds);
    kinerja::bench::PrintErrors(report);
    if (report.ok == 0) status = 1;
  }
  std::fflush(stdout);

  // 4. GetCascadeTree of the largest tree.
  std::printf("== 4. GetCascadeTree: the root with the largest tree, %d sequential calls\n",
              opt.cascade_calls);
  std::fflush(stdout);
  {
    kinerja::bench::StepErrors errors;
    int best = -1;
    int best_count = -1;
    for (int root : setup.roots) {
      gv1::GetCascadeTreeRequest request;
      request.set_plan_id(setup.plans[root].plan_id);
      gv1::CascadeTree tree;
      grpc::Status s = goals[0]->GetCascadeTree(
          kinerja::bench::CallContext(opt.auditor_token).get(), request, &tree);
      if (!s.ok()) {
        errors.Add("GetCascadeTree (root scan)", s);
      } else if (tree.plan_count() > best_count) {
        best = root;
        best_count = tree.plan_count();
      }
    }
    kinerja::bench::Latencies latencies;
    gv1::CascadeTree tree;
    if (best >= 0) {
      gv1::GetCascadeTreeRequest request;
      request.set_plan_id(setup.plans[best].plan_id);
      for (int c = 0; c < opt.cascade_calls; ++c) {
        tree.Clear();
        const Clock::time_point began = Clock::now();
        grpc::Status s = goals[0]->GetCascadeTree(
            kinerja::bench::CallContext(opt.auditor_token).get(), request, &tree);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - began).count();
        if (s.ok()) {
          latencies.Add(ms);
        } else {
          errors.Add("GetCascadeTree", s);
        }
      }
      const size_t expected = kinerja::bench::SubtreeSize(setup, best);
      std::printf(
          "cascade: root plan %s of %zu roots; the reporting lines give %zu plans below it "
          "(itself included); %d orphans, %d uncovered, %d results in the answer (%zu bytes)\n",
          setup.plans[best].plan_id.c_str(), setup.roots.size(), expected, tree.orphans_size(),
          tree.uncovered_size(), tree.result_count(), tree.ByteSizeLong());
    }
    std::printf("cascade ok=%zu plan_count=%d p50_ms=%.3f p99_ms=%.3f\n", latencies.size(),
                best_count < 0 ? 0 : best_count, latencies.Percentile(0.50),
                latencies.Percentile(0.99));
    if (!errors.empty()) errors.Print(std::cout);
    if (latencies.size() == 0) status = 1;
  }
  return status;
}
