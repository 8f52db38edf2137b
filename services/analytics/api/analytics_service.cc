#include "services/analytics/api/analytics_service.h"

#include <utility>

#include "shared/errors/errors.h"

namespace kinerja::analytics::api {

using server::CallContext;

ServiceDeps ServiceDeps::FromHost(server::ServiceHost& host, Reports& reports) {
  ServiceDeps deps;
  static_cast<server::HostDeps&>(deps) = host.deps();
  deps.reports = &reports;
  return deps;
}

AnalyticsService::AnalyticsService(ServiceDeps deps) : deps_(std::move(deps)) {}

grpc::ServerUnaryReactor* AnalyticsService::GetPredicateDistribution(
    grpc::CallbackServerContext* ctx, const v1::GetPredicateDistributionRequest* request,
    v1::DistributionReport* response) {
  return deps_.calls->Unary(ctx, *request, "GetPredicateDistribution",
                            [=, this](const CallContext& call) -> absl::Status {
                              ASSIGN_OR_RETURN(
                                  *response, deps_.reports->Distribution(call.principal, *request));
                              return absl::OkStatus();
                            });
}

grpc::ServerUnaryReactor* AnalyticsService::GetCompliance(grpc::CallbackServerContext* ctx,
                                                          const v1::GetComplianceRequest* request,
                                                          v1::ComplianceReport* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetCompliance", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(*response, deps_.reports->Compliance(call.principal, *request));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsService::GetParticipation(
    grpc::CallbackServerContext* ctx, const v1::GetParticipationRequest* request,
    v1::ParticipationReport* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetParticipation", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(*response, deps_.reports->Participation(call.principal, *request));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsService::ListLateEntries(
    grpc::CallbackServerContext* ctx, const v1::ListLateEntriesRequest* request,
    v1::ListLateEntriesResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListLateEntries", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(*response, deps_.reports->LateEntries(call.principal, *request));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsService::GetDevelopmentNeeds(
    grpc::CallbackServerContext* ctx, const v1::GetDevelopmentNeedsRequest* request,
    v1::DevelopmentNeedsReport* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetDevelopmentNeeds", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(*response, deps_.reports->DevelopmentNeeds(call.principal, *request));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsService::ListRecognitionCandidates(
    grpc::CallbackServerContext* ctx, const v1::ListRecognitionCandidatesRequest* request,
    v1::ListRecognitionCandidatesResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListRecognitionCandidates",
      [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(*response, deps_.reports->RecognitionCandidates(call.principal, *request));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsService::GetIndicatorHealth(
    grpc::CallbackServerContext* ctx, const v1::GetIndicatorHealthRequest* request,
    v1::IndicatorHealthReport* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetIndicatorHealth", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(*response, deps_.reports->IndicatorHealth(call.principal, *request));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsService::ListRaterStatistics(
    grpc::CallbackServerContext* ctx, const v1::ListRaterStatisticsRequest* request,
    v1::ListRaterStatisticsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListRaterStatistics", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(*response, deps_.reports->RaterStatistics(call.principal, *request));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsService::GetTrends(grpc::CallbackServerContext* ctx,
                                                      const v1::GetTrendsRequest* request,
                                                      v1::TrendsReport* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetTrends", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(*response, deps_.reports->Trends(call.principal, *request));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsService::GetTransparencyReport(
    grpc::CallbackServerContext* ctx, const v1::GetTransparencyReportRequest* request,
    v1::TransparencyReport* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetTransparencyReport",
      [=, this](const CallContext&) -> absl::Status {
        ASSIGN_OR_RETURN(*response, deps_.reports->Transparency(*request));
        return absl::OkStatus();
      },
      server::CallAccess::kAnyone);
}

grpc::ServerUnaryReactor* AnalyticsService::GetStreamStatus(
    grpc::CallbackServerContext* ctx, const v1::GetStreamStatusRequest* request,
    v1::GetStreamStatusResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetStreamStatus", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(*response, deps_.reports->StreamStatus(call.principal));
        return absl::OkStatus();
      });
}

}  // namespace kinerja::analytics::api
