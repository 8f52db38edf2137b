#include "tools/bench/goals/setup.h"

#include "absl/strings/strip.h"

#include "absl/strings/numbers.h"

#include <cstdio>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <unordered_map>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace kinerja::bench {
namespace {

namespace gv1 = ::kinerja::goals::v1;
namespace ev1 = ::kinerja::employee::v1;

constexpr int kPageSize = 500;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Calls fn(0..n-1) from `threads` threads.
void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn) {
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) fn(i);
    });
  }
  for (std::thread& thread : pool) thread.join();
}

absl::Status ToAbsl(const std::string& what, const grpc::Status& status) {
  return absl::UnknownError(
      absl::StrCat(what, ": ", CodeName(status.error_code()), ": ", status.error_message()));
}

google::type::Date Date(int year, int month, int day) {
  google::type::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

bool IsJpt(const std::string& position_type) { return absl::StartsWith(position_type, "JPT"); }

// Two main results, each with one indicator (the second measures QUALITY, so a public-service
// unit's rule is met too). Non-JPT results cascade from `parent` when it is given; JPT results
// carry a perspective instead.
void SetResults(const BenchPlan& plan, const std::string& parent, gv1::Plan* out) {
  const bool jpt = IsJpt(plan.position_type);
  for (int n = 0; n < 2; ++n) {
    gv1::WorkResult* result = out->add_results();
    result->set_kind(gv1::RESULT_KIND_MAIN);
    result->set_text(absl::StrCat("Hasil kerja ", n + 1, " pegawai ", plan.nip));
    if (jpt) {
      result->set_perspective(n == 0 ? gv1::PERSPECTIVE_SERVICE_RECIPIENTS
                                     : gv1::PERSPECTIVE_BUSINESS_PROCESS);
    } else if (!parent.empty()) {
      result->set_parent_result_id(parent);
    }
    gv1::Indicator* indicator = result->add_indicators();
    indicator->set_text(n == 0 ? "Dokumen laporan yang diselesaikan" : "Tingkat kepuasan layanan");
    indicator->set_aspect(n == 0 ? gv1::ASPECT_QUANTITY : gv1::ASPECT_QUALITY);
    indicator->set_target_min(n == 0 ? 10 : 90);
    indicator->set_target_max(n == 0 ? 12 : 100);
    indicator->set_target_unit(n == 0 ? "dokumen" : "%");
  }
}

absl::Status ListEmployees(const SetupOptions& options, const Clients& clients,
                           std::vector<ev1::Employee>& out) {
  ev1::ListEmployeesRequest request;
  request.set_page_size(kPageSize);
  request.set_filter(
      absl::StrCat("agency_id = \"", options.agency_id, "\" AND status = \"ACTIVE\""));
  do {
    ev1::ListEmployeesResponse response;
    grpc::Status status = clients.employees->ListEmployees(CallContext(options.auditor_token).get(),
                                                           request, &response);
    if (!status.ok()) return ToAbsl("ListEmployees (auditor token)", status);
    for (ev1::Employee& e : *response.mutable_employees()) out.push_back(std::move(e));
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  return absl::OkStatus();
}

// A new OPEN period for the current year or, when the agency has one already, that one.
absl::StatusOr<std::string> OpenPeriod(const SetupOptions& options, const Clients& clients) {
  const int year = static_cast<int>(absl::ToCivilDay(absl::Now(), absl::LocalTimeZone()).year());
  gv1::CreatePeriodRequest request;
  gv1::Period& period = *request.mutable_period();
  period.set_agency_id(options.agency_id);
  period.set_year(year);
  period.set_name(absl::StrCat("SKP ", year, " (kinerja-goals-bench)"));
  *period.mutable_start_date() = Date(year, 1, 1);
  *period.mutable_end_date() = Date(year, 12, 31);
  *period.mutable_filling_deadline() = Date(year, 12, 31);
  period.set_cadence(gv1::CADENCE_QUARTERLY);
  gv1::Period created;
  grpc::Status status =
      clients.goals->CreatePeriod(CallContext(options.admin_token).get(), request, &created);
  if (status.ok()) return created.id();
  if (status.error_code() != grpc::StatusCode::ALREADY_EXISTS) {
    return ToAbsl("CreatePeriod (admin token)", status);
  }
  gv1::ListPeriodsRequest list;
  list.set_filter(absl::StrCat("agency_id = \"", options.agency_id, "\" AND year = ", year,
                               " AND state = \"OPEN\""));
  gv1::ListPeriodsResponse periods;
  grpc::Status listed =
      clients.goals->ListPeriods(CallContext(options.admin_token).get(), list, &periods);
  if (!listed.ok()) return ToAbsl("ListPeriods after CreatePeriod ALREADY_EXISTS", listed);
  if (periods.periods().empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("CreatePeriod said ALREADY_EXISTS (", status.error_message(),
                     ") but ListPeriods finds no OPEN period of ", year));
  }
  return periods.periods(0).id();
}

// Levels by the snapshotted reporting lines: 0 for a NON-ASN or missing assessor (and for a JPT
// plan whose ASN assessor has no plan: it needs no cascade), the assessor plan's level + 1
// otherwise, -1 when the chain reaches no root.
void AssignLevels(Setup& setup) {
  std::unordered_map<std::string, int> by_employee;
  for (size_t i = 0; i < setup.plans.size(); ++i) {
    by_employee[setup.plans[i].employee_id] = static_cast<int>(i);
  }
  for (BenchPlan& plan : setup.plans) {
    auto it = by_employee.find(plan.assessor_employee_id);
    if (plan.has_assessor && !plan.assessor_non_asn && it != by_employee.end()) {
      plan.assessor_plan = it->second;
    }
  }
  constexpr int kUnknown = -2;
  for (BenchPlan& plan : setup.plans) plan.level = kUnknown;
  for (size_t i = 0; i < setup.plans.size(); ++i) {
    std::vector<int> chain;
    int at = static_cast<int>(i);
    int level = kUnknown;
    while (level == kUnknown) {
      BenchPlan& plan = setup.plans[at];
      if (plan.level != kUnknown) {
        level = plan.level;
      } else if (!plan.has_assessor || plan.assessor_non_asn) {
        level = plan.level = 0;
      } else if (plan.assessor_plan < 0) {
        level = plan.level = IsJpt(plan.position_type) ? 0 : -1;
      } else if (chain.size() > setup.plans.size()) {
        level = -1;  // a cycle in the reporting lines
      } else {
        chain.push_back(at);
        at = plan.assessor_plan;
      }
    }
    for (auto c = chain.rbegin(); c != chain.rend(); ++c) {
      level = level < 0 ? -1 : level + 1;
      setup.plans[*c].level = level;
    }
  }
  for (size_t i = 0; i < setup.plans.size(); ++i) {
    const BenchPlan& plan = setup.plans[i];
    setup.levels = std::max(setup.levels, plan.level + 1);
    if (!plan.has_assessor || plan.assessor_non_asn) setup.roots.push_back(static_cast<int>(i));
  }
}

// Results, submission and (unless `approve` is false) approval of one plan. Returns the state
// the plan reached.
gv1::PlanState Advance(const SetupOptions& options, const Clients& clients, TokenMinter& minter,
                       Setup& setup, BenchPlan& plan, bool approve) {
  std::string parent;
  const bool needs_parent =
      !IsJpt(plan.position_type) && plan.has_assessor && !plan.assessor_non_asn;
  if (needs_parent) {
    const BenchPlan& assessor = setup.plans[plan.assessor_plan];
    if (assessor.state != gv1::PLAN_STATE_APPROVED || assessor.first_result_id.empty()) {
      return gv1::PLAN_STATE_UNSPECIFIED;  // the assessor's plan failed earlier: skipped
    }
    parent = assessor.first_result_id;
  }
  gv1::UpdatePlanRequest update;
  update.mutable_plan()->set_id(plan.plan_id);
  SetResults(plan, parent, update.mutable_plan());
  update.mutable_update_mask()->add_paths("results");
  gv1::Plan updated;
  grpc::Status status =
      clients.goals->UpdatePlan(CallContext(options.admin_token).get(), update, &updated);
  if (!status.ok()) {
    setup.errors.Add("UpdatePlan", status);
    return gv1::PLAN_STATE_DRAFT;
  }
  if (updated.results().empty() || updated.results(0).id().empty()) {
    setup.errors.Add("UpdatePlan",
                     grpc::Status(grpc::StatusCode::UNKNOWN, "answer has no result ids"));
    return gv1::PLAN_STATE_DRAFT;
  }
  plan.first_result_id = updated.results(0).id();
  if (!plan.has_assessor) return gv1::PLAN_STATE_DRAFT;  // NO_ASSESSOR: cannot be submitted

  gv1::SubmitPlanRequest submit;
  submit.set_id(plan.plan_id);
  gv1::Plan submitted;
  status = clients.goals->SubmitPlan(CallContext(options.admin_token).get(), submit, &submitted);
  if (!status.ok()) {
    setup.errors.Add("SubmitPlan", status);
    return gv1::PLAN_STATE_DRAFT;
  }
  if (!approve) return gv1::PLAN_STATE_SUBMITTED;

  std::string token = options.admin_token;
  if (!plan.assessor_non_asn) {
    absl::StatusOr<std::string> minted = minter.ForEmployee(plan.assessor_nip, options.agency_id);
    if (!minted.ok()) {
      setup.errors.Add("mint assessor token", grpc::Status(grpc::StatusCode::INTERNAL,
                                                           std::string(minted.status().message())));
      return gv1::PLAN_STATE_SUBMITTED;
    }
    token = *minted;
  }
  gv1::ApprovePlanRequest approve_request;
  approve_request.set_id(plan.plan_id);
  gv1::Plan approved;
  status = clients.goals->ApprovePlan(CallContext(token).get(), approve_request, &approved);
  if (!status.ok()) {
    setup.errors.Add("ApprovePlan (setup)", status);
    return gv1::PLAN_STATE_SUBMITTED;
  }
  return gv1::PLAN_STATE_APPROVED;
}

}  // namespace

std::shared_ptr<grpc::Channel> Channel(const std::string& addr, int id) {
  grpc::ChannelArguments args;
  args.SetInt("grpc.channel_id", id);
  return grpc::CreateCustomChannel(addr, grpc::InsecureChannelCredentials(), args);
}

void PrintErrors(const LoadReport& report) {
  for (const auto& [code, count] : report.errors) {
    std::printf("  %s: %ld calls, e.g. \"%s\"\n", CodeName(code).c_str(), count.calls,
                count.sample.c_str());
  }
}

bool RunBaseline(const char* program, const std::string& command, const char* name, int round) {
  if (command.empty()) return true;
  std::fflush(stdout);
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    std::fprintf(stderr, "%s: cannot run the %s baseline\n", program, name);
    return false;
  }
  std::string out;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  const int rc = pclose(pipe);
  double tps = 0;
  if (rc != 0 || !absl::SimpleAtod(absl::StripAsciiWhitespace(out), &tps) || tps <= 0) {
    std::fprintf(stderr, "%s: the %s baseline failed (status %d): %s\n", program, name, rc,
                 out.c_str());
    return false;
  }
  std::printf("baseline name=%s round=%d tps=%.0f\n", name, round, tps);
  std::fflush(stdout);
  return true;
}

std::string CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return absl::StrCat("code ", static_cast<int>(code));
  }
}

void StepErrors::Add(const std::string& step, const grpc::Status& status) {
  std::lock_guard<std::mutex> lock(mu_);
  ErrorCount& count = by_step_[step][status.error_code()];
  if (count.calls++ == 0) count.sample = status.error_message();
}

void StepErrors::Print(std::ostream& out) const {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [step, codes] : by_step_) {
    for (const auto& [code, count] : codes) {
      out << "  " << step << ": " << count.calls << " x " << CodeName(code) << ", e.g. \""
          << count.sample << "\"\n";
    }
  }
}

std::unique_ptr<grpc::ClientContext> CallContext(const std::string& token) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->AddMetadata("authorization", "Bearer " + token);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return ctx;
}

size_t SubtreeSize(const Setup& setup, int root) {
  std::vector<std::vector<int>> reports(setup.plans.size());
  for (size_t i = 0; i < setup.plans.size(); ++i) {
    if (setup.plans[i].assessor_plan >= 0) {
      reports[setup.plans[i].assessor_plan].push_back(static_cast<int>(i));
    }
  }
  size_t count = 0;
  std::vector<int> todo = {root};
  std::vector<bool> seen(setup.plans.size());
  while (!todo.empty()) {
    const int at = todo.back();
    todo.pop_back();
    if (seen[at]) continue;
    seen[at] = true;
    ++count;
    for (int r : reports[at]) todo.push_back(r);
  }
  return count;
}

absl::Status BuildCascade(const SetupOptions& options, const Clients& clients, TokenMinter& minter,
                          std::ostream& log, Setup& setup) {
  const Clock::time_point start = Clock::now();
  std::vector<ev1::Employee> employees;
  if (absl::Status s = ListEmployees(options, clients, employees); !s.ok()) return s;
  setup.employees = employees.size();
  if (employees.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("agency ", options.agency_id, " has no ACTIVE employees; import it first"));
  }
  log << "setup: " << employees.size() << " active employees listed in " << SecondsSince(start)
      << " s\n";

  absl::StatusOr<std::string> period = OpenPeriod(options, clients);
  if (!period.ok()) return period.status();
  setup.period_id = *period;

  const Clock::time_point create_start = Clock::now();
  std::vector<BenchPlan> created(employees.size());
  ParallelFor(employees.size(), options.threads, [&](size_t i) {
    gv1::CreatePlanRequest request;
    request.set_period_id(setup.period_id);
    request.set_employee_id(employees[i].id());
    request.set_style(gv1::PLAN_STYLE_QUANTITATIVE);
    gv1::Plan plan;
    grpc::Status status =
        clients.goals->CreatePlan(CallContext(options.admin_token).get(), request, &plan);
    if (!status.ok()) {
      setup.errors.Add("CreatePlan", status);
      return;
    }
    BenchPlan& out = created[i];
    out.plan_id = plan.id();
    out.employee_id =
        plan.employee().employee_id().empty() ? employees[i].id() : plan.employee().employee_id();
    out.nip = plan.employee().nip();
    out.position_type = plan.position_type();
    out.has_assessor = plan.has_assessor();
    out.assessor_non_asn = plan.assessor().non_asn();
    out.assessor_employee_id = plan.assessor().employee_id();
    out.assessor_nip = plan.assessor().nip();
    out.state = plan.state();
  });
  for (BenchPlan& plan : created) {
    if (!plan.plan_id.empty()) setup.plans.push_back(std::move(plan));
  }
  const double create_seconds = SecondsSince(create_start);
  log << "setup: period " << setup.period_id << "; " << setup.plans.size() << " plans created in "
      << create_seconds << " s (" << static_cast<double>(setup.plans.size()) / create_seconds
      << " plans/s, " << options.threads << " threads)\n";

  AssignLevels(setup);
  std::vector<std::vector<int>> by_level(setup.levels);
  size_t no_assessor = 0, unreachable = 0;
  for (size_t i = 0; i < setup.plans.size(); ++i) {
    const BenchPlan& plan = setup.plans[i];
    if (!plan.has_assessor) ++no_assessor;
    if (plan.level < 0) {
      ++unreachable;
    } else {
      by_level[plan.level].push_back(static_cast<int>(i));
    }
  }
  log << "setup: " << setup.roots.size() << " roots (" << no_assessor << " without assessor, "
      << "left DRAFT), " << setup.levels << " levels, " << unreachable
      << " plans whose assessor has no plan in the chain (left DRAFT)\n";
  setup.skipped = unreachable;

  setup.pending_level = setup.levels - 1;
  if (options.pending_widest_level) {
    for (int level = 0; level < setup.levels; ++level) {
      if (by_level[level].size() >= by_level[setup.pending_level].size()) {
        setup.pending_level = level;
      }
    }
  }
  const Clock::time_point cascade_start = Clock::now();
  for (int level = 0; level <= setup.pending_level; ++level) {
    const Clock::time_point level_start = Clock::now();
    const bool last = level == setup.pending_level;
    std::vector<int>& plans = by_level[level];
    ParallelFor(plans.size(), options.threads, [&](size_t k) {
      BenchPlan& plan = setup.plans[plans[k]];
      plan.state = Advance(options, clients, minter, setup, plan, !last);
    });
    size_t approved = 0, submitted = 0, draft = 0, skipped = 0;
    for (int i : plans) {
      switch (setup.plans[i].state) {
        case gv1::PLAN_STATE_APPROVED:
          ++approved;
          break;
        case gv1::PLAN_STATE_SUBMITTED:
          ++submitted;
          if (last) setup.pending.push_back(i);
          break;
        case gv1::PLAN_STATE_DRAFT:
          ++draft;
          break;
        default:
          ++skipped;
          break;
      }
    }
    setup.approved += approved;
    setup.skipped += skipped;
    log << "setup: level " << level << ": " << plans.size() << " plans, " << approved
        << " approved, " << submitted << " submitted" << (last ? " (kept for step 3)" : "") << ", "
        << draft << " draft, " << skipped << " skipped (assessor's plan not approved) in "
        << SecondsSince(level_start) << " s\n";
  }
  for (int level = setup.pending_level + 1; level < setup.levels; ++level) {
    log << "setup: level " << level << ": " << by_level[level].size()
        << " plans left DRAFT (below the pending level)\n";
  }
  log << "setup: cascade (results, submit, approve) took " << SecondsSince(cascade_start) << " s\n";
  setup.seconds = SecondsSince(start);
  return absl::OkStatus();
}

}  // namespace kinerja::bench
