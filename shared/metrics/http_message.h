// The little HTTP/1.1 the metrics server speaks: read a request head, write a response that
// closes the connection.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kinerja::metrics {

struct HttpRequest {
  std::string method;
  std::string path;   // without the query string
  std::string query;  // after '?', may be empty
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
};

// Length of the request head including its blank line, or nullopt if it is not complete yet.
std::optional<size_t> RequestHeadLength(std::string_view buffer);

// Parses the request line ("GET /metrics?x HTTP/1.1"); headers are ignored. nullopt when the
// line is malformed.
std::optional<HttpRequest> ParseRequestHead(std::string_view head);

// Status line, Content-Type, Content-Length, Connection: close, then the body unless
// omit_body (HEAD).
std::string FormatResponse(const HttpResponse& response, bool omit_body);

}  // namespace kinerja::metrics
