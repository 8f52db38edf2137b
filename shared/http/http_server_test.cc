#include "shared/http/http_server.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

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

TEST(HttpServerDeathTest, RouteAfterStartAborts) {
  HttpServer server;
  ASSERT_TRUE(server.Start("127.0.0.1", 0).ok());
  EXPECT_DEATH(server.Get("/late", [](const Request&) { return Response{}; }), "after Start");
}

}  // namespace
}  // namespace kinerja::http
