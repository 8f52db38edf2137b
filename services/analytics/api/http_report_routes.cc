#include "services/analytics/api/http_report_routes.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "services/analytics/api/http_auth.h"
#include "services/analytics/api/http_errors.h"
#include "services/analytics/api/http_query.h"
#include "services/analytics/web/csv_writer.h"
#include "services/analytics/web/dashboard.h"
#include "services/analytics/web/paths.h"
#include "services/analytics/web/report_csv.h"
#include "services/analytics/web/report_json.h"
#include "shared/auth/access_predicates.h"
#include "shared/auth/roles.h"
#include "shared/context/call_scope.h"
#include "shared/context/trace_context.h"
#include "shared/errors/errors.h"
#include "shared/log/log.h"
#include "shared/log/request_id.h"
#include "shared/server/request_strings.h"

namespace kinerja::analytics::api {
namespace {

// The contract's largest page (analytics_service.proto: page_size max 500).
constexpr int kMaxPageSize = 500;

// Western Indonesian Time (WIB, UTC+7, no daylight saving): the dashboard's default year.
const absl::TimeZone kJakarta = absl::FixedTimeZone(7 * 60 * 60);

struct State {
  ReportCalls calls;
  const auth::JwtVerifier* verifier;
  HttpRouteOptions options;
};

std::string RequestIdOf(const http::Request& request) {
  std::string id = request.Header("X-Request-Id");
  return log::IsAcceptableRequestId(id) ? id : log::NewRequestId();
}

context::CallScope CallScopeOf(const http::Request& request, const HttpRouteOptions& options) {
  context::CallScope scope;
  scope.deadline = absl::Now() + options.request_timeout;
  scope.traceparent = context::ContinueTrace(request.Header("traceparent")).ToString();
  return scope;
}

// One request on this thread: its request id (log lines) and deadline (database work), and
// how it ends: the headers every answer carries, and a failure logged without the query string.
class RequestScope {
 public:
  RequestScope(const http::Request& request, const HttpRouteOptions& options)
      : request_id_(RequestIdOf(request)),
        scoped_id_(request_id_),
        scoped_call_(CallScopeOf(request, options)) {}

  http::Response Finish(absl::StatusOr<http::Response> answer, absl::string_view route,
                        const auth::Principal& caller) {
    http::Response response;
    if (answer.ok()) {
      response = *std::move(answer);
    } else {
      Log(answer.status(), route, caller);
      response = ErrorResponse(answer.status());
    }
    bool has_cache_control = false;
    for (const auto& [name, value] : response.headers) has_cache_control |= name == "Cache-Control";
    if (!has_cache_control) response.headers.emplace_back("Cache-Control", "no-store");
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back("X-Request-Id", request_id_);
    return response;
  }

  static void Log(const absl::Status& status, absl::string_view route,
                  const auth::Principal& caller) {
    const int http_status = HttpStatusOf(status.code());
    log::Log(http_status >= 500 ? log::Level::kError : log::Level::kInfo, "http request failed",
             {{"route", std::string(route)},
              {"status", static_cast<int64_t>(http_status)},
              {"code", absl::StatusCodeToString(status.code())},
              {"error", std::string(status.message())},
              {"subject", caller.subject}});
  }

 private:
  const std::string request_id_;
  log::ScopedRequestId scoped_id_;
  context::ScopedCall scoped_call_;
};

// csv: the ".csv" path or format=csv (format=json on a ".csv" path is a contradiction).
absl::StatusOr<bool> CsvWanted(const http::Request& request, bool csv_path) {
  ASSIGN_OR_RETURN(bool csv, WantsCsv(request.query));
  if (csv_path && !csv && !request.QueryValue("format").empty()) {
    return errors::InvalidField("format", "a .csv path answers CSV only");
  }
  return csv || csv_path;
}

template <typename Request>
std::string FileSuffix(const Request& request) {
  int year = 0;
  if constexpr (requires { request.scope(); }) {
    year = request.scope().year();
  } else if constexpr (requires { request.year(); }) {
    year = request.year();
  }
  return year > 0 ? absl::StrCat("-", year) : "";
}

template <typename Report>
absl::StatusOr<http::Response> JsonAnswer(const Report& report) {
  ASSIGN_OR_RETURN(std::string json, web::ReportJson(report));
  http::Response response;
  response.content_type = "application/json";
  response.body = std::move(json);
  return response;
}

template <typename Report>
http::Response CsvAnswer(const Report& report, std::string csv, absl::string_view name,
                         const std::string& suffix) {
  http::Response response;
  response.content_type = "text/csv; charset=utf-8; header=present";
  response.body = absl::StrCat(web::kUtf8ByteOrderMark, csv);
  response.headers.emplace_back(
      "Content-Disposition",
      absl::StrCat("attachment; filename=\"kinerja-", name, suffix, ".csv\""));
  if constexpr (requires { report.next_page_token(); }) {
    if (!report.next_page_token().empty()) {
      response.headers.emplace_back("X-Next-Page-Token", report.next_page_token());
    }
  }
  return response;
}

// A list report's pages, gathered for a CSV download up to `max_rows` rows (see
// HttpRouteOptions::csv_max_rows), or the one page asked for.
template <typename Request, typename Report, typename Rows>
absl::StatusOr<Report> Pages(const ReportCall<Request, Report>& call, const auth::Principal& caller,
                             Request request, bool csv, int max_rows, Rows* (Report::*rows)()) {
  if (!csv || request.page_size() != 0 || !request.page_token().empty()) {
    return call(caller, request);
  }
  request.set_page_size(kMaxPageSize);
  Report all;
  for (bool first = true;; first = false) {
    ASSIGN_OR_RETURN(Report page, call(caller, request));
    if (first) {
      all = std::move(page);
    } else {
      for (auto& row : *(page.*rows)()) *(all.*rows)()->Add() = std::move(row);
      all.set_next_page_token(page.next_page_token());
    }
    if (all.next_page_token().empty() || (all.*rows)()->size() >= max_rows) return all;
    request.set_page_token(all.next_page_token());
  }
}

template <typename Request, typename Report>
using Fetch = std::function<absl::StatusOr<Report>(const State& state, const auth::Principal&,
                                                   const Request&, bool csv)>;

// GET /api/v1/<name> and /api/v1/<name>.csv.
template <typename Request, typename Report>
void AddReport(http::HttpServer& server, std::shared_ptr<const State> state, absl::string_view name,
               absl::StatusOr<Request> (*parse)(const Query&), Fetch<Request, Report> fetch,
               std::string (*to_csv)(const Report&)) {
  const std::string route(name);
  auto handle = [state, route, parse, fetch, to_csv](const http::Request& request,
                                                     bool csv_path) -> http::Response {
    RequestScope scope(request, state->options);
    auth::Principal caller = PublicPrincipal();
    absl::StatusOr<http::Response> answer = [&]() -> absl::StatusOr<http::Response> {
      ASSIGN_OR_RETURN(caller, Authenticate(request, *state->verifier));
      ASSIGN_OR_RETURN(bool csv, CsvWanted(request, csv_path));
      ASSIGN_OR_RETURN(Request parsed, parse(request.query));
      RETURN_IF_ERROR(server::CheckRequestStrings(parsed));
      absl::StatusOr<Report> fetched = fetch(*state, caller, parsed, csv);
      if (!fetched.ok()) {
        return SendsCredentials(request) ? fetched.status() : AskToSignIn(fetched.status());
      }
      const Report& report = *fetched;
      if (!csv) return JsonAnswer(report);
      return CsvAnswer(report, to_csv(report), route, FileSuffix(parsed));
    }();
    return scope.Finish(std::move(answer), route, caller);
  };
  server.Get(absl::StrCat(web::kApiPrefix, name),
             [handle](const http::Request& request) { return handle(request, false); });
  server.Get(absl::StrCat(web::kApiPrefix, name, ".csv"),
             [handle](const http::Request& request) { return handle(request, true); });
}

// A report whose call is `member` of ReportCalls, one page as asked.
template <typename Request, typename Report>
Fetch<Request, Report> Simple(ReportCall<Request, Report> ReportCalls::*member) {
  return [member](const State& state, const auth::Principal& caller, const Request& request, bool) {
    return (state.calls.*member)(caller, request);
  };
}

template <typename Request, typename Report, typename Rows>
Fetch<Request, Report> Listed(ReportCall<Request, Report> ReportCalls::*member,
                              Rows* (Report::*rows)()) {
  return [member, rows](const State& state, const auth::Principal& caller, const Request& request,
                        bool csv) {
    return Pages(state.calls.*member, caller, request, csv, state.options.csv_max_rows, rows);
  };
}

// "someone (hr_admin, agency A1)".
std::string Viewer(const auth::Principal& caller) {
  std::vector<std::string> roles;
  for (auth::Role role : caller.roles) roles.emplace_back(auth::RoleName(role));
  std::string out = absl::StrCat(caller.subject, " (", absl::StrJoin(roles, ", "));
  if (!caller.agency_id.empty()) absl::StrAppend(&out, ", agency ", caller.agency_id);
  return out + ")";
}

// The dashboard reads the reports the caller may read and shows each section's outcome; the
// page itself fails only for what it cannot render at all.
http::Response Dashboard(const State& state, const http::Request& request) {
  RequestScope scope(request, state.options);
  web::DashboardPage page;
  page.generated_time = state.options.now();
  auth::Principal caller = PublicPrincipal();
  if (absl::StatusOr<auth::Principal> signed_in = Authenticate(request, *state.verifier);
      signed_in.ok()) {
    caller = *std::move(signed_in);
  } else {
    RequestScope::Log(signed_in.status(), web::kDashboardPath, caller);
    page.notices.push_back(absl::StrCat("Your sign-in was not accepted (",
                                        signed_in.status().message(),
                                        "): this is the public view."));
  }
  v1::ReportScope report_scope;
  if (absl::StatusOr<v1::ReportScope> asked = DashboardScopeOf(request.query); asked.ok()) {
    report_scope = *std::move(asked);
  } else {
    page.notices.push_back(absl::StrCat("The scope was not understood: ",
                                        NameQueryParameters(asked.status()).message()));
  }
  if (report_scope.year() == 0) {
    report_scope.set_year(absl::ToCivilYear(page.generated_time, kJakarta).year());
  }
  if (absl::Status strings = server::CheckRequestStrings(report_scope); !strings.ok()) {
    page.notices.push_back(absl::StrCat("The scope was not understood: ", strings.message()));
    report_scope.Clear();
    report_scope.set_year(absl::ToCivilYear(page.generated_time, kJakarta).year());
  }
  page.scope = {.year = report_scope.year(),
                .agency_id = report_scope.agency_id(),
                .unit_id = report_scope.unit_id(),
                .position_type = report_scope.position_type()};

  const bool public_only = auth::IsPublicOnly(caller);
  if (!public_only) {
    page.viewer = Viewer(caller);
    v1::GetPredicateDistributionRequest distribution;
    *distribution.mutable_scope() = report_scope;
    distribution.set_kind(v1::ASSESSMENT_KIND_ANNUAL);
    distribution.set_group_by(web::DashboardGroupBy(page.scope));
    page.distribution = state.calls.distribution(caller, distribution);
    v1::GetComplianceRequest compliance;
    *compliance.mutable_scope() = report_scope;
    page.compliance = state.calls.compliance(caller, compliance);
    v1::GetParticipationRequest participation;
    *participation.mutable_scope() = report_scope;
    page.participation = state.calls.participation(caller, participation);
  }
  v1::GetTransparencyReportRequest transparency;
  transparency.set_year(report_scope.year());
  transparency.set_agency_id(report_scope.agency_id());
  page.transparency = state.calls.transparency(transparency);
  absl::StatusOr<v1::GetStreamStatusResponse> streams = state.calls.stream_status(caller);
  // The public sees the streams only if the access rules let it (the section is left out
  // rather than shown as refused).
  if (!(public_only && streams.status().code() == absl::StatusCode::kPermissionDenied)) {
    page.streams = std::move(streams);
  }
  for (const absl::Status& status :
       {page.distribution ? page.distribution->status() : absl::OkStatus(),
        page.compliance ? page.compliance->status() : absl::OkStatus(),
        page.participation ? page.participation->status() : absl::OkStatus(),
        page.transparency->status(), page.streams ? page.streams->status() : absl::OkStatus()}) {
    if (!status.ok()) RequestScope::Log(status, web::kDashboardPath, caller);
  }

  http::Response response;
  response.content_type = "text/html; charset=utf-8";
  response.body = web::RenderDashboard(page);
  // Defence in depth behind the escaping: the page may load nothing and run no script.
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'; "
                                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  return scope.Finish(std::move(response), web::kDashboardPath, caller);
}

}  // namespace

void AddReportRoutes(http::HttpServer& server, ReportCalls calls, const auth::JwtVerifier& verifier,
                     HttpRouteOptions options) {
  auto state = std::make_shared<const State>(
      State{.calls = std::move(calls), .verifier = &verifier, .options = std::move(options)});
  using C = ReportCalls;
  AddReport(server, state, web::kDistribution, &DistributionRequest, Simple(&C::distribution),
            &web::DistributionCsv);
  AddReport(server, state, web::kCompliance, &ComplianceRequest, Simple(&C::compliance),
            &web::ComplianceCsv);
  AddReport(server, state, web::kParticipation, &ParticipationRequest, Simple(&C::participation),
            &web::ParticipationCsv);
  AddReport(server, state, web::kLateEntries, &LateEntriesRequest,
            Listed(&C::late_entries, &v1::ListLateEntriesResponse::mutable_entries),
            &web::LateEntriesCsv);
  AddReport(server, state, web::kDevelopmentNeeds, &DevelopmentNeedsRequest,
            Simple(&C::development_needs), &web::DevelopmentNeedsCsv);
  AddReport(server, state, web::kRecognitionCandidates, &RecognitionCandidatesRequest,
            Listed(&C::recognition_candidates,
                   &v1::ListRecognitionCandidatesResponse::mutable_candidates),
            &web::RecognitionCandidatesCsv);
  AddReport(server, state, web::kIndicatorHealth, &IndicatorHealthRequest,
            Simple(&C::indicator_health), &web::IndicatorHealthCsv);
  AddReport(server, state, web::kRaterStatistics, &RaterStatisticsRequest,
            Listed(&C::rater_statistics, &v1::ListRaterStatisticsResponse::mutable_raters),
            &web::RaterStatisticsCsv);
  AddReport(server, state, web::kTrends, &TrendsRequest, Simple(&C::trends), &web::TrendsCsv);
  AddReport<v1::GetTransparencyReportRequest, v1::TransparencyReport>(
      server, state, web::kTransparency, &TransparencyRequest,
      [](const State& s, const auth::Principal&, const v1::GetTransparencyReportRequest& request,
         bool) { return s.calls.transparency(request); },
      &web::TransparencyCsv);
  AddReport<v1::GetStreamStatusRequest, v1::GetStreamStatusResponse>(
      server, state, web::kStreamStatus, &StreamStatusRequest,
      [](const State& s, const auth::Principal& caller, const v1::GetStreamStatusRequest&, bool) {
        return s.calls.stream_status(caller);
      },
      &web::StreamStatusCsv);
  server.Get(std::string(web::kDashboardPath),
             [state](const http::Request& request) { return Dashboard(*state, request); });
}

}  // namespace kinerja::analytics::api
