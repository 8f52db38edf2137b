// The analytics reports over HTTP, on the service's HTTP server (shared/http): JSON (the
// contract's JSON, the same as gRPC's) or CSV for every report, and the ops dashboard page.
//
//   GET /api/v1/<report>[.csv]?<parameters>[&format=csv|json]
//   GET /dashboard?year=&agency_id=&unit_id=&position_type=
//
// with <report> one of distribution, compliance, participation, late-entries,
// development-needs, recognition-candidates, indicator-health, rater-statistics, trends,
// transparency (needs no token), stream-status; the parameters are in http_query.h.
//
// Every route runs on the HTTP server's threads and stays thin: it reads the caller
// (http_auth.h) and the parameters, calls the Reports core (the same calls, with the same
// access rules, as the gRPC API) and renders the answer (services/analytics/web). Failures go
// through ErrorResponse (http_errors.h). A request's database work is bounded by
// HttpRouteOptions::request_timeout; its log lines carry its X-Request-Id, never its query
// string or token.
//
// AddHttpRoutes (http_routes.h) binds these routes to the Reports core; tests bind fakes.
#pragma once

#include <functional>

#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "kinerja/analytics/v1/analytics_service.pb.h"
#include "shared/auth/jwt_verifier.h"
#include "shared/auth/principal.h"
#include "shared/http/http_server.h"

namespace kinerja::analytics::api {

namespace v1 = ::kinerja::analytics::v1;

struct HttpRouteOptions {
  // A CSV download of a list report (late entries, recognition candidates, rater statistics)
  // without page_size or page_token gathers its pages up to this many rows, so that an HR
  // office gets the whole list in one file (the next page's token, if any is left, is in the
  // X-Next-Page-Token header).
  int csv_max_rows = 10000;
  // The longest a request's database work may run (the pool's statement timeouts follow it).
  absl::Duration request_timeout = absl::Seconds(10);
  // The dashboard's default year (today's in Asia/Jakarta) and its "generated" time.
  std::function<absl::Time()> now = [] { return absl::Now(); };
};

template <typename Request, typename Report>
using ReportCall =
    std::function<absl::StatusOr<Report>(const auth::Principal& caller, const Request& request)>;

// What the routes call: the Reports core's methods (http_routes.cc) or fakes.
struct ReportCalls {
  ReportCall<v1::GetPredicateDistributionRequest, v1::DistributionReport> distribution;
  ReportCall<v1::GetComplianceRequest, v1::ComplianceReport> compliance;
  ReportCall<v1::GetParticipationRequest, v1::ParticipationReport> participation;
  ReportCall<v1::ListLateEntriesRequest, v1::ListLateEntriesResponse> late_entries;
  ReportCall<v1::GetDevelopmentNeedsRequest, v1::DevelopmentNeedsReport> development_needs;
  ReportCall<v1::ListRecognitionCandidatesRequest, v1::ListRecognitionCandidatesResponse>
      recognition_candidates;
  ReportCall<v1::GetIndicatorHealthRequest, v1::IndicatorHealthReport> indicator_health;
  ReportCall<v1::ListRaterStatisticsRequest, v1::ListRaterStatisticsResponse> rater_statistics;
  ReportCall<v1::GetTrendsRequest, v1::TrendsReport> trends;
  std::function<absl::StatusOr<v1::TransparencyReport>(const v1::GetTransparencyReportRequest&)>
      transparency;
  std::function<absl::StatusOr<v1::GetStreamStatusResponse>(const auth::Principal& caller)>
      stream_status;
};

// Registers every route on `server` (before it starts). `verifier` must outlive the server.
void AddReportRoutes(http::HttpServer& server, ReportCalls calls, const auth::JwtVerifier& verifier,
                     HttpRouteOptions options = {});

}  // namespace kinerja::analytics::api
