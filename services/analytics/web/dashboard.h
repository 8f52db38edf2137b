// The ops dashboard: one self-contained HTML page (no scripts, fonts, stylesheets or images
// fetched: it works with no internet and with scripts disabled) with server-rendered SVG charts
// (why SVG: svg_chart.h) of the predicate distribution, compliance with the organisation
// predicate bands, participation, the public transparency aggregates and the event streams'
// lag, each with a table of the same numbers and links to its CSV and JSON, under a GET form
// for the scope.
//
// The page only renders what the routes read (api/http_routes.cc) with the caller's rights: a
// section absent from DashboardPage is left out (the public view), a section whose report
// failed shows why.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kinerja/analytics/v1/analytics_service.pb.h"

namespace kinerja::analytics::web {

namespace v1 = ::kinerja::analytics::v1;

// What the form asks for (the ReportScope fields a person picks).
struct DashboardScope {
  int year = 0;
  std::string agency_id;
  std::string unit_id;
  std::string position_type;
};

template <typename Report>
using Section = std::optional<absl::StatusOr<Report>>;

struct DashboardPage {
  DashboardScope scope;
  // Who is looking, e.g. "hr_admin (agency A1)"; empty: the public view.
  std::string viewer;
  // Shown above the charts: a scope the form could not use, a token that was not accepted.
  std::vector<std::string> notices;
  absl::Time generated_time = absl::UnixEpoch();

  Section<v1::DistributionReport> distribution;
  Section<v1::ComplianceReport> compliance;
  Section<v1::ParticipationReport> participation;
  Section<v1::TransparencyReport> transparency;
  Section<v1::GetStreamStatusResponse> streams;
};

// The whole page (UTF-8).
std::string RenderDashboard(const DashboardPage& page);

// How the dashboard breaks the distribution down: by the units below the scope's unit (or the
// agency's top units) when it names an agency or unit, else by agency.
v1::GroupBy DashboardGroupBy(const DashboardScope& scope);

// The position types the form offers (the employee contract's PositionType names).
const std::vector<std::string>& PositionTypeChoices();

}  // namespace kinerja::analytics::web
