// One HTTPS GET of a small document (an issuer's JWKS), the server checked against a CA bundle
// and the URL's host name.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace kinerja::http {

struct FetchOptions {
  std::string ca_file = {};                   // PEM CA bundle; empty: the system's CAs
  absl::Duration timeout = absl::Seconds(5);  // to connect, and to read the answer
};

// The body of a 200 answer to GET `url` ("https://host[:port]/path"); an error naming the URL
// otherwise (not https, unreachable, certificate refused, another status).
absl::StatusOr<std::string> FetchHttps(const std::string& url, const FetchOptions& options);

// Whether `url` is one FetchHttps takes (https, a host), with the reason when it is not.
absl::Status CheckHttpsUrl(const std::string& url);

}  // namespace kinerja::http
