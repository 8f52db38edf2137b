// The analytics service's HTTP paths, once: the routes (api/http_routes.cc) register them and
// the dashboard links to them (CSV and JSON downloads of what it shows).
#pragma once

#include "absl/strings/string_view.h"

namespace kinerja::analytics::web {

inline constexpr absl::string_view kDashboardPath = "/dashboard";
// Every report is at kApiPrefix + its name (JSON, or CSV with format=csv), and at the same path
// with ".csv" appended (CSV).
inline constexpr absl::string_view kApiPrefix = "/api/v1/";

inline constexpr absl::string_view kDistribution = "distribution";
inline constexpr absl::string_view kCompliance = "compliance";
inline constexpr absl::string_view kParticipation = "participation";
inline constexpr absl::string_view kLateEntries = "late-entries";
inline constexpr absl::string_view kDevelopmentNeeds = "development-needs";
inline constexpr absl::string_view kRecognitionCandidates = "recognition-candidates";
inline constexpr absl::string_view kIndicatorHealth = "indicator-health";
inline constexpr absl::string_view kRaterStatistics = "rater-statistics";
inline constexpr absl::string_view kTrends = "trends";
inline constexpr absl::string_view kTransparency = "transparency";
inline constexpr absl::string_view kStreamStatus = "stream-status";

}  // namespace kinerja::analytics::web
