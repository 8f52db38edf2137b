#include "services/analytics/api/http_routes.h"

#include <utility>

namespace kinerja::analytics::api {

void AddHttpRoutes(http::HttpServer& server, Reports& reports, const auth::JwtVerifier& verifier,
                   HttpRouteOptions options) {
  Reports* r = &reports;
  ReportCalls calls;
  calls.distribution = [r](const auth::Principal& caller,
                           const v1::GetPredicateDistributionRequest& request) {
    return r->Distribution(caller, request);
  };
  calls.compliance = [r](const auth::Principal& caller, const v1::GetComplianceRequest& request) {
    return r->Compliance(caller, request);
  };
  calls.participation = [r](const auth::Principal& caller,
                            const v1::GetParticipationRequest& request) {
    return r->Participation(caller, request);
  };
  calls.late_entries = [r](const auth::Principal& caller,
                           const v1::ListLateEntriesRequest& request) {
    return r->LateEntries(caller, request);
  };
  calls.development_needs = [r](const auth::Principal& caller,
                                const v1::GetDevelopmentNeedsRequest& request) {
    return r->DevelopmentNeeds(caller, request);
  };
  calls.recognition_candidates = [r](const auth::Principal& caller,
                                     const v1::ListRecognitionCandidatesRequest& request) {
    return r->RecognitionCandidates(caller, request);
  };
  calls.indicator_health = [r](const auth::Principal& caller,
                               const v1::GetIndicatorHealthRequest& request) {
    return r->IndicatorHealth(caller, request);
  };
  calls.rater_statistics = [r](const auth::Principal& caller,
                               const v1::ListRaterStatisticsRequest& request) {
    return r->RaterStatistics(caller, request);
  };
  calls.trends = [r](const auth::Principal& caller, const v1::GetTrendsRequest& request) {
    return r->Trends(caller, request);
  };
  calls.transparency = [r](const v1::GetTransparencyReportRequest& request) {
    return r->Transparency(request);
  };
  calls.stream_status = [r](const auth::Principal& caller) { return r->StreamStatus(caller); };
  AddReportRoutes(server, std::move(calls), verifier, std::move(options));
}

}  // namespace kinerja::analytics::api
