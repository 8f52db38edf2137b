// kinerja.analytics.v1.AnalyticsService on the gRPC callback API: each RPC is one call of the
// Reports core (reports.h) on the worker pool through the call runner, which the HTTP routes
// call too, so both doors answer the same numbers under the same access rules. No SQL and no
// rules here. GetTransparencyReport is open to anyone (CallAccess::kAnyone): without a token it
// runs as the anonymous public caller.
#pragma once

#include <grpcpp/grpcpp.h>

#include "kinerja/analytics/v1/analytics_service.grpc.pb.h"
#include "services/analytics/api/reports.h"
#include "shared/server/call.h"
#include "shared/server/host_deps.h"
#include "shared/server/service_host.h"

namespace kinerja::analytics::api {

inline constexpr char kServiceName[] = "kinerja.analytics.v1.AnalyticsService";

// What the service runs on; all owned elsewhere (by the ServiceHost and the service's parts).
struct ServiceDeps : server::HostDeps {
  Reports* reports = nullptr;

  static ServiceDeps FromHost(server::ServiceHost& host, Reports& reports);
};

class AnalyticsService final : public v1::AnalyticsService::CallbackService {
 public:
  explicit AnalyticsService(ServiceDeps deps);

  grpc::ServerUnaryReactor* GetPredicateDistribution(
      grpc::CallbackServerContext* ctx, const v1::GetPredicateDistributionRequest* request,
      v1::DistributionReport* response) override;
  grpc::ServerUnaryReactor* GetCompliance(grpc::CallbackServerContext* ctx,
                                          const v1::GetComplianceRequest* request,
                                          v1::ComplianceReport* response) override;
  grpc::ServerUnaryReactor* GetParticipation(grpc::CallbackServerContext* ctx,
                                             const v1::GetParticipationRequest* request,
                                             v1::ParticipationReport* response) override;
  grpc::ServerUnaryReactor* ListLateEntries(grpc::CallbackServerContext* ctx,
                                            const v1::ListLateEntriesRequest* request,
                                            v1::ListLateEntriesResponse* response) override;
  grpc::ServerUnaryReactor* GetDevelopmentNeeds(grpc::CallbackServerContext* ctx,
                                                const v1::GetDevelopmentNeedsRequest* request,
                                                v1::DevelopmentNeedsReport* response) override;
  grpc::ServerUnaryReactor* ListRecognitionCandidates(
      grpc::CallbackServerContext* ctx, const v1::ListRecognitionCandidatesRequest* request,
      v1::ListRecognitionCandidatesResponse* response) override;
  grpc::ServerUnaryReactor* GetIndicatorHealth(grpc::CallbackServerContext* ctx,
                                               const v1::GetIndicatorHealthRequest* request,
                                               v1::IndicatorHealthReport* response) override;
  grpc::ServerUnaryReactor* ListRaterStatistics(grpc::CallbackServerContext* ctx,
                                                const v1::ListRaterStatisticsRequest* request,
                                                v1::ListRaterStatisticsResponse* response) override;
  grpc::ServerUnaryReactor* GetTrends(grpc::CallbackServerContext* ctx,
                                      const v1::GetTrendsRequest* request,
                                      v1::TrendsReport* response) override;
  grpc::ServerUnaryReactor* GetTransparencyReport(grpc::CallbackServerContext* ctx,
                                                  const v1::GetTransparencyReportRequest* request,
                                                  v1::TransparencyReport* response) override;
  grpc::ServerUnaryReactor* GetStreamStatus(grpc::CallbackServerContext* ctx,
                                            const v1::GetStreamStatusRequest* request,
                                            v1::GetStreamStatusResponse* response) override;

 private:
  ServiceDeps deps_;
};

}  // namespace kinerja::analytics::api
