#include "tools/bench/analytics/report_latency.h"

#include <cstdio>
#include <functional>

#include "kinerja/analytics/v1/analytics_service.grpc.pb.h"
#include "tools/bench/goals/closed_loop.h"
#include "tools/bench/goals/setup.h"

namespace kinerja::bench::analytics {
namespace {

namespace av1 = ::kinerja::analytics::v1;
using Stub = av1::AnalyticsService::Stub;

// One report: its request, how to start a call, and what its answer holds ("rows=... total=...").
template <typename Request, typename Response>
struct Report {
  std::string name{};
  Request request{};
  std::function<void(Stub*, grpc::ClientContext*, const Request*, Response*,
                     grpc::ClientUnaryReactor*)>
      start{};
  std::function<grpc::Status(Stub*, grpc::ClientContext*, const Request&, Response*)> call{};
  std::function<std::string(const Response&)> describe{};
};

template <typename Request, typename Response>
LoadReport RunCalls(const std::vector<std::unique_ptr<Stub>>& stubs, const std::string& token,
                    const Report<Request, Response>& report, int calls, int concurrency,
                    std::string* description) {
  std::atomic<int> next{0};
  CallSpec<Request, Response> spec{
      .next =
          [&](int, Request* request, std::string* bearer) {
            if (next++ >= calls) return false;
            *request = report.request;
            *bearer = token;
            return true;
          },
      .start =
          [&](int slot, grpc::ClientContext* ctx, const Request* request, Response* response,
              grpc::ClientUnaryReactor* reactor) {
            report.start(stubs[slot % stubs.size()].get(), ctx, request, response, reactor);
          },
      .call_timeout = std::chrono::seconds(30)};
  LoadReport result = RunClosedLoop(spec, concurrency, std::nullopt);
  if (description != nullptr) {
    // One more call, to show what the answer holds.
    std::unique_ptr<grpc::ClientContext> ctx = CallContext(token);
    Response response;
    const grpc::Status status = report.call(stubs[0].get(), ctx.get(), report.request, &response);
    *description = status.ok() ? report.describe(response)
                               : CodeName(status.error_code()) + ": " + status.error_message();
  }
  return result;
}

template <typename Request, typename Response>
void Measure(const std::vector<std::unique_ptr<Stub>>& stubs, const ReportOptions& options,
             const Report<Request, Response>& report, std::vector<ReportFigure>& figures) {
  std::string description;
  RunCalls(stubs, options.token, report, options.warmup, 1, &description);
  std::printf("== %s: %s\n", report.name.c_str(), description.c_str());
  std::fflush(stdout);
  for (int concurrency : {1, options.concurrency}) {
    LoadReport load = RunCalls(stubs, options.token, report, options.calls, concurrency, nullptr);
    ReportFigure figure{.name = report.name,
                        .concurrency = concurrency,
                        .ok = load.ok,
                        .errors = load.error_calls(),
                        .p50_ms = load.latencies.Percentile(0.50),
                        .p99_ms = load.latencies.Percentile(0.99),
                        .per_s = load.rate()};
    std::printf(
        "report name=%s concurrency=%d ok=%ld errors=%ld p50_ms=%.2f p99_ms=%.2f max_ms=%.2f "
        "per_s=%.0f\n",
        figure.name.c_str(), concurrency, figure.ok, figure.errors, figure.p50_ms, figure.p99_ms,
        load.latencies.Percentile(1.0), figure.per_s);
    PrintErrors(load);
    std::fflush(stdout);
    figures.push_back(figure);
  }
}

std::string CountsText(const av1::PredicateCounts& c) {
  return absl::StrCat("total=", c.total(), " (SB ", c.sangat_baik(), ", B ", c.baik(), ", BP ",
                      c.butuh_perbaikan(), ", K ", c.kurang(), ", SK ", c.sangat_kurang(), ")");
}

std::string DescribeDistribution(const av1::DistributionReport& r) {
  return absl::StrCat("rows=", r.rows_size(), " ", CountsText(r.totals()),
                      " bytes=", r.ByteSizeLong());
}

std::string DescribeCompliance(const av1::ComplianceReport& r) {
  int breaking_listed = 0;
  for (const av1::UnitCompliance& u : r.units()) breaking_listed += u.violations_size() > 0;
  return absl::StrCat("units_with_org_predicate=", r.units_with_org_predicate(),
                      " units_breaking=", r.units_breaking(),
                      " units_without_org_predicate=", r.units_without_org_predicate(),
                      " units_listed=", r.units_size(), " breaking_listed=", breaking_listed,
                      " bytes=", r.ByteSizeLong());
}

}  // namespace

std::vector<ReportFigure> MeasureReports(const ReportOptions& options) {
  std::vector<std::unique_ptr<Stub>> stubs;
  for (int c = 0; c < std::min(options.concurrency, 4); ++c) {
    stubs.push_back(av1::AnalyticsService::NewStub(Channel(options.addr, c)));
  }
  std::vector<ReportFigure> figures;
  auto distribution = [&](const std::string& name, const std::string& agency,
                          const std::string& unit, av1::GroupBy group_by) {
    Report<av1::GetPredicateDistributionRequest, av1::DistributionReport> report{
        .name = name,
        .start =
            [](Stub* stub, grpc::ClientContext* ctx,
               const av1::GetPredicateDistributionRequest* request,
               av1::DistributionReport* response, grpc::ClientUnaryReactor* reactor) {
              stub->async()->GetPredicateDistribution(ctx, request, response, reactor);
            },
        .call =
            [](Stub* stub, grpc::ClientContext* ctx,
               const av1::GetPredicateDistributionRequest& request,
               av1::DistributionReport* response) {
              return stub->GetPredicateDistribution(ctx, request, response);
            },
        .describe = DescribeDistribution};
    report.request.mutable_scope()->set_year(options.year);
    report.request.mutable_scope()->set_agency_id(agency);
    report.request.mutable_scope()->set_unit_id(unit);
    report.request.set_kind(av1::ASSESSMENT_KIND_ANNUAL);
    report.request.set_group_by(group_by);
    Measure(stubs, options, report, figures);
  };
  auto compliance = [&](const std::string& name, const std::string& agency) {
    Report<av1::GetComplianceRequest, av1::ComplianceReport> report{
        .name = name,
        .start =
            [](Stub* stub, grpc::ClientContext* ctx, const av1::GetComplianceRequest* request,
               av1::ComplianceReport* response, grpc::ClientUnaryReactor* reactor) {
              stub->async()->GetCompliance(ctx, request, response, reactor);
            },
        .call =
            [](Stub* stub, grpc::ClientContext* ctx, const av1::GetComplianceRequest& request,
               av1::ComplianceReport* response) {
              return stub->GetCompliance(ctx, request, response);
            },
        .describe = DescribeCompliance};
    report.request.mutable_scope()->set_year(options.year);
    report.request.mutable_scope()->set_agency_id(agency);
    Measure(stubs, options, report, figures);
  };
  distribution("distribution_national", "", "", av1::GROUP_BY_UNSPECIFIED);
  distribution("distribution_by_agency", "", "", av1::GROUP_BY_AGENCY);
  distribution("distribution_agency_by_unit", options.agency, "", av1::GROUP_BY_UNIT);
  distribution("distribution_subtree", options.agency, options.unit, av1::GROUP_BY_UNSPECIFIED);
  compliance("compliance_national", "");
  compliance("compliance_agency", options.agency);
  return figures;
}

}  // namespace kinerja::bench::analytics
