#include "shared/metrics/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "shared/metrics/registry.h"

namespace kinerja::metrics {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// A blocking client socket with a receive timeout, so a server bug fails the test instead of
// hanging it.
int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  return fd;
}

// Everything until the server closes; "<timeout>" if it does not within the receive timeout.
std::string ReadAll(int fd) {
  std::string out;
  char buf[4096];
  while (true) {
    ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n == 0) break;
    if (n < 0) return errno == ECONNRESET ? out : "<timeout>";
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

std::string Exchange(int port, std::string_view request) {
  int fd = Connect(port);
  EXPECT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL),
            static_cast<ssize_t>(request.size()));
  return ReadAll(fd);
}

HttpResponse Route(const HttpRequest& request) {
  if (request.path == "/healthz") return {200, "text/plain", "ok\n"};
  return {404, "text/plain", "not found\n"};
}

std::unique_ptr<HttpServer> StartOrDie(HttpHandler handler, HttpServerOptions options = {}) {
  auto server = HttpServer::Start("127.0.0.1", 0, std::move(handler), options);
  EXPECT_TRUE(server.ok()) << server.status();
  return *std::move(server);
}

TEST(HttpServerTest, ServesMetricsFromRegistry) {
  Registry registry;
  registry.AddCounter("hits_total", "Hits.")->WithLabels({})->Increment(4);
  auto server = StartOrDie([&](const HttpRequest&) {
    return HttpResponse{200, std::string(kTextContentType), registry.Render()};
  });
  EXPECT_GT(server->port(), 0);
  std::string reply = Exchange(server->port(), "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_THAT(reply, StartsWith("HTTP/1.1 200 OK\r\n"));
  EXPECT_THAT(reply, HasSubstr("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"));
  EXPECT_THAT(reply, HasSubstr("Connection: close\r\n"));
  EXPECT_THAT(reply, EndsWith("\r\n\r\n# HELP hits_total Hits.\n# TYPE hits_total counter\n"
                              "hits_total 4\n"));
}

TEST(HttpServerTest, RoutesAndRejects) {
  auto server = StartOrDie(Route);
  const int port = server->port();
  EXPECT_THAT(Exchange(port, "GET /healthz HTTP/1.1\r\n\r\n"), EndsWith("\r\n\r\nok\n"));
  EXPECT_THAT(Exchange(port, "GET /nope HTTP/1.1\r\n\r\n"), StartsWith("HTTP/1.1 404 "));
  EXPECT_THAT(Exchange(port, "POST /healthz HTTP/1.1\r\n\r\n"), StartsWith("HTTP/1.1 405 "));
  EXPECT_THAT(Exchange(port, "garbage\r\n\r\n"), StartsWith("HTTP/1.1 400 "));
  std::string head = Exchange(port, "HEAD /healthz HTTP/1.1\r\n\r\n");
  EXPECT_THAT(head, HasSubstr("Content-Length: 3\r\n"));
  EXPECT_THAT(head, EndsWith("\r\n\r\n"));
}

TEST(HttpServerTest, OversizedRequestGets431) {
  auto server = StartOrDie(Route);
  std::string huge = "GET /healthz HTTP/1.1\r\nX: " + std::string(20000, 'a');
  EXPECT_THAT(Exchange(server->port(), huge), StartsWith("HTTP/1.1 431 "));
}

TEST(HttpServerTest, SilentClientDoesNotBlockOthersAndTimesOut) {
  HttpServerOptions options;
  options.io_timeout = absl::Seconds(1);
  auto server = StartOrDie(Route, options);
  int silent = Connect(server->port());
  ::send(silent, "GET /hea", 8, MSG_NOSIGNAL);  // never finishes its request

  absl::Time start = absl::Now();
  EXPECT_THAT(Exchange(server->port(), "GET /healthz HTTP/1.1\r\n\r\n"), EndsWith("ok\n"));
  // Served well before the silent client's deadline, so it did not wait behind it.
  EXPECT_LT(absl::Now() - start, absl::Milliseconds(800));

  EXPECT_EQ(ReadAll(silent), "");  // closed by the server at its deadline
  EXPECT_LT(absl::Now() - start, absl::Seconds(4));
}

TEST(HttpServerTest, ThrowingHandlerGives500AndServerSurvives) {
  auto server = StartOrDie([](const HttpRequest& r) -> HttpResponse {
    if (r.path == "/boom") throw std::runtime_error("kaput");
    return {200, "text/plain", "fine"};
  });
  EXPECT_THAT(Exchange(server->port(), "GET /boom HTTP/1.1\r\n\r\n"), StartsWith("HTTP/1.1 500 "));
  EXPECT_THAT(Exchange(server->port(), "GET /ok HTTP/1.1\r\n\r\n"), EndsWith("fine"));
}

TEST(HttpServerTest, StopClosesOpenConnectionsAndIsIdempotent) {
  auto server = StartOrDie(Route);
  int idle = Connect(server->port());
  absl::SleepFor(absl::Milliseconds(50));  // let the server accept it
  server->Stop();
  EXPECT_EQ(ReadAll(idle), "");
  server->Stop();
}

TEST(HttpServerTest, StartFailsOnBadHostOrBusyPort) {
  EXPECT_FALSE(HttpServer::Start("no-such-host.invalid", 0, Route).ok());
  auto first = StartOrDie(Route);
  auto second = HttpServer::Start("127.0.0.1", first->port(), Route);
  EXPECT_FALSE(second.ok());
}

}  // namespace
}  // namespace kinerja::metrics
