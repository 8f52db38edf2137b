// kinerja-review-bench: ReviewService write figures on one agency (tools/bench/run-review prints
// them against pgbench baselines measured in the same run).
//
//   kinerja-review-bench --review-addr HOST:PORT --goals-addr HOST:PORT
//       --employee-addr HOST:PORT --agency ID --admin-token JWT --auditor-token JWT
//       --issuer-dir DIR/issuer [--issuer kinerja-dev] [--audience kinerja] [--seconds 10]
//       [--concurrency 32] [--setup-threads 8] [--rounds 3] [--update-baseline CMD]
//
//  1. setup: the goals bench's cascade (goals/setup.h: a period, a plan per employee, approved
//     level by level), then review/setup.h: every plan approved, the organisation predicate of
//     every unit with a head plan, an annual draft rated for each staff plan of those units;
//  2. RecordRealisation closed loop (a durable write with audit and outbox): each call by the
//     plan's employee (token minted in-process), the plans' indicators in turn, today's window,
//     --concurrency in flight for --seconds; --rounds times, each round right after the
//     --update-baseline command (a shell command printing one number, its tps), so that a slow
//     spell of the machine hits both;
//  3. FinaliseAssessment of every rated draft, each by its assessor, --concurrency in flight.
//
// Each step ends with one machine-readable line ("realisation round=1 ok=... rps=... p99_ms=...",
// "finalise ok=... per_s=... p99_ms=...", a baseline's "baseline name=update round=1 tps=...");
// only OK answers count, the others are listed by status code with a sample message. Exit status
// 1 when a step got no OK answer at all (the later steps still run), 2 on a usage error.
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "kinerja/review/v1/review_service.grpc.pb.h"
#include "tools/bench/goals/closed_loop.h"
#include "tools/bench/goals/setup.h"
#include "tools/bench/goals/tokens.h"
#include "tools/bench/review/setup.h"

namespace {

namespace gv1 = ::kinerja::goals::v1;
namespace ev1 = ::kinerja::employee::v1;
namespace rv1 = ::kinerja::review::v1;
using kinerja::bench::CallSpec;
using kinerja::bench::LoadReport;

struct Options {
  std::string review_addr;
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
  int rounds = 3;
  std::string update_baseline;  // a shell command printing one number (tps)
};

constexpr char kUsage[] =
    "usage: kinerja-review-bench --review-addr HOST:PORT --goals-addr HOST:PORT\n"
    "         --employee-addr HOST:PORT --agency ID --admin-token JWT --auditor-token JWT\n"
    "         --issuer-dir DIR/issuer [--issuer kinerja-dev] [--audience kinerja]\n"
    "         [--seconds 10] [--concurrency 32] [--setup-threads 8] [--rounds 3]\n"
    "         [--update-baseline CMD]\n";

int Usage(const std::string& problem) {
  std::cerr << "kinerja-review-bench: " << problem << "\n" << kUsage;
  return 2;
}

bool ParseOptions(int argc, char** argv, Options& opt, std::string& problem) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (i + 1 >= argc) {
      problem = flag + " needs a value";
      return false;
    }
    const std::string value = argv[++i];
    std::string* text = nullptr;
    int* number = nullptr;
    if (flag == "--review-addr") text = &opt.review_addr;
    if (flag == "--goals-addr") text = &opt.goals_addr;
    if (flag == "--employee-addr") text = &opt.employee_addr;
    if (flag == "--agency") text = &opt.agency;
    if (flag == "--admin-token") text = &opt.admin_token;
    if (flag == "--auditor-token") text = &opt.auditor_token;
    if (flag == "--issuer-dir") text = &opt.issuer_dir;
    if (flag == "--issuer") text = &opt.issuer;
    if (flag == "--audience") text = &opt.audience;
    if (flag == "--update-baseline") text = &opt.update_baseline;
    if (flag == "--seconds") number = &opt.seconds;
    if (flag == "--concurrency") number = &opt.concurrency;
    if (flag == "--setup-threads") number = &opt.setup_threads;
    if (flag == "--rounds") number = &opt.rounds;
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
       {std::pair{"--review-addr", &opt.review_addr}, std::pair{"--goals-addr", &opt.goals_addr},
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

// Today in Asia/Jakarta (UTC+7, no daylight saving), the services' calendar.
google::type::Date JakartaToday() {
  const std::time_t now = std::time(nullptr) + 7 * 3600;
  std::tm tm{};
  gmtime_r(&now, &tm);
  google::type::Date date;
  date.set_year(tm.tm_year + 1900);
  date.set_month(tm.tm_mon + 1);
  date.set_day(tm.tm_mday);
  return date;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  std::string problem;
  if (!ParseOptions(argc, argv, opt, problem)) return Usage(problem);
  absl::StatusOr<std::unique_ptr<kinerja::bench::TokenMinter>> minter =
      kinerja::bench::TokenMinter::Load(opt.issuer_dir, opt.issuer, opt.audience);
  if (!minter.ok()) {
    std::fprintf(stderr, "kinerja-review-bench: %s\n",
                 std::string(minter.status().message()).c_str());
    return 1;
  }
  const int channels = std::min(opt.concurrency, 4);
  std::vector<std::unique_ptr<rv1::ReviewService::Stub>> review;
  for (int c = 0; c < channels; ++c) {
    review.push_back(rv1::ReviewService::NewStub(kinerja::bench::Channel(opt.review_addr, c)));
  }
  auto goals = gv1::GoalService::NewStub(kinerja::bench::Channel(opt.goals_addr, 0));
  auto employees = ev1::EmployeeService::NewStub(kinerja::bench::Channel(opt.employee_addr, 0));
  int status = 0;

  // 1. Setup.
  std::printf("== 1. setup: plans, cascade, organisation predicates and rated drafts of %s\n",
              opt.agency.c_str());
  std::fflush(stdout);
  const kinerja::bench::SetupOptions setup_options{.agency_id = opt.agency,
                                                   .admin_token = opt.admin_token,
                                                   .auditor_token = opt.auditor_token,
                                                   .threads = opt.setup_threads};
  kinerja::bench::Setup cascade;
  absl::Status built = kinerja::bench::BuildCascade(
      setup_options, {.goals = goals.get(), .employees = employees.get()}, **minter, std::cout,
      cascade);
  kinerja::bench::ReviewSetup setup;
  if (built.ok()) {
    built = kinerja::bench::BuildReviewSetup(
        setup_options,
        {.goals = goals.get(), .employees = employees.get(), .review = review[0].get()}, **minter,
        cascade, std::cout, setup);
  }
  for (const auto* errors : {&cascade.errors, &setup.errors}) {
    if (!errors->empty()) {
      std::cout << "setup: failed calls:\n";
      errors->Print(std::cout);
    }
  }
  if (!built.ok()) {
    std::fprintf(stderr, "kinerja-review-bench: setup failed: %s\n",
                 std::string(built.message()).c_str());
    return 1;
  }
  std::printf(
      "setup employees=%zu plans=%zu approved_plans=%zu indicators=%zu units_predicated=%zu "
      "drafts=%zu seconds=%.1f\n",
      cascade.employees, cascade.plans.size(), setup.plans.size(), setup.realisations.size(),
      setup.units_predicated, setup.drafts.size(), cascade.seconds + setup.seconds);
  std::fflush(stdout);

  // 2. RecordRealisation rounds, each after the baseline.
  std::printf("== 2. RecordRealisation: %d rounds of %d s, %d in flight, by each plan's employee\n",
              opt.rounds, opt.seconds, opt.concurrency);
  std::fflush(stdout);
  const google::type::Date today = JakartaToday();
  std::atomic<size_t> next_target{0};
  std::atomic<long> value{0};
  bool realisation_ok = false;
  for (int round = 1; round <= opt.rounds && !setup.realisations.empty(); ++round) {
    if (!kinerja::bench::RunBaseline("kinerja-review-bench", opt.update_baseline, "update", round))
      return 1;
    CallSpec<rv1::RecordRealisationRequest, rv1::Realisation> spec{
        .next =
            [&](int, rv1::RecordRealisationRequest* request, std::string* token) {
              // The indicators in turn: every one written once before any is written again.
              const auto& target = setup.realisations[next_target++ % setup.realisations.size()];
              request->set_plan_id(target.plan_id);
              request->set_indicator_id(target.indicator_id);
              *request->mutable_window_date() = today;
              request->set_value(static_cast<double>(value++ % 100));
              request->set_has_value(true);
              request->set_text("kinerja-review-bench");
              *token = target.token;
              return true;
            },
        .start =
            [&](int slot, grpc::ClientContext* ctx, const rv1::RecordRealisationRequest* request,
                rv1::Realisation* response, grpc::ClientUnaryReactor* reactor) {
              review[slot % channels]->async()->RecordRealisation(ctx, request, response, reactor);
            },
        .call_timeout = std::chrono::seconds(30)};
    LoadReport report =
        kinerja::bench::RunClosedLoop(spec, opt.concurrency, std::chrono::seconds(opt.seconds));
    std::printf("realisation round=%d ok=%ld errors=%ld rps=%.0f p50_ms=%.3f p99_ms=%.3f\n", round,
                report.ok, report.error_calls(), report.rate(), report.latencies.Percentile(0.50),
                report.latencies.Percentile(0.99));
    kinerja::bench::PrintErrors(report);
    std::fflush(stdout);
    if (report.ok > 0) realisation_ok = true;
    if (report.ok == 0 && report.errors.contains(grpc::StatusCode::UNIMPLEMENTED)) {
      std::printf("realisation: the service does not implement RecordRealisation; skipped\n");
      break;
    }
  }
  if (!realisation_ok) status = 1;

  // 3. FinaliseAssessment of every rated draft, in an order that mixes the units.
  std::printf("== 3. FinaliseAssessment: %zu rated drafts, %d in flight, each by its assessor\n",
              setup.drafts.size(), opt.concurrency);
  std::fflush(stdout);
  if (setup.drafts.empty()) {
    std::printf("finalise ok=0 errors=0 per_s=0 p50_ms=0 p99_ms=0 seconds=0 (no drafts)\n");
    status = 1;
  } else {
    std::shuffle(setup.drafts.begin(), setup.drafts.end(), std::mt19937_64(7));
    std::atomic<size_t> next{0};
    CallSpec<rv1::FinaliseAssessmentRequest, rv1::Assessment> spec{
        .next =
            [&](int, rv1::FinaliseAssessmentRequest* request, std::string* token) {
              const size_t k = next++;
              if (k >= setup.drafts.size()) return false;
              request->set_id(setup.drafts[k].assessment_id);
              *token = setup.drafts[k].token;
              return true;
            },
        .start =
            [&](int slot, grpc::ClientContext* ctx, const rv1::FinaliseAssessmentRequest* request,
                rv1::Assessment* response, grpc::ClientUnaryReactor* reactor) {
              review[slot % channels]->async()->FinaliseAssessment(ctx, request, response, reactor);
            },
        .call_timeout = std::chrono::seconds(30)};
    LoadReport report = kinerja::bench::RunClosedLoop(spec, opt.concurrency, std::nullopt);
    std::printf("finalise ok=%ld errors=%ld per_s=%.0f p50_ms=%.3f p99_ms=%.3f seconds=%.2f\n",
                report.ok, report.error_calls(), report.rate(), report.latencies.Percentile(0.50),
                report.latencies.Percentile(0.99), report.seconds);
    kinerja::bench::PrintErrors(report);
    if (report.ok == 0) status = 1;
  }
  std::fflush(stdout);
  return status;
}
