// Turns a bearer token from an OpenID Connect issuer (Keycloak in production, the dev issuer
// locally) into the Principal that reaches the domain layer.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "shared/auth/key_set.h"
#include "shared/auth/principal.h"
#include "shared/auth/token_cache.h"

namespace kinerja::auth {

class JwtVerifier {
 public:
  struct Options {
    std::string issuer;    // exact "iss"
    std::string audience;  // must appear in "aud"
    // Tolerated clock difference between issuer and us, for "exp" and "nbf".
    absl::Duration leeway = absl::Seconds(30);
    std::function<absl::Time()> now;  // defaults to absl::Now; tests inject fake time
    size_t cache_capacity = 10000;    // verified tokens remembered; 0 disables the cache
  };

  // InvalidArgumentError for an empty issuer, audience or key set, or a negative leeway.
  static absl::StatusOr<std::unique_ptr<JwtVerifier>> Create(Options options, KeySet keys);

  // Thread-safe. Accepts only RS256/ES256 tokens signed by a key in the set, from the
  // configured issuer, for the configured audience, within their lifetime. Every failure is
  // UnauthenticatedError with a short reason that never contains the token.
  absl::StatusOr<Principal> Verify(std::string_view compact_jwt) const;

  TokenCache::Stats cache_stats() const { return cache_.stats(); }

 private:
  JwtVerifier(Options options, KeySet keys);

  // The full check, for tokens not in the cache.
  absl::StatusOr<TokenCache::Entry> VerifyUncached(std::string_view compact_jwt) const;

  const Options options_;
  const KeySet keys_;
  mutable TokenCache cache_;  // an optimisation invisible to callers, hence mutable
};

}  // namespace kinerja::auth
