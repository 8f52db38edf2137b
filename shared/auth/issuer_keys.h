// Verification keys fetched from the issuer's JWKS URL (Keycloak:
// https://sso.example/realms/REALM/protocol/openid-connect/certs), cached: fetched again when
// older than the refresh interval, and when a token names an unknown key id (a rotation), at
// most once per `unknown_kid_interval`. A failed fetch, or a document without a usable key,
// keeps the last good set (logged), and is tried again after `unknown_kid_interval`.
//
// A fetch runs on the thread of the call that found the set stale, bounded by the fetcher's
// timeout; calls arriving meanwhile verify with the current set rather than wait.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "shared/auth/key_provider.h"

namespace kinerja::auth {

// The JWKS document's text, or why it could not be had.
using JwksFetcher = std::function<absl::StatusOr<std::string>()>;

struct IssuerKeysOptions {
  absl::Duration refresh_interval = absl::Minutes(5);
  absl::Duration unknown_kid_interval = absl::Seconds(30);
  std::function<absl::Time()> now = absl::Now;  // tests inject fake time
};

// Fetches the keys now; fails when that fetch fails or yields no usable key (a service does
// not start without keys).
absl::StatusOr<std::shared_ptr<KeyProvider>> FetchIssuerKeys(JwksFetcher fetch,
                                                             IssuerKeysOptions options);

}  // namespace kinerja::auth
