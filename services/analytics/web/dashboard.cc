#include "services/analytics/web/dashboard.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "services/analytics/web/dashboard_charts.h"
#include "services/analytics/web/html.h"
#include "services/analytics/web/labels.h"
#include "services/analytics/web/paths.h"
#include "services/analytics/web/svg_chart.h"

namespace kinerja::analytics::web {
namespace {

// Plain, readable, printable; system fonts only (nothing is fetched). Text is #1f2328 on white
// (15.8:1); links #0550ae (7.5:1).
constexpr absl::string_view kStyle = R"css(
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,"DejaVu Sans",sans-serif;color:#1f2328;background:#fff;
line-height:1.4}
header,main,footer,.scope,.notices,.meta{max-width:1120px;margin:0 auto;padding:0 16px}
header h1{font-size:1.5rem;margin:16px 0 4px}
.viewer{margin:0 0 12px;color:#424a53}
.scope{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;padding-bottom:12px;
border-bottom:1px solid #d0d7de}
.scope label{display:flex;flex-direction:column;font-size:.875rem;font-weight:600}
.scope input,.scope select{font:inherit;font-weight:400;padding:4px 6px;border:1px solid #6e7781;
border-radius:4px;min-width:10rem}
.scope button{font:inherit;padding:5px 16px;border:1px solid #0550ae;background:#0550ae;
color:#fff;border-radius:4px}
.notice{border:1px solid #b42318;background:#fff5f5;padding:8px 12px;margin:12px 0}
.meta{color:#424a53;font-size:.875rem;margin-top:8px}
section{margin:24px 0;padding-bottom:16px;border-bottom:1px solid #d0d7de}
section h2{font-size:1.2rem;margin:0 0 6px}
.summary{margin:4px 0 8px}
svg.chart{width:100%;height:auto;display:block}
table{border-collapse:collapse;margin:8px 0;font-size:.875rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
summary{cursor:pointer;color:#0550ae}
a{color:#0550ae}
.downloads{font-size:.875rem}
footer{color:#424a53;font-size:.8rem;padding-bottom:24px}
)css";

std::string ScopeQuery(const DashboardScope& scope,
                       std::vector<std::pair<std::string, std::string>> extra = {}) {
  std::vector<std::pair<std::string, std::string>> params = {
      {"year", scope.year > 0 ? absl::StrCat(scope.year) : ""},
      {"agency_id", scope.agency_id},
      {"unit_id", scope.unit_id},
      {"position_type", scope.position_type}};
  for (auto& param : extra) params.push_back(std::move(param));
  return QueryString(params);
}

std::string Downloads(absl::string_view report, const std::string& query) {
  const std::string suffix = query.empty() ? "" : absl::StrCat("?", query);
  return absl::StrCat("<p class=\"downloads\">Download: <a href=\"",
                      Escape(absl::StrCat(kApiPrefix, report, ".csv", suffix)),
                      "\" download>CSV</a> \u00b7 <a href=\"",
                      Escape(absl::StrCat(kApiPrefix, report, suffix)), "\">JSON</a></p>");
}

// Why a section has no chart, in words a reader can act on (never a server's internals).
std::string Failure(const absl::Status& status) {
  std::string text;
  switch (status.code()) {
    case absl::StatusCode::kPermissionDenied:
      text =
          absl::StrCat("Your sign-in may not read this report in this scope: ", status.message());
      break;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kFailedPrecondition:
      text = std::string(status.message());
      break;
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kResourceExhausted:
      text = "The report could not be read just now; reload the page in a moment.";
      break;
    default:
      text = absl::StrCat("The report could not be read (", absl::StatusCodeToString(status.code()),
                          ").");
  }
  return absl::StrCat("<p class=\"notice\" role=\"status\">", Escape(text), "</p>");
}

struct SectionText {
  absl::string_view id;
  absl::string_view heading;
};

// <section> with its heading, then either `body` or why the report failed.
template <typename Report, typename Body>
std::string RenderSection(SectionText text, const Section<Report>& section, Body body) {
  if (!section.has_value()) return "";
  std::string out =
      absl::StrCat("<section id=\"", text.id, "\" aria-labelledby=\"", text.id,
                   "-heading\"><h2 id=\"", text.id, "-heading\">", Escape(text.heading), "</h2>");
  if (section->ok()) {
    out += body(**section);
  } else {
    out += Failure(section->status());
  }
  return out + "</section>";
}

std::string ChartAndTable(const BarChart& chart, const std::string& table) {
  return absl::StrCat(RenderBarChart(chart), "<details><summary>Table of ", Escape(chart.title),
                      "</summary>", table, "</details>");
}

std::string Summary(absl::string_view text) {
  return absl::StrCat("<p class=\"summary\">", Escape(text), "</p>");
}

std::string ScopeForm(const DashboardScope& scope) {
  std::string options = "<option value=\"\">All</option>";
  std::vector<std::string> choices = PositionTypeChoices();
  if (!scope.position_type.empty() &&
      std::find(choices.begin(), choices.end(), scope.position_type) == choices.end()) {
    choices.push_back(scope.position_type);
  }
  for (const std::string& choice : choices) {
    absl::StrAppend(&options, "<option value=\"", Escape(choice), "\"",
                    choice == scope.position_type ? " selected" : "", ">", Escape(choice),
                    "</option>");
  }
  return absl::StrCat(
      "<form class=\"scope\" method=\"get\" action=\"", kDashboardPath,
      "\" aria-label=\"Report scope\">",
      "<label>Year<input type=\"number\" name=\"year\" min=\"2000\" max=\"2100\" value=\"",
      scope.year > 0 ? absl::StrCat(scope.year) : "", "\"></label>",
      "<label>Agency ID<input type=\"text\" name=\"agency_id\" value=\"", Escape(scope.agency_id),
      "\"></label>",
      "<label>Unit ID (with units below)<input type=\"text\" name=\"unit_id\" value=\"",
      Escape(scope.unit_id), "\"></label>", "<label>Position type<select name=\"position_type\">",
      options, "</select></label><button type=\"submit\">Show</button></form>");
}

double Freshness(const DashboardPage& page) {
  double lag = 0;
  auto take = [&](const auto& section) {
    if (section.has_value() && section->ok()) {
      lag = std::max(lag, (*section)->freshness_lag_seconds());
    }
  };
  take(page.distribution);
  take(page.compliance);
  take(page.participation);
  return lag;
}

std::string DateText(const google::type::Date& date) {
  return absl::StrCat(date.year(), "-", date.month() < 10 ? "0" : "", date.month(), "-",
                      date.day() < 10 ? "0" : "", date.day());
}

}  // namespace

v1::GroupBy DashboardGroupBy(const DashboardScope& scope) {
  return scope.agency_id.empty() && scope.unit_id.empty() ? v1::GROUP_BY_AGENCY : v1::GROUP_BY_UNIT;
}

const std::vector<std::string>& PositionTypeChoices() {
  static const auto* const kChoices =
      new std::vector<std::string>{"JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR",
                                   "PENGAWAS",  "PELAKSANA", "FUNGSIONAL"};
  return *kChoices;
}

std::string RenderDashboard(const DashboardPage& page) {
  const DashboardScope& scope = page.scope;
  std::string out = absl::StrCat(
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<title>Kinerja analytics", scope.year > 0 ? absl::StrCat(" \u2013 ", scope.year) : "",
      "</title><style>", kStyle, "</style></head><body><header><h1>Kinerja analytics</h1>",
      "<p class=\"viewer\">",
      page.viewer.empty() ? "Public view: aggregates only. Sign in to see your agency's reports."
                          : absl::StrCat("Signed in: ", Escape(page.viewer)),
      "</p></header>", ScopeForm(scope));
  if (!page.notices.empty()) {
    out += "<div class=\"notices\">";
    for (const std::string& notice : page.notices) {
      absl::StrAppend(&out, "<p class=\"notice\" role=\"alert\">", Escape(notice), "</p>");
    }
    out += "</div>";
  }
  absl::StrAppend(
      &out, "<p class=\"meta\">Generated ",
      absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", page.generated_time, absl::UTCTimeZone()),
      page.distribution || page.compliance || page.participation
          ? absl::StrCat(" \u00b7 the read model is at most ", Decimal(Freshness(page), 1),
                         " s behind its producers")
          : "",
      "</p><main>");

  const std::string query = ScopeQuery(scope);
  out += RenderSection<v1::DistributionReport>(
      {"distribution", "Predicate distribution"}, page.distribution,
      [&](const v1::DistributionReport& r) {
        return absl::StrCat(
            Summary(absl::StrCat(GroupedInt(r.totals().total()), " finalised ",
                                 r.kind() == v1::ASSESSMENT_KIND_PERIODIC ? "periodic" : "annual",
                                 " predicates; Sangat Baik ", GroupedInt(r.totals().sangat_baik()),
                                 ".")),
            ChartAndTable(DistributionChart(r), DistributionTable(r)),
            Downloads(kDistribution,
                      ScopeQuery(scope, {{"group_by", EnumCode(DashboardGroupBy(scope))}})));
      });
  out += RenderSection<v1::ComplianceReport>(
      {"compliance", "Compliance with the organisation predicate bands"}, page.compliance,
      [&](const v1::ComplianceReport& r) {
        return absl::StrCat(
            Summary(absl::StrCat(r.units_breaking(), " of ", r.units_with_org_predicate(),
                                 " units with an organisation predicate break a band; ",
                                 r.units_without_org_predicate(),
                                 " units have staff assessments but no organisation predicate "
                                 "yet.")),
            ChartAndTable(ComplianceChart(r), ComplianceTable(r)), Downloads(kCompliance, query));
      });
  out += RenderSection<v1::ParticipationReport>(
      {"participation", "Participation"}, page.participation,
      [&](const v1::ParticipationReport& r) {
        return absl::StrCat(Summary(absl::StrCat("As of ", DateText(r.as_of()), ".")),
                            ChartAndTable(ParticipationChart(r), ParticipationTable(r)),
                            Downloads(kParticipation, query));
      });
  out += RenderSection<v1::TransparencyReport>(
      {"transparency", "Public transparency report"}, page.transparency,
      [&](const v1::TransparencyReport& r) {
        return absl::StrCat(
            Summary(absl::StrCat(r.agency_id().empty() ? "By agency" : "By top unit",
                                 "; groups with fewer than ", r.min_group_size(),
                                 " finalised assessments are not shown (", r.suppressed_groups(),
                                 " suppressed).")),
            ChartAndTable(TransparencyChart(r), TransparencyTable(r)),
            Downloads(kTransparency, QueryString({{"year", absl::StrCat(r.year())},
                                                  {"agency_id", r.agency_id()}})));
      });
  out += RenderSection<v1::GetStreamStatusResponse>(
      {"streams", "Event streams"}, page.streams, [&](const v1::GetStreamStatusResponse& r) {
        double worst = 0;
        int disconnected = 0;
        for (const v1::StreamStatus& stream : r.streams()) {
          worst = std::max(worst, stream.lag_seconds());
          disconnected += stream.connected() ? 0 : 1;
        }
        return absl::StrCat(
            Summary(absl::StrCat(r.streams_size(), " streams; the largest lag is ",
                                 Decimal(worst, 1), " s; ", disconnected, " disconnected.")),
            ChartAndTable(StreamLagChart(r), StreamTable(r)), Downloads(kStreamStatus, ""));
      });
  out +=
      "</main><footer>Charts are drawn by the server as SVG: this page loads nothing else and "
      "needs no scripts. Every chart's numbers are in its table and in the CSV and JSON "
      "downloads.</footer></body></html>\n";
  return out;
}

}  // namespace kinerja::analytics::web
