// The analytics reports, once for both doors: the gRPC handlers (analytics_service.cc) and the
// HTTP JSON / CSV / dashboard routes (http_routes.cc) call these with the authenticated caller,
// so that both enforce the same access rules (domain/access.h) and answer the same numbers.
//
// Each call checks the request (INVALID_ARGUMENT naming the field), resolves the caller's scope
// (PERMISSION_DENIED when the caller may not read it; NOT_FOUND for a unit or period the read
// model does not know) and reads the read model. Blocking (database): run on a worker thread.
#pragma once

#include <functional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "kinerja/analytics/v1/analytics_service.pb.h"
#include "shared/auth/principal.h"
#include "shared/db/pool.h"
#include "shared/rpc/page_token.h"

namespace kinerja::analytics::api {

namespace v1 = ::kinerja::analytics::v1;

// Settings an operator chooses (flags / environment of kinerja-analytics).
struct ReportSettings {
  // Transparency report: groups smaller than this are suppressed (k-anonymity).
  int public_min_group_size = 5;
  // Days after a period's (or a closed plan's) last day by which its annual assessment is due.
  int annual_assessment_due_days = 31;
  // Default when the agency's review policy has not been seen in the events.
  int default_realisation_grace_days = 5;
};

// The event streams' state (from the followers), for freshness and GetStreamStatus.
using StreamStatusSource = std::function<std::vector<v1::StreamStatus>()>;

class Reports {
 public:
  Reports(db::Pool& pool, const rpc::PageTokenCodec& page_tokens, ReportSettings settings,
          StreamStatusSource streams, std::function<absl::Time()> now = absl::Now);

  absl::StatusOr<v1::DistributionReport> Distribution(
      const auth::Principal& caller, const v1::GetPredicateDistributionRequest& request);
  absl::StatusOr<v1::ComplianceReport> Compliance(const auth::Principal& caller,
                                                  const v1::GetComplianceRequest& request);
  absl::StatusOr<v1::ParticipationReport> Participation(const auth::Principal& caller,
                                                        const v1::GetParticipationRequest& request);
  absl::StatusOr<v1::ListLateEntriesResponse> LateEntries(
      const auth::Principal& caller, const v1::ListLateEntriesRequest& request);
  absl::StatusOr<v1::DevelopmentNeedsReport> DevelopmentNeeds(
      const auth::Principal& caller, const v1::GetDevelopmentNeedsRequest& request);
  absl::StatusOr<v1::ListRecognitionCandidatesResponse> RecognitionCandidates(
      const auth::Principal& caller, const v1::ListRecognitionCandidatesRequest& request);
  absl::StatusOr<v1::IndicatorHealthReport> IndicatorHealth(
      const auth::Principal& caller, const v1::GetIndicatorHealthRequest& request);
  absl::StatusOr<v1::ListRaterStatisticsResponse> RaterStatistics(
      const auth::Principal& caller, const v1::ListRaterStatisticsRequest& request);
  absl::StatusOr<v1::TrendsReport> Trends(const auth::Principal& caller,
                                          const v1::GetTrendsRequest& request);
  // Anyone, with or without a token.
  absl::StatusOr<v1::TransparencyReport> Transparency(
      const v1::GetTransparencyReportRequest& request);
  // Operators: any authenticated caller except public-only ones.
  absl::StatusOr<v1::GetStreamStatusResponse> StreamStatus(const auth::Principal& caller);

 private:
  // The largest lag of the event streams (report freshness).
  double FreshnessLagSeconds() const;
  // Today in Asia/Jakarta by the injected clock.
  absl::CivilDay Today() const;

  db::Pool& pool_;
  const rpc::PageTokenCodec& page_tokens_;
  const ReportSettings settings_;
  const StreamStatusSource streams_;
  const std::function<absl::Time()> now_;
};

}  // namespace kinerja::analytics::api
