#include "shared/metrics/http_message.h"

#include "absl/strings/str_format.h"

namespace kinerja::metrics {
namespace {

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

bool IsTokenChar(char c) { return c > ' ' && c < 0x7f; }

}  // namespace

std::optional<size_t> RequestHeadLength(std::string_view buffer) {
  // Bare LF line ends are tolerated (curl never sends them, hand-typed nc requests do).
  size_t crlf = buffer.find("\r\n\r\n");
  size_t lf = buffer.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::nullopt;
  if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf)) {
    return crlf + 4;
  }
  return lf + 2;
}

std::optional<HttpRequest> ParseRequestHead(std::string_view head) {
  std::string_view line = head.substr(0, head.find('\n'));
  if (line.ends_with('\r')) line.remove_suffix(1);
  size_t sp1 = line.find(' ');
  size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view method = line.substr(0, sp1);
  std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = line.substr(sp2 + 1);
  if (method.empty() || !target.starts_with('/') || !version.starts_with("HTTP/1.")) {
    return std::nullopt;
  }
  for (char c : method) {
    if (!IsTokenChar(c)) return std::nullopt;
  }
  for (char c : target) {
    if (!IsTokenChar(c)) return std::nullopt;
  }
  size_t q = target.find('?');
  HttpRequest request{std::string(method), std::string(target.substr(0, q)), ""};
  if (q != std::string_view::npos) request.query = std::string(target.substr(q + 1));
  return request;
}

std::string FormatResponse(const HttpResponse& response, bool omit_body) {
  std::string out = absl::StrFormat(
      "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n",
      response.status, ReasonPhrase(response.status), response.content_type, response.body.size());
  if (!omit_body) out += response.body;
  return out;
}

}  // namespace kinerja::metrics
