// Each dashboard section's chart (as a BarChart, see svg_chart.h) and its table of the same
// numbers (the fallback for readers who cannot see the chart), from one report.
#pragma once

#include <string>

#include "kinerja/analytics/v1/analytics_service.pb.h"
#include "services/analytics/web/svg_chart.h"

namespace kinerja::analytics::web {

namespace v1 = ::kinerja::analytics::v1;

// The most rows a chart draws (the table and the CSV have them all).
inline constexpr int kMaxChartRows = 25;

// One 100 % stacked bar per group (the five predicates), then the total.
BarChart DistributionChart(const v1::DistributionReport& report);
std::string DistributionTable(const v1::DistributionReport& report);

// One bar per band a unit breaks: the staff beyond the limit, most first.
BarChart ComplianceChart(const v1::ComplianceReport& report);
std::string ComplianceTable(const v1::ComplianceReport& report);

// Plans (approved on time, approved late, overdue, not due yet), realisations (filed, missing),
// periodic and annual assessments (finalised, not yet), each as a 100 % stacked bar.
BarChart ParticipationChart(const v1::ParticipationReport& report);
std::string ParticipationTable(const v1::ParticipationReport& report);

// One 100 % stacked bar per published group, then the total; a suppressed group has no bar and
// says so.
BarChart TransparencyChart(const v1::TransparencyReport& report);
std::string TransparencyTable(const v1::TransparencyReport& report);

// One bar per stream: its lag in seconds.
BarChart StreamLagChart(const v1::GetStreamStatusResponse& status);
std::string StreamTable(const v1::GetStreamStatusResponse& status);

}  // namespace kinerja::analytics::web
