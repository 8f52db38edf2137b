// The HTTP routes' query parameters as the contract's request messages. Parameters are named
// like the request fields (the scope's fields without "scope."): year, agency_id, unit_id,
// position_type, period_id, kind, window_index, group_by, breaking_only, as_of (YYYY-MM-DD),
// item, page_size, page_token, min_periodic, min_evidence, far_above_ratio, min_windows,
// min_rated, from_year, to_year. Enum values are their names with or without the enum's prefix,
// in any case ("annual", "ASSESSMENT_KIND_ANNUAL"); booleans true/false/1/0. `format` (json,
// csv) is the routes' own and allowed everywhere.
//
// Errors are INVALID_ARGUMENT naming the parameter: one the route does not take (a typo must
// not silently widen a report), one given twice, or a value that does not parse. What the
// values mean (a year in range, a known unit) is the Reports core's to check.
#pragma once

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "kinerja/analytics/v1/analytics_service.pb.h"

namespace kinerja::analytics::api {

namespace v1 = ::kinerja::analytics::v1;

using Query = std::multimap<std::string, std::string>;

absl::StatusOr<v1::GetPredicateDistributionRequest> DistributionRequest(const Query& query);
absl::StatusOr<v1::GetComplianceRequest> ComplianceRequest(const Query& query);
absl::StatusOr<v1::GetParticipationRequest> ParticipationRequest(const Query& query);
absl::StatusOr<v1::ListLateEntriesRequest> LateEntriesRequest(const Query& query);
absl::StatusOr<v1::GetDevelopmentNeedsRequest> DevelopmentNeedsRequest(const Query& query);
absl::StatusOr<v1::ListRecognitionCandidatesRequest> RecognitionCandidatesRequest(
    const Query& query);
absl::StatusOr<v1::GetIndicatorHealthRequest> IndicatorHealthRequest(const Query& query);
absl::StatusOr<v1::ListRaterStatisticsRequest> RaterStatisticsRequest(const Query& query);
absl::StatusOr<v1::GetTrendsRequest> TrendsRequest(const Query& query);
absl::StatusOr<v1::GetTransparencyReportRequest> TransparencyRequest(const Query& query);
// Takes no parameter but `format`.
absl::StatusOr<v1::GetStreamStatusRequest> StreamStatusRequest(const Query& query);

// The dashboard's scope (year, agency_id, unit_id, position_type), same rules.
absl::StatusOr<v1::ReportScope> DashboardScopeOf(const Query& query);

// "json" (default) or "csv"; anything else INVALID_ARGUMENT naming `format`.
absl::StatusOr<bool> WantsCsv(const Query& query);

}  // namespace kinerja::analytics::api
