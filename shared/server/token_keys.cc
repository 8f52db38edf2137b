#include "shared/server/token_keys.h"

#include "absl/strings/str_cat.h"
#include "shared/auth/issuer_keys.h"
#include "shared/auth/key_files.h"
#include "shared/http/https_fetch.h"

namespace kinerja::server {

using config::Option;
using config::OptionType;

std::vector<Option> TokenKeyOptions() {
  return {
      {.name = "jwt-keys",
       .env = "JWT_KEYS",
       .help = "token verification keys: a JWKS or PEM file, or a directory of them; re-read "
               "when they change (checked every --jwt-keys-refresh, and at once when a token "
               "names an unknown key). Either this or --jwt-jwks-url"},
      {.name = "jwt-jwks-url",
       .env = "JWT_JWKS_URL",
       .help = "the issuer's JWKS URL (https; Keycloak: "
               "https://HOST/realms/REALM/protocol/openid-connect/certs), fetched at start-up, "
               "every --jwt-keys-refresh and when a token names an unknown key (at most every "
               "30s); a failed fetch keeps the last keys. Either this or --jwt-keys"},
      {.name = "jwt-jwks-ca",
       .env = "JWT_JWKS_CA",
       .help = "PEM CA bundle the JWKS URL's certificate is checked against (default: the "
               "system's CAs)"},
      {.name = "jwt-keys-refresh",
       .env = "JWT_KEYS_REFRESH",
       .help = "how often --jwt-keys files are checked for a change, or --jwt-jwks-url fetched",
       .type = OptionType::kDuration,
       .default_value = "5m"},
  };
}

absl::StatusOr<std::shared_ptr<auth::KeyProvider>> TokenKeysFrom(const config::Config& config) {
  const std::string files = config.GetString("jwt-keys");
  const std::string url = config.GetString("jwt-jwks-url");
  const absl::Duration refresh = config.GetDuration("jwt-keys-refresh");
  if (files.empty() == url.empty()) {
    return absl::InvalidArgumentError(
        "token keys: set one of --jwt-keys (JWT_KEYS) and --jwt-jwks-url (JWT_JWKS_URL)");
  }
  if (refresh < absl::Seconds(1)) {
    return absl::InvalidArgumentError("--jwt-keys-refresh (JWT_KEYS_REFRESH): at least 1s");
  }
  if (!files.empty()) {
    auto keys = auth::WatchKeyFiles(files, refresh);
    if (!keys.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--jwt-keys (JWT_KEYS): ", keys.status().message()));
    }
    return keys;
  }
  if (absl::Status s = http::CheckHttpsUrl(url); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--jwt-jwks-url (JWT_JWKS_URL): ", s.message()));
  }
  http::FetchOptions fetch{.ca_file = config.GetString("jwt-jwks-ca")};
  auto keys = auth::FetchIssuerKeys([url, fetch] { return http::FetchHttps(url, fetch); },
                                    {.refresh_interval = refresh});
  if (!keys.ok()) {
    return absl::UnavailableError(
        absl::StrCat("--jwt-jwks-url (JWT_JWKS_URL): ", keys.status().message()));
  }
  return keys;
}

}  // namespace kinerja::server
