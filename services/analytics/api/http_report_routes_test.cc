#include "services/analytics/api/http_report_routes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "nlohmann/json.hpp"
#include "shared/auth/access_predicates.h"
#include "shared/auth/key_loader.h"
#include "shared/auth/mint_token.h"
#include "shared/auth/test_keys.h"
#include "shared/errors/errors.h"
#include "shared/log/log.h"

namespace kinerja::analytics::api {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kIssuer[] = "https://sso.example.go.id/realms/asn";
constexpr char kAudience[] = "kinerja";

// Reports as the core answers them, recording what each call was asked.
struct FakeReports {
  std::mutex mu;
  std::vector<std::string> calls;  // "distribution", ...
  v1::GetPredicateDistributionRequest last_distribution;
  auth::Principal last_caller;
  absl::Status fail = absl::OkStatus();  // answered by distribution when set
  int late_pages = 3;                    // pages of 2 entries

  void Record(const char* name, const auth::Principal& caller) {
    std::lock_guard lock(mu);
    calls.push_back(name);
    last_caller = caller;
  }

  ReportCalls Calls() {
    ReportCalls c;
    c.distribution = [this](const auth::Principal& caller,
                            const v1::GetPredicateDistributionRequest& request)
        -> absl::StatusOr<v1::DistributionReport> {
      Record("distribution", caller);
      if (auth::IsPublicOnly(caller)) return absl::PermissionDeniedError("public: aggregates only");
      if (!fail.ok()) return fail;
      {
        std::lock_guard lock(mu);
        last_distribution = request;
      }
      v1::DistributionReport report;
      *report.mutable_scope() = request.scope();
      report.mutable_totals()->set_sangat_baik(3);
      report.mutable_totals()->set_baik(10);
      report.mutable_totals()->set_total(13);
      auto* row = report.add_rows();
      row->set_group_id("U1");
      row->set_group_name("<script>alert(1)</script>");
      row->mutable_counts()->set_baik(10);
      row->mutable_counts()->set_sangat_baik(3);
      row->mutable_counts()->set_total(13);
      return report;
    };
    c.compliance = [this](const auth::Principal& caller,
                          const v1::GetComplianceRequest&) -> absl::StatusOr<v1::ComplianceReport> {
      Record("compliance", caller);
      v1::ComplianceReport report;
      report.set_units_breaking(1);
      return report;
    };
    c.participation =
        [this](const auth::Principal& caller,
               const v1::GetParticipationRequest&) -> absl::StatusOr<v1::ParticipationReport> {
      Record("participation", caller);
      v1::ParticipationReport report;
      report.set_plans(40);
      report.set_plans_approved(30);
      report.set_plans_approved_on_time(25);
      return report;
    };
    c.late_entries =
        [this](const auth::Principal& caller,
               const v1::ListLateEntriesRequest& r) -> absl::StatusOr<v1::ListLateEntriesResponse> {
      Record("late_entries", caller);
      int page = r.page_token().empty() ? 0 : std::stoi(r.page_token());
      v1::ListLateEntriesResponse response;
      for (int i = 0; i < 2; ++i) {
        response.add_entries()->set_name(absl::StrCat("E", page, "-", i, "-size", r.page_size()));
      }
      if (page + 1 < late_pages) response.set_next_page_token(absl::StrCat(page + 1));
      response.set_total_size(2 * late_pages);
      return response;
    };
    c.development_needs =
        [this](
            const auth::Principal& caller,
            const v1::GetDevelopmentNeedsRequest&) -> absl::StatusOr<v1::DevelopmentNeedsReport> {
      Record("development_needs", caller);
      return v1::DevelopmentNeedsReport();
    };
    c.recognition_candidates = [this](const auth::Principal& caller,
                                      const v1::ListRecognitionCandidatesRequest&)
        -> absl::StatusOr<v1::ListRecognitionCandidatesResponse> {
      Record("recognition_candidates", caller);
      return v1::ListRecognitionCandidatesResponse();
    };
    c.indicator_health =
        [this](const auth::Principal& caller,
               const v1::GetIndicatorHealthRequest&) -> absl::StatusOr<v1::IndicatorHealthReport> {
      Record("indicator_health", caller);
      return v1::IndicatorHealthReport();
    };
    c.rater_statistics = [this](const auth::Principal& caller,
                                const v1::ListRaterStatisticsRequest&)
        -> absl::StatusOr<v1::ListRaterStatisticsResponse> {
      Record("rater_statistics", caller);
      return v1::ListRaterStatisticsResponse();
    };
    c.trends = [this](const auth::Principal& caller,
                      const v1::GetTrendsRequest&) -> absl::StatusOr<v1::TrendsReport> {
      Record("trends", caller);
      return v1::TrendsReport();
    };
    c.transparency = [this](const v1::GetTransparencyReportRequest& request)
        -> absl::StatusOr<v1::TransparencyReport> {
      Record("transparency", auth::Principal());
      v1::TransparencyReport report;
      report.set_year(request.year());
      report.set_min_group_size(5);
      auto* group = report.add_groups();
      group->set_name("Kota A");
      group->mutable_counts()->set_baik(8);
      group->mutable_counts()->set_total(8);
      *report.mutable_total() = *group;
      return report;
    };
    c.stream_status =
        [this](const auth::Principal& caller) -> absl::StatusOr<v1::GetStreamStatusResponse> {
      Record("stream_status", caller);
      if (auth::IsPublicOnly(caller)) return absl::PermissionDeniedError("operators only");
      v1::GetStreamStatusResponse response;
      auto* stream = response.add_streams();
      stream->set_name("analytics.review");
      stream->set_lag_seconds(1.5);
      stream->set_connected(true);
      return response;
    };
    return c;
  }
};

class HttpReportRoutesTest : public ::testing::Test {
 protected:
  HttpReportRoutesTest()
      : signer_(auth::testing::SignerFor(auth::testing::EcP256PrivatePem(), "k1")) {
    auto keys = auth::ParseJwks(*signer_.PublicJwks());
    EXPECT_TRUE(keys.ok()) << keys.status();
    auth::JwtVerifier::Options options;
    options.issuer = kIssuer;
    options.audience = kAudience;
    verifier_ = *auth::JwtVerifier::Create(std::move(options), *std::move(keys));
    log::SetSink([this](std::string_view line) {
      std::lock_guard lock(log_mu_);
      log_ += std::string(line) + "\n";
    });
  }
  ~HttpReportRoutesTest() override {
    if (server_) server_->Stop();
    log::SetSink(nullptr);
  }

  void Start(HttpRouteOptions options = {}) {
    server_ = std::make_unique<http::HttpServer>();
    options.now = [] { return absl::FromUnixSeconds(1735689600); };  // 2025-01-01 00:00 UTC
    AddReportRoutes(*server_, fake_.Calls(), *verifier_, std::move(options));
    ASSERT_TRUE(server_->Start("127.0.0.1", 0).ok());
  }

  std::string Token(std::vector<std::string> roles = {"hr_admin"}, std::string agency = "AG1") {
    auth::TokenClaims claims;
    claims.issuer = kIssuer;
    claims.audience = kAudience;
    claims.subject = "officer-1";
    claims.roles = std::move(roles);
    claims.agency_id = std::move(agency);
    return *auth::MintToken(signer_, claims, absl::Now());
  }

  httplib::Result Get(const std::string& path, httplib::Headers headers = {}) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(10, 0);
    return client.Get(path, headers);
  }
  httplib::Headers Bearer() { return {{"Authorization", "Bearer " + Token()}}; }

  std::string Log() {
    std::lock_guard lock(log_mu_);
    return log_;
  }

  auth::JwtSigner signer_;
  std::unique_ptr<auth::JwtVerifier> verifier_;
  FakeReports fake_;
  std::unique_ptr<http::HttpServer> server_;
  std::mutex log_mu_;
  std::string log_;
};

nlohmann::json Json(const httplib::Result& result) { return nlohmann::json::parse(result->body); }

std::string ErrorField(const httplib::Result& result) {
  const nlohmann::json body = Json(result);
  for (const auto& detail : body["error"]["details"]) {
    if (detail["@type"] == "type.googleapis.com/google.rpc.BadRequest") {
      return detail["fieldViolations"][0]["field"];
    }
  }
  return "";
}

TEST_F(HttpReportRoutesTest, JsonWithBearerToken) {
  Start();
  auto result =
      Get("/api/v1/distribution?year=2024&agency_id=AG1&group_by=unit&kind=annual", Bearer());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(result->get_header_value("Cache-Control"), "no-store");
  EXPECT_FALSE(result->get_header_value("X-Request-Id").empty());
  nlohmann::json body = Json(result);
  EXPECT_EQ(body["totals"]["sangatBaik"], "3");
  EXPECT_EQ(body["rows"][0]["groupName"], "<script>alert(1)</script>");  // JSON, not HTML
  EXPECT_EQ(fake_.last_caller.subject, "officer-1");
  EXPECT_EQ(fake_.last_distribution.scope().year(), 2024);
  EXPECT_EQ(fake_.last_distribution.scope().agency_id(), "AG1");
  EXPECT_EQ(fake_.last_distribution.group_by(), v1::GROUP_BY_UNIT);
  EXPECT_EQ(fake_.last_distribution.kind(), v1::ASSESSMENT_KIND_ANNUAL);
}

TEST_F(HttpReportRoutesTest, CookieTokenForTheBrowser) {
  Start();
  auto result = Get("/api/v1/distribution?year=2024",
                    {{"Cookie", "theme=dark; kinerja_token=" + Token() + "; other=1"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(fake_.last_caller.subject, "officer-1");
}

TEST_F(HttpReportRoutesTest, CsvByFormatOrSuffix) {
  Start();
  for (const char* path :
       {"/api/v1/distribution?year=2024&format=csv", "/api/v1/distribution.csv?year=2024"}) {
    auto result = Get(path, Bearer());
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200) << path << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/csv; charset=utf-8; header=present");
    EXPECT_EQ(result->get_header_value("Content-Disposition"),
              "attachment; filename=\"kinerja-distribution-2024.csv\"");
    EXPECT_THAT(result->body,
                StartsWith("\xEF\xBB\xBFgroup_id,group_name,Sangat Baik,Baik,Butuh Perbaikan,"
                           "Kurang/Misconduct,Sangat Kurang,total\r\n"));
    EXPECT_THAT(result->body, HasSubstr("\r\n,Total,3,10,0,0,0,13\r\n"));
  }
  auto contradiction = Get("/api/v1/distribution.csv?format=json", Bearer());
  EXPECT_EQ(contradiction->status, 400);
  EXPECT_EQ(ErrorField(contradiction), "format");
}

TEST_F(HttpReportRoutesTest, EveryReportHasBothRoutes) {
  Start();
  for (const char* report : {"distribution", "compliance", "participation", "late-entries",
                             "development-needs", "recognition-candidates", "indicator-health",
                             "rater-statistics", "trends", "transparency", "stream-status"}) {
    for (const char* suffix : {"", ".csv"}) {
      auto result = Get(absl::StrCat("/api/v1/", report, suffix), Bearer());
      ASSERT_TRUE(result) << report;
      EXPECT_EQ(result->status, 200) << report << suffix << ": " << result->body;
      EXPECT_EQ(result->get_header_value("Content-Type"),
                *suffix ? "text/csv; charset=utf-8; header=present" : "application/json")
          << report;
    }
  }
}

TEST_F(HttpReportRoutesTest, NoTokenIsThePublic) {
  Start();
  // The report refuses the public; without a token that means "sign in" (401), not 403.
  auto denied = Get("/api/v1/distribution?year=2024");
  EXPECT_EQ(denied->status, 401);
  EXPECT_EQ(Json(denied)["error"]["status"], "UNAUTHENTICATED");
  EXPECT_EQ(denied->get_header_value("WWW-Authenticate"), "Bearer realm=\"kinerja\"");
  EXPECT_TRUE(auth::IsPublicOnly(fake_.last_caller));
  // A signed-in caller the report refuses gets 403.
  auto forbidden =
      Get("/api/v1/distribution?year=2024", {{"Authorization", "Bearer " + Token({"public"}, "")}});
  EXPECT_EQ(forbidden->status, 403);
  EXPECT_EQ(Json(forbidden)["error"]["status"], "PERMISSION_DENIED");
  auto transparency = Get("/api/v1/transparency?year=2024");
  EXPECT_EQ(transparency->status, 200) << transparency->body;
  EXPECT_EQ(Json(transparency)["year"], 2024);
}

TEST_F(HttpReportRoutesTest, BadTokensAreUnauthenticated) {
  Start();
  for (const httplib::Headers& headers :
       std::vector<httplib::Headers>{{{"Authorization", "Bearer not.a.token"}},
                                     {{"Authorization", "Basic dXNlcjpwYXNz"}},
                                     {{"Cookie", "kinerja_token=garbage"}}}) {
    auto result = Get("/api/v1/transparency?year=2024", headers);
    EXPECT_EQ(result->status, 401) << result->body;
    EXPECT_EQ(result->get_header_value("WWW-Authenticate"), "Bearer realm=\"kinerja\"");
  }
  EXPECT_TRUE(fake_.calls.empty());
}

TEST_F(HttpReportRoutesTest, BadParametersAreNamed) {
  Start();
  auto year = Get("/api/v1/distribution?year=abc", Bearer());
  EXPECT_EQ(year->status, 400);
  EXPECT_EQ(ErrorField(year), "year");
  auto unknown = Get("/api/v1/compliance?agency=AG1", Bearer());
  EXPECT_EQ(unknown->status, 400);
  EXPECT_EQ(ErrorField(unknown), "agency");
  // Invalid UTF-8 is refused as the gRPC edge refuses it.
  auto utf8 = Get("/api/v1/distribution?agency_id=%FF%FE", Bearer());
  EXPECT_EQ(utf8->status, 400) << utf8->body;
  EXPECT_THAT(ErrorField(utf8), HasSubstr("agency_id"));
  EXPECT_TRUE(fake_.calls.empty());
}

TEST_F(HttpReportRoutesTest, ReportErrorsMapToHttp) {
  Start();
  fake_.fail = errors::InvalidField("scope.year", "must be between 2000 and 2100");
  auto invalid = Get("/api/v1/distribution?year=1900", Bearer());
  EXPECT_EQ(invalid->status, 400);
  EXPECT_EQ(ErrorField(invalid), "year");
  fake_.fail = errors::NotFound("unit", "U9");
  EXPECT_EQ(Get("/api/v1/distribution?unit_id=U9", Bearer())->status, 404);
  fake_.fail = absl::UnavailableError("database unreachable");
  EXPECT_EQ(Get("/api/v1/distribution", Bearer())->status, 503);
  fake_.fail = absl::InternalError("pq: secret detail");
  auto internal = Get("/api/v1/distribution", Bearer());
  EXPECT_EQ(internal->status, 500);
  EXPECT_THAT(internal->body, Not(HasSubstr("secret detail")));
  EXPECT_THAT(Log(), HasSubstr("secret detail"));  // but it is logged
}

TEST_F(HttpReportRoutesTest, CsvOfAListGathersItsPages) {
  Start();
  auto all = Get("/api/v1/late-entries.csv?year=2024", Bearer());
  ASSERT_EQ(all->status, 200) << all->body;
  std::vector<std::string> lines = absl::StrSplit(all->body, "\r\n", absl::SkipEmpty());
  EXPECT_EQ(lines.size(), 1u + 6u);  // header + 3 pages of 2
  EXPECT_THAT(all->body, HasSubstr("E2-1-size500"));
  EXPECT_EQ(all->get_header_value("X-Next-Page-Token"), "");
  // JSON, or a page asked for, is one page.
  auto json = Get("/api/v1/late-entries?year=2024", Bearer());
  EXPECT_EQ(Json(json)["entries"].size(), 2u);
  EXPECT_EQ(Json(json)["nextPageToken"], "1");
  auto page = Get("/api/v1/late-entries.csv?year=2024&page_token=2", Bearer());
  EXPECT_THAT(page->body, HasSubstr("E2-0-size0"));
  EXPECT_THAT(page->body, Not(HasSubstr("E0-")));
}

TEST_F(HttpReportRoutesTest, CsvOfAListStopsAtTheRowLimit) {
  HttpRouteOptions options;
  options.csv_max_rows = 3;
  Start(options);
  auto capped = Get("/api/v1/late-entries.csv", Bearer());
  ASSERT_EQ(capped->status, 200);
  std::vector<std::string> lines = absl::StrSplit(capped->body, "\r\n", absl::SkipEmpty());
  EXPECT_EQ(lines.size(), 1u + 4u);
  EXPECT_EQ(capped->get_header_value("X-Next-Page-Token"), "2");
}

TEST_F(HttpReportRoutesTest, DashboardForTheSignedIn) {
  Start();
  auto result = Get("/dashboard?year=2024&agency_id=AG1", {{"Cookie", "kinerja_token=" + Token()}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_THAT(result->get_header_value("Content-Security-Policy"),
              AllOf(HasSubstr("default-src 'none'"), Not(HasSubstr("script-src"))));
  const std::string& html = result->body;
  for (const char* chart : {"distribution-chart", "compliance-chart", "participation-chart",
                            "transparency-chart", "streams-chart"}) {
    EXPECT_THAT(html, HasSubstr(absl::StrCat("id=\"", chart, "\""))) << chart;
  }
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("Signed in: officer-1 (hr_admin, agency AG1)"));
  EXPECT_EQ(fake_.last_distribution.group_by(), v1::GROUP_BY_UNIT);
  EXPECT_EQ(fake_.last_distribution.scope().agency_id(), "AG1");
}

TEST_F(HttpReportRoutesTest, DashboardForThePublic) {
  Start();
  auto result = Get("/dashboard");
  ASSERT_EQ(result->status, 200);
  const std::string& html = result->body;
  EXPECT_THAT(html, HasSubstr("Public view: aggregates only."));
  EXPECT_THAT(html, HasSubstr("id=\"transparency-chart\""));
  EXPECT_THAT(html, Not(HasSubstr("id=\"distribution\"")));
  // Refused to the public by the access rules: left out, not shown as an error.
  EXPECT_THAT(html, Not(HasSubstr("id=\"streams\"")));
  // The default year is this year in Jakarta.
  EXPECT_THAT(html, HasSubstr("name=\"year\" min=\"2000\" max=\"2100\" value=\"2025\""));
  for (const std::string& call : fake_.calls) {
    EXPECT_TRUE(call == "transparency" || call == "stream_status") << call;
  }
}

TEST_F(HttpReportRoutesTest, DashboardWithARejectedTokenFallsBackToPublic) {
  Start();
  auto result = Get("/dashboard?year=2024&bogus=1", {{"Cookie", "kinerja_token=expired"}});
  ASSERT_EQ(result->status, 200);
  EXPECT_THAT(result->body, HasSubstr("Your sign-in was not accepted"));
  EXPECT_THAT(result->body, HasSubstr("The scope was not understood: bogus:"));
  EXPECT_THAT(result->body, HasSubstr("Public view"));
}

TEST_F(HttpReportRoutesTest, TokensAndQueriesStayOutOfTheLog) {
  Start();
  const std::string token = Token();
  Get("/api/v1/distribution?year=abc&agency_id=SECRETQUERY",
      {{"Authorization", "Bearer " + token}});
  Get("/api/v1/distribution?year=2024", {{"Authorization", "Bearer " + token + "x"}});
  Get("/dashboard?agency_id=SECRETQUERY", {{"Cookie", "kinerja_token=" + token + "x"}});
  const std::string log = Log();
  EXPECT_THAT(log, HasSubstr("http request failed"));
  EXPECT_THAT(log, Not(HasSubstr(token.substr(token.size() - 20))));
  EXPECT_THAT(log, Not(HasSubstr("SECRETQUERY")));
}

TEST_F(HttpReportRoutesTest, RequestIdIsEchoed) {
  Start();
  auto result = Get("/api/v1/transparency", {{"X-Request-Id", "req-123"}});
  EXPECT_EQ(result->get_header_value("X-Request-Id"), "req-123");
}

}  // namespace
}  // namespace kinerja::analytics::api
