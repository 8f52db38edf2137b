#include "shared/http/https_fetch.h"

#include <httplib.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kinerja::http {
namespace {

constexpr absl::string_view kScheme = "https://";

struct Url {
  std::string host = {};
  int port = 443;
  std::string path = {};
};

absl::StatusOr<Url> ParseHttpsUrl(const std::string& url) {
  if (!absl::StartsWith(url, kScheme)) {
    return absl::InvalidArgumentError(absl::StrCat(url, ": not an https:// URL"));
  }
  absl::string_view rest = absl::string_view(url).substr(kScheme.size());
  const size_t slash = rest.find('/');
  absl::string_view authority = rest.substr(0, slash);
  Url out{.path = slash == absl::string_view::npos ? "/" : std::string(rest.substr(slash))};
  const size_t colon = authority.rfind(':');
  if (colon != absl::string_view::npos && authority.find(']', colon) == absl::string_view::npos) {
    if (!absl::SimpleAtoi(authority.substr(colon + 1), &out.port) || out.port <= 0 ||
        out.port > 65535) {
      return absl::InvalidArgumentError(absl::StrCat(url, ": bad port"));
    }
    authority = authority.substr(0, colon);
  }
  if (authority.empty()) return absl::InvalidArgumentError(absl::StrCat(url, ": no host"));
  out.host = std::string(authority);
  return out;
}

}  // namespace

absl::Status CheckHttpsUrl(const std::string& url) { return ParseHttpsUrl(url).status(); }

absl::StatusOr<std::string> FetchHttps(const std::string& url, const FetchOptions& options) {
  absl::StatusOr<Url> parsed = ParseHttpsUrl(url);
  if (!parsed.ok()) return parsed.status();
  httplib::SSLClient client(parsed->host, parsed->port);
  if (!options.ca_file.empty()) client.set_ca_cert_path(options.ca_file.c_str());
  client.enable_server_certificate_verification(true);
  const time_t seconds = std::max<time_t>(1, absl::ToInt64Seconds(options.timeout));
  client.set_connection_timeout(seconds, 0);
  client.set_read_timeout(seconds, 0);
  httplib::Result result = client.Get(parsed->path.c_str());
  if (!result) {
    std::string reason = httplib::to_string(result.error());
    if (result.error() == httplib::Error::SSLServerVerification) {
      reason += " (certificate not trusted, or not for this host)";
    }
    return absl::UnavailableError(absl::StrCat("GET ", url, ": ", reason));
  }
  if (result->status != 200) {
    return absl::UnavailableError(absl::StrCat("GET ", url, ": status ", result->status));
  }
  return std::move(result->body);
}

}  // namespace kinerja::http
