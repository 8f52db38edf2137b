#include "shared/http/http_server.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "shared/log/log.h"

namespace kinerja::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Routes like a service's: metrics text, and a JSON route with a path parameter and a query.
std::unique_ptr<HttpServer> StartServer(ServerOptions options = {}) {
  auto server = std::make_unique<HttpServer>(options);
  server->Get("/metrics", [](const Request&) {
    return Response{.content_type = "text/plain; version=0.0.4; charset=utf-8", .body = "up 1\n"};
  });
  server->Get("/api/units/:unit_id/summary", [](const Request& r) {
    return Response{.content_type = "application/json",
                    .body = absl::StrCat("{\"unit\":\"", r.path_params.at("unit_id"),
                                         "\",\"year\":\"", r.QueryValue("year"), "\"}")};
  });
  server->Get("/boom", [](const Request&) -> Response { throw std::runtime_error("secret"); });
  // Echoes what a handler sees of the request's headers and cookies.
  server->Get("/echo", [](const Request& r) {
    return Response{.body = absl::StrCat(
                        "trace=", r.Header("x-trace-id"), "\n", "TRACE=", r.Header("X-TRACE-ID"),
                        "\n", "auth=", r.Header("Authorization"), "\n",
                        "missing=", r.Header("X-Missing"), "\n", "session=", r.Cookie("session"),
                        "\n", "theme=", r.Cookie("theme"), "\n", "Session=", r.Cookie("Session"),
                        "\n", "empty=", r.Cookie("empty"), "\n")};
  });
  // A CSV download with its own headers, one of them refused.
  server->Get("/export.csv", [](const Request& r) {
    return Response{.content_type = "text/csv; charset=utf-8",
                    .body = "nip,predikat\n1,baik\n",
                    .headers = {{"Content-Disposition", "attachment; filename=\"skp-2026.csv\""},
                                {"Cache-Control", "no-store"},
                                {"X-Injected", "a\r\nSet-Cookie: stolen=1"},
                                {"Bad Name", "x"},
                                {"Content-Type", "text/html"},
                                {"X-Year", r.QueryValue("year")}}};
  });
  EXPECT_TRUE(server->Start("127.0.0.1", 0).ok());
  EXPECT_GT(server->port(), 0);
  return server;
}

httplib::Client ClientFor(const HttpServer& server) {
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(5, 0);
  return client;
}

TEST(HttpServerTest, ServesRegisteredRoutes) {
  auto server = StartServer();
  auto client = ClientFor(*server);
  auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_EQ(metrics->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(metrics->body, "up 1\n");

  auto json = client.Get("/api/units/U%2D7/summary?year=2026&year=2027");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->status, 200);
  EXPECT_EQ(json->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(json->body, R"({"unit":"U-7","year":"2026"})");

  auto head = client.Head("/metrics");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->body, "");
}

TEST(HttpServerTest, UnknownPathsAnd404) {
  auto server = StartServer();
  auto client = ClientFor(*server);
  auto missing = client.Get("/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body, "not found\n");
  auto partial = client.Get("/api/units/U-7");
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->status, 404);
}

TEST(HttpServerTest, ThrowingHandlerGives500WithoutItsMessage) {
  auto server = StartServer();
  auto client = ClientFor(*server);
  auto boom = client.Get("/boom");
  ASSERT_TRUE(boom);
  EXPECT_EQ(boom->status, 500);
  for (const auto& [name, value] : boom->headers) EXPECT_THAT(value, Not(HasSubstr("secret")));
  EXPECT_THAT(boom->body, Not(HasSubstr("secret")));
  auto after = client.Get("/metrics");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST(HttpServerTest, SilentClientDoesNotBlockOthers) {
  auto server = StartServer();
  int silent = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(silent, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ::send(silent, "GET /met", 8, MSG_NOSIGNAL);  // never finishes its request

  absl::Time start = absl::Now();
  auto client = ClientFor(*server);
  auto reply = client.Get("/metrics");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_LT(absl::Now() - start, absl::Milliseconds(800));
  ::close(silent);
}

TEST(HttpServerTest, StopIsPromptAndIdempotent) {
  auto server = StartServer();
  const int port = server->port();
  {
    auto client = ClientFor(*server);
    ASSERT_TRUE(client.Get("/metrics"));  // leaves a kept-alive connection behind
  }
  absl::Time start = absl::Now();
  server->Stop();
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));
  server->Stop();
  httplib::Client after("127.0.0.1", port);
  after.set_connection_timeout(1, 0);
  EXPECT_FALSE(after.Get("/metrics"));
}

TEST(HttpServerTest, StopRightAfterStartDoesNotHang) {
  for (int i = 0; i < 20; ++i) {
    HttpServer server;
    ASSERT_TRUE(server.Start("127.0.0.1", 0).ok());
    server.Stop();
  }
}

TEST(HttpServerTest, StartFailsOnBusyPortOrBadHost) {
  auto first = StartServer();
  HttpServer second;
  absl::Status busy = second.Start("127.0.0.1", first->port());
  EXPECT_FALSE(busy.ok());
  EXPECT_THAT(busy.message(), HasSubstr(absl::StrCat("127.0.0.1:", first->port())));
  HttpServer third;
  EXPECT_FALSE(third.Start("no-such-host.invalid", 0).ok());
}

TEST(HttpServerTest, HandlersSeeHeadersWhateverTheirCaseAndCookies) {
  auto server = StartServer();
  auto client = ClientFor(*server);
  httplib::Headers headers = {
      {"x-Trace-Id", "t-1"},
      {"Authorization", "Bearer abc"},
      {"Cookie", "theme=dark; session=\"s-42\""},
      {"Cookie", "other=1;empty=; session=second"},
  };
  auto echo = client.Get("/echo", headers);
  ASSERT_TRUE(echo);
  EXPECT_EQ(echo->status, 200);
  EXPECT_EQ(echo->body,
            "trace=t-1\nTRACE=t-1\nauth=Bearer abc\nmissing=\n"
            "session=s-42\ntheme=dark\nSession=\nempty=\n");
}

TEST(HttpServerTest, ResponsesCarryTheirOwnHeadersButNeverASplitOne) {
  std::vector<std::string> dropped;
  absl::Mutex mu;
  log::SetSink([&](std::string_view line) {
    absl::MutexLock lock(&mu);
    if (line.find("unacceptable response header") != line.npos) dropped.emplace_back(line);
  });
  auto server = StartServer();
  auto client = ClientFor(*server);
  auto csv = client.Get("/export.csv?year=2026");
  log::SetSink(nullptr);
  {
    absl::MutexLock lock(&mu);
    ASSERT_EQ(dropped.size(), 3u);
    EXPECT_THAT(dropped[0], HasSubstr(R"("header":"X-Injected")"));
    EXPECT_THAT(dropped[1], HasSubstr(R"x("header":"(not a token)")x"));
    EXPECT_THAT(dropped[2], HasSubstr(R"("header":"Content-Type")"));
  }
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->get_header_value_count("Content-Type"), 1u);
  EXPECT_EQ(csv->get_header_value("Content-Disposition"), "attachment; filename=\"skp-2026.csv\"");
  EXPECT_EQ(csv->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(csv->get_header_value("X-Year"), "2026");
  EXPECT_FALSE(csv->has_header("X-Injected"));
  EXPECT_FALSE(csv->has_header("Set-Cookie"));
  EXPECT_FALSE(csv->has_header("Bad Name"));
  EXPECT_EQ(csv->body, "nip,predikat\n1,baik\n");
}

TEST(HttpServerTest, AccessLogNamesThePathButNeverTheQueryOrHeaders) {
  std::vector<std::string> lines;
  absl::Mutex mu;
  log::SetSink([&](std::string_view line) {
    absl::MutexLock lock(&mu);
    lines.emplace_back(line);
  });
  {
    auto server = StartServer({.access_log = true});
    auto client = ClientFor(*server);
    httplib::Headers headers = {{"Authorization", "Bearer secret-token"},
                                {"Cookie", "session=secret-cookie"}};
    ASSERT_TRUE(client.Get("/api/units/U-7/summary?year=2026&nik=secret-nik", headers));
    ASSERT_TRUE(client.Get("/nope?token=secret-query", headers));
    server->Stop();
  }
  log::SetSink(nullptr);
  absl::MutexLock lock(&mu);
  std::vector<std::string> access;
  for (const std::string& line : lines) {
    EXPECT_THAT(line, Not(HasSubstr("secret"))) << line;
    if (absl::StrContains(line, "http request")) access.push_back(line);
  }
  ASSERT_EQ(access.size(), 2u);
  // The line is written once the response has gone out, so the two requests' lines may
  // arrive in either order.
  std::sort(access.begin(), access.end(), [](const std::string& a, const std::string& b) {
    return absl::StrContains(a, "/api/units/") && !absl::StrContains(b, "/api/units/");
  });
  EXPECT_THAT(access[0], HasSubstr(R"("path":"/api/units/U-7/summary")"));
  EXPECT_THAT(access[0], HasSubstr(R"("status":200)"));
  EXPECT_THAT(access[0], HasSubstr(R"("method":"GET")"));
  EXPECT_THAT(access[1], HasSubstr(R"("path":"/nope")"));
  EXPECT_THAT(access[1], HasSubstr(R"("status":404)"));
}

TEST(HttpServerTest, NoAccessLogByDefault) {
  std::vector<std::string> lines;
  absl::Mutex mu;
  log::SetSink([&](std::string_view line) {
    absl::MutexLock lock(&mu);
    lines.emplace_back(line);
  });
  {
    auto server = StartServer();
    auto client = ClientFor(*server);
    ASSERT_TRUE(client.Get("/metrics"));
    server->Stop();
  }
  log::SetSink(nullptr);
  absl::MutexLock lock(&mu);
  for (const std::string& line : lines) EXPECT_THAT(line, Not(HasSubstr("http request")));
}

TEST(HttpServerDeathTest, RouteAfterStartAborts) {
  HttpServer server;
  ASSERT_TRUE(server.Start("127.0.0.1", 0).ok());
  EXPECT_DEATH(server.Get("/late", [](const Request&) { return Response{}; }), "after Start");
}

}  // namespace
}  // namespace kinerja::http
