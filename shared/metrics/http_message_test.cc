#include "shared/metrics/http_message.h"

#include "gtest/gtest.h"

namespace kinerja::metrics {
namespace {

TEST(RequestHeadLengthTest, FindsBlankLine) {
  EXPECT_EQ(RequestHeadLength("GET / HTTP/1.1\r\nHost: a\r\n"), std::nullopt);
  EXPECT_EQ(RequestHeadLength("GET / HTTP/1.1\r\n\r\nrest"), 18u);
  EXPECT_EQ(RequestHeadLength("GET / HTTP/1.1\n\n"), 16u);
}

TEST(ParseRequestHeadTest, SplitsMethodPathAndQuery) {
  auto r = ParseRequestHead("GET /metrics?name=x HTTP/1.1\r\nHost: a\r\n\r\n");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->method, "GET");
  EXPECT_EQ(r->path, "/metrics");
  EXPECT_EQ(r->query, "name=x");
  EXPECT_EQ(ParseRequestHead("HEAD /healthz HTTP/1.0\n\n")->path, "/healthz");
}

TEST(ParseRequestHeadTest, RejectsMalformedLines) {
  for (const char* bad :
       {"", "GET\r\n\r\n", "GET /\r\n\r\n", "GET metrics HTTP/1.1\r\n\r\n", "GET / HTTP/2\r\n\r\n",
        "GET / x HTTP/1.1\r\n\r\n", "GET /\x01 HTTP/1.1\r\n\r\n", "\x16\x03\x01\x02\x00"}) {
    EXPECT_EQ(ParseRequestHead(bad), std::nullopt) << bad;
  }
}

TEST(FormatResponseTest, WritesHeadersAndBody) {
  HttpResponse response{200, "text/plain", "ok\n"};
  EXPECT_EQ(FormatResponse(response, false),
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n"
            "Connection: close\r\n\r\nok\n");
  EXPECT_EQ(FormatResponse(response, true),
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n"
            "Connection: close\r\n\r\n");
}

}  // namespace
}  // namespace kinerja::metrics
