// The dashboard's colours. Each is at least 3:1 against the white page (WCAG 1.4.11, tested in
// dashboard_test.cc), and every chart has its own, so that a screenshot can tell the charts
// apart by colour (services/analytics/tests/browser/dashboard_test.py counts their pixels).
#pragma once

#include <array>

#include "absl/strings/string_view.h"

namespace kinerja::analytics::web {

// The staff predicates in national order (Sangat Baik .. Sangat Kurang): blue for the better,
// amber to dark red for the worse, so that the order reads without relying on red/green.
inline constexpr std::array<absl::string_view, 5> kPredicateColors = {
    "#084594", "#2f7fc1", "#9a6700", "#d1242f", "#6e1010"};

// Participation: done on time, done late, overdue / missing, not due yet.
inline constexpr absl::string_view kOnTimeColor = "#1a7f37";
inline constexpr absl::string_view kLateColor = "#7d4e00";
inline constexpr absl::string_view kOverdueColor = "#b42318";
inline constexpr absl::string_view kOpenColor = "#57606a";

// Compliance: staff beyond a band's limit.
inline constexpr absl::string_view kExcessColor = "#8250df";
// Event stream lag.
inline constexpr absl::string_view kLagColor = "#0b7285";

}  // namespace kinerja::analytics::web
