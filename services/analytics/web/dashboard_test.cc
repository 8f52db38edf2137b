#include "services/analytics/web/dashboard.h"

#include <gmock/gmock.h>
#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "services/analytics/web/dashboard_charts.h"
#include "services/analytics/web/palette.h"

namespace kinerja::analytics::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

template <typename Message>
Message Parse(const std::string& text) {
  Message message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message)) << text;
  return message;
}

v1::DistributionReport Distribution() {
  return Parse<v1::DistributionReport>(R"pb(
    kind: ASSESSMENT_KIND_ANNUAL
    totals { sangat_baik: 3 baik: 10 butuh_perbaikan: 2 kurang: 1 total: 16 }
    rows {
      group_id: "U1"
      group_name: "<script>alert('x')</script>"
      counts { sangat_baik: 1 baik: 6 butuh_perbaikan: 1 total: 8 }
    }
    rows {
      group_id: "U2"
      group_name: "Bidang & Sekretariat"
      counts { sangat_baik: 2 baik: 4 butuh_perbaikan: 1 kurang: 1 total: 8 }
    }
    freshness_lag_seconds: 2.5
  )pb");
}

v1::TransparencyReport Transparency() {
  return Parse<v1::TransparencyReport>(R"pb(
    year: 2024
    min_group_size: 5
    groups {
      id: "A"
      name: "Kota A"
      counts { sangat_baik: 2 baik: 8 butuh_perbaikan: 1 total: 11 }
    }
    groups { id: "B" name: "Kota B" suppressed: true }
    total { counts { sangat_baik: 4 baik: 10 butuh_perbaikan: 1 total: 15 } }
    suppressed_groups: 1
  )pb");
}

v1::GetStreamStatusResponse Streams() {
  return Parse<v1::GetStreamStatusResponse>(R"pb(
    streams {
      name: "analytics.review"
      producer: "review"
      connected: true
      applied: 1234
      lag_seconds: 0.4
    }
    streams { name: "analytics.goals" producer: "goals" connected: false lag_seconds: 12.5 }
  )pb");
}

DashboardPage SignedInPage() {
  DashboardPage page;
  page.scope.year = 2024;
  page.scope.agency_id = "AG\"1";
  page.scope.position_type = "PELAKSANA";
  page.viewer = "hr_admin (agency <AG1>)";
  page.generated_time = absl::FromUnixSeconds(1735689600);
  page.distribution = Distribution();
  page.compliance = Parse<v1::ComplianceReport>(R"pb(
    units_with_org_predicate: 2
    units_breaking: 1
    units_without_org_predicate: 3
    units {
      unit_id: "U1"
      unit_name: "Dinas <A>"
      org_predicate: ORG_PREDICATE_BAIK
      unit_staff: 20
      finalised { total: 20 }
      violations {
        rule: "SANGAT_BAIK_AT_MOST 20%"
        actual_percent: 60
        limit: 20
        excess_percent: 40
        excess_staff: 8
      }
    }
  )pb");
  page.participation = Parse<v1::ParticipationReport>(R"pb(
    as_of { year: 2024 month: 6 day: 30 }
    plans: 100
    plans_submitted: 95
    plans_approved: 90
    plans_approved_on_time: 70
    plans_overdue: 6
    realisations_due: 400
    realisations_filed: 380
    realisations_late: 12
    periodic_assessments_due: 50
    periodic_assessments_finalised: 45
  )pb");
  page.transparency = Transparency();
  page.streams = Streams();
  return page;
}

TEST(Dashboard, EscapesEveryName) {
  const std::string html = RenderDashboard(SignedInPage());
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("Bidang &amp; Sekretariat"));
  EXPECT_THAT(html, HasSubstr("Dinas &lt;A&gt;"));
  EXPECT_THAT(html, HasSubstr("Signed in: hr_admin (agency &lt;AG1&gt;)"));
  EXPECT_THAT(html, HasSubstr("name=\"agency_id\" value=\"AG&quot;1\""));
}

TEST(Dashboard, IsSelfContained) {
  const std::string html = RenderDashboard(SignedInPage());
  for (const char* fetches : {"<script", "<link", "<img", "src=", "url(", "@import", "@font-face",
                              "https://", "//fonts"}) {
    EXPECT_THAT(html, Not(HasSubstr(fetches))) << fetches;
  }
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"));
}

TEST(Dashboard, ShowsEveryChartWithItsTableAndDownloads) {
  const std::string html = RenderDashboard(SignedInPage());
  for (const char* id : {"distribution-chart", "compliance-chart", "participation-chart",
                         "transparency-chart", "streams-chart"}) {
    EXPECT_THAT(
        html,
        HasSubstr(std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"") +
                  id))
        << id;
  }
  EXPECT_THAT(html, HasSubstr("<table><caption>Finalised staff predicates by group</caption>"));
  // The numbers as text: the distribution's total row, participation, stream lag.
  EXPECT_THAT(html, HasSubstr("3 \u00b7 10 \u00b7 2 \u00b7 1 \u00b7 0 of 16"));
  EXPECT_THAT(html, HasSubstr("70 on time \u00b7 20 late \u00b7 6 overdue of 100"));
  EXPECT_THAT(html, HasSubstr("380 filed of 400 due (12 late)"));
  EXPECT_THAT(html, HasSubstr("12.5 s \u00b7 DISCONNECTED"));
  EXPECT_THAT(html, HasSubstr("8 staff, +40.0 pp: SANGAT_BAIK_AT_MOST 20% (60.0 %)"));
  EXPECT_THAT(html, HasSubstr("at most 2.5 s behind"));
  // Downloads carry the scope, escaped for the attribute.
  EXPECT_THAT(html, HasSubstr("href=\"/api/v1/distribution.csv?year=2024&amp;agency_id=AG%221&amp;"
                              "position_type=PELAKSANA&amp;group_by=UNIT\""));
  EXPECT_THAT(html, HasSubstr("href=\"/api/v1/transparency?year=2024\""));
  EXPECT_THAT(html, HasSubstr("<option value=\"PELAKSANA\" selected>"));
}

TEST(Dashboard, PublicViewShowsOnlyWhatItWasGiven) {
  DashboardPage page;
  page.scope.year = 2024;
  page.transparency = Transparency();
  page.streams = Streams();
  const std::string html = RenderDashboard(page);
  EXPECT_THAT(html, HasSubstr("Public view: aggregates only."));
  EXPECT_THAT(html, HasSubstr("id=\"transparency-chart\""));
  EXPECT_THAT(html, HasSubstr("id=\"streams-chart\""));
  EXPECT_THAT(html, Not(HasSubstr("id=\"distribution\"")));
  EXPECT_THAT(html, Not(HasSubstr("id=\"compliance\"")));
  EXPECT_THAT(html, Not(HasSubstr("id=\"participation\"")));
  EXPECT_THAT(html, HasSubstr("suppressed (fewer than 5, or it would reveal another)"));
}

TEST(Dashboard, SectionFailuresSayWhyWithoutInternals) {
  DashboardPage page;
  page.scope.year = 2024;
  page.distribution = absl::PermissionDeniedError("caller 's' may not read agency X");
  page.compliance = absl::InternalError("pq: relation units does not exist");
  page.participation = absl::InvalidArgumentError("scope.year: must be <script>");
  page.notices.push_back("token <rejected>");
  const std::string html = RenderDashboard(page);
  EXPECT_THAT(html, HasSubstr("Your sign-in may not read this report in this scope: caller "
                              "&#39;s&#39; may not read agency X"));
  EXPECT_THAT(html, HasSubstr("The report could not be read (INTERNAL)."));
  EXPECT_THAT(html, Not(HasSubstr("relation units")));
  EXPECT_THAT(html, HasSubstr("scope.year: must be &lt;script&gt;"));
  EXPECT_THAT(html, HasSubstr("role=\"alert\">token &lt;rejected&gt;</p>"));
}

TEST(Dashboard, GroupsByUnitWhenTheScopeNamesAnAgencyOrUnit) {
  DashboardScope scope;
  scope.year = 2024;
  EXPECT_EQ(DashboardGroupBy(scope), v1::GROUP_BY_AGENCY);
  scope.agency_id = "A";
  EXPECT_EQ(DashboardGroupBy(scope), v1::GROUP_BY_UNIT);
  scope.agency_id = "";
  scope.unit_id = "U";
  EXPECT_EQ(DashboardGroupBy(scope), v1::GROUP_BY_UNIT);
}

TEST(DashboardCharts, ParticipationNeverGoesNegative) {
  // More approvals on time than approvals (inconsistent input) and more filed than due.
  auto report = Parse<v1::ParticipationReport>(R"pb(
    plans: 0
    plans_approved: 1
    plans_approved_on_time: 3
    realisations_due: 2
    realisations_filed: 5
  )pb");
  for (const auto& row : SegmentLengths(ParticipationChart(report))) {
    for (double length : row) {
      EXPECT_GE(length, 0);
      EXPECT_TRUE(std::isfinite(length));
    }
  }
}

TEST(DashboardCharts, TransparencySuppressedGroupHasNoBar) {
  BarChart chart = TransparencyChart(Transparency());
  ASSERT_EQ(chart.rows.size(), 3u);
  EXPECT_TRUE(chart.rows[1].segments.empty());
  EXPECT_EQ(chart.rows[2].label, "Total");
}

// WCAG 2.1 relative luminance and contrast ratio.
double Luminance(absl::string_view hex) {
  double channels[3];
  for (int i = 0; i < 3; ++i) {
    double c = std::stoi(std::string(hex.substr(1 + 2 * i, 2)), nullptr, 16) / 255.0;
    channels[i] = c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

double ContrastWithWhite(absl::string_view hex) { return 1.05 / (Luminance(hex) + 0.05); }

TEST(Palette, EveryChartColourHasEnoughContrastWithThePage) {
  std::vector<absl::string_view> colours(kPredicateColors.begin(), kPredicateColors.end());
  for (absl::string_view c :
       {kOnTimeColor, kLateColor, kOverdueColor, kOpenColor, kExcessColor, kLagColor}) {
    colours.push_back(c);
  }
  for (absl::string_view colour : colours) {
    EXPECT_GE(ContrastWithWhite(colour), 3.0) << colour;
  }
  // Distinct, so that a screenshot can tell the charts apart.
  std::set<absl::string_view> distinct(colours.begin(), colours.end());
  EXPECT_EQ(distinct.size(), colours.size());
}

}  // namespace
}  // namespace kinerja::analytics::web
