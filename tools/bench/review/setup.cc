#include "tools/bench/review/setup.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "absl/strings/str_cat.h"

namespace kinerja::bench {
namespace {

namespace gv1 = ::kinerja::goals::v1;
namespace ev1 = ::kinerja::employee::v1;
namespace rv1 = ::kinerja::review::v1;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

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

// The token of a plan's assessor: minted with their NIP, or HR's for a NON-ASN assessor.
absl::StatusOr<std::string> AssessorToken(const BenchPlan& plan, const SetupOptions& options,
                                          TokenMinter& minter) {
  if (plan.assessor_non_asn) return options.admin_token;
  return minter.ForEmployee(plan.assessor_nip, options.agency_id);
}

// unit id -> leader position id, for the agency's units.
absl::StatusOr<std::unordered_map<std::string, std::string>> UnitLeaders(
    const SetupOptions& options, ev1::EmployeeService::Stub* employees) {
  std::unordered_map<std::string, std::string> leaders;
  ev1::ListOrgUnitsRequest request;
  request.set_filter(absl::StrCat("agency_id = \"", options.agency_id, "\""));
  request.set_page_size(500);
  while (true) {
    ev1::ListOrgUnitsResponse response;
    grpc::Status status =
        employees->ListOrgUnits(CallContext(options.auditor_token).get(), request, &response);
    if (!status.ok()) {
      return absl::UnavailableError(absl::StrCat("ListOrgUnits: ", status.error_message()));
    }
    for (const ev1::OrgUnit& unit : response.units()) {
      leaders[unit.id()] = unit.leader_position_id();
    }
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  return leaders;
}

}  // namespace

absl::Status BuildReviewSetup(const SetupOptions& options, const ReviewClients& clients,
                              TokenMinter& minter, Setup& cascade, std::ostream& log,
                              ReviewSetup& out) {
  const Clock::time_point start = Clock::now();
  // 1. The cascade's last level, left SUBMITTED, approved by each assessor.
  std::atomic<size_t> approved{0};
  ParallelFor(cascade.pending.size(), options.threads, [&](size_t k) {
    BenchPlan& plan = cascade.plans[cascade.pending[k]];
    absl::StatusOr<std::string> token = AssessorToken(plan, options, minter);
    if (!token.ok()) return;
    gv1::ApprovePlanRequest request;
    request.set_id(plan.plan_id);
    gv1::Plan approved_plan;
    grpc::Status status =
        clients.goals->ApprovePlan(CallContext(*token).get(), request, &approved_plan);
    if (!status.ok()) return out.errors.Add("ApprovePlan", status);
    plan.state = gv1::PLAN_STATE_APPROVED;
    ++approved;
  });
  out.approved_now = approved;
  log << "review setup: approved the " << approved << " pending plans\n";

  // 2. Each approved plan's unit, position and indicators; its employee's token.
  absl::StatusOr<std::unordered_map<std::string, std::string>> leaders =
      UnitLeaders(options, clients.employees);
  if (!leaders.ok()) return leaders.status();
  std::vector<ReviewPlan> plans(cascade.plans.size());
  std::vector<std::vector<RealisationTarget>> targets(cascade.plans.size());
  ParallelFor(cascade.plans.size(), options.threads, [&](size_t i) {
    const BenchPlan& bench = cascade.plans[i];
    if (bench.state != gv1::PLAN_STATE_APPROVED) return;
    gv1::GetPlanRequest request;
    request.set_id(bench.plan_id);
    gv1::Plan plan;
    grpc::Status status =
        clients.goals->GetPlan(CallContext(options.auditor_token).get(), request, &plan);
    if (!status.ok()) return out.errors.Add("GetPlan", status);
    absl::StatusOr<std::string> token = minter.ForEmployee(bench.nip, options.agency_id);
    if (!token.ok()) return;
    ReviewPlan& review_plan = plans[i];
    review_plan.plan = static_cast<int>(i);
    review_plan.unit_id = plan.employee().unit_id();
    auto leader = leaders->find(review_plan.unit_id);
    review_plan.unit_head = leader != leaders->end() && !leader->second.empty() &&
                            leader->second == plan.employee().position_id();
    for (const gv1::WorkResult& result : plan.results()) {
      for (const gv1::Indicator& indicator : result.indicators()) {
        review_plan.indicator_ids.push_back(indicator.id());
        targets[i].push_back({bench.plan_id, indicator.id(), *token});
      }
    }
  });
  for (size_t i = 0; i < plans.size(); ++i) {
    if (plans[i].plan < 0) continue;
    out.plans.push_back(plans[i]);
    out.realisations.insert(out.realisations.end(), targets[i].begin(), targets[i].end());
  }
  log << "review setup: " << out.plans.size() << " approved plans, " << out.realisations.size()
      << " indicators\n";

  // 3. The organisation predicate of every unit with a head plan, by the head's assessor.
  std::vector<const ReviewPlan*> heads;
  for (const ReviewPlan& p : out.plans) {
    if (p.unit_head) heads.push_back(&p);
  }
  std::mutex mu;
  std::unordered_map<std::string, bool> predicated;
  ParallelFor(heads.size(), options.threads, [&](size_t k) {
    const ReviewPlan& head = *heads[k];
    absl::StatusOr<std::string> token = AssessorToken(cascade.plans[head.plan], options, minter);
    if (!token.ok()) return;
    rv1::SetOrgPredicateRequest request;
    request.set_unit_id(head.unit_id);
    request.set_period_id(cascade.period_id);
    request.set_predicate(rv1::ORG_PREDICATE_ISTIMEWA);
    request.set_note("kinerja-review-bench");
    rv1::OrgPredicateDecision decision;
    grpc::Status status =
        clients.review->SetOrgPredicate(CallContext(*token).get(), request, &decision);
    if (!status.ok()) return out.errors.Add("SetOrgPredicate", status);
    std::lock_guard<std::mutex> lock(mu);
    predicated[head.unit_id] = true;
  });
  out.units_predicated = predicated.size();
  log << "review setup: organisation predicate Istimewa for " << predicated.size() << " of "
      << heads.size() << " units with a head plan\n";

  // 4. An annual draft for every staff plan of those units, rated Baik (as expected on both:
  //    inside every band of an Istimewa unit) by the plan's assessor.
  std::vector<const ReviewPlan*> staff;
  for (const ReviewPlan& p : out.plans) {
    if (!p.unit_head && predicated.contains(p.unit_id)) staff.push_back(&p);
  }
  std::vector<FinaliseTarget> drafts(staff.size());
  ParallelFor(staff.size(), options.threads, [&](size_t k) {
    const BenchPlan& plan = cascade.plans[staff[k]->plan];
    absl::StatusOr<std::string> token = AssessorToken(plan, options, minter);
    if (!token.ok()) return;
    rv1::RateAssessmentRequest request;
    request.set_plan_id(plan.plan_id);
    request.set_kind(rv1::ASSESSMENT_KIND_ANNUAL);
    request.set_results_rating(rv1::RATING_AS_EXPECTED);
    request.set_behaviour_rating(rv1::RATING_AS_EXPECTED);
    rv1::Assessment assessment;
    grpc::Status status =
        clients.review->RateAssessment(CallContext(*token).get(), request, &assessment);
    if (!status.ok()) return out.errors.Add("RateAssessment", status);
    drafts[k] = {assessment.id(), *token};
  });
  for (FinaliseTarget& draft : drafts) {
    if (!draft.assessment_id.empty()) out.drafts.push_back(std::move(draft));
  }
  out.seconds = SecondsSince(start);
  log << "review setup: " << out.drafts.size() << " annual drafts rated of " << staff.size()
      << " staff plans; " << out.seconds << " s\n";
  if (out.plans.empty()) return absl::FailedPreconditionError("no approved plan to work on");
  return absl::OkStatus();
}

}  // namespace kinerja::bench
