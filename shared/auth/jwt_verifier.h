// Turns a bearer token from an OpenID Connect issuer (Keycloak in production, the dev issuer
// locally) into the Principal that reaches the domain layer.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "shared/auth/key_provider.h"
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
  // Keys from a provider (re-read files, an issuer's JWKS URL). A token naming an unknown key
  // id asks the provider to look again; when the set changes, tokens verified with the old set
  // are verified again (a removed key is refused from then on).
  static absl::StatusOr<std::unique_ptr<JwtVerifier>> Create(Options options,
                                                             std::shared_ptr<KeyProvider> keys);

  // Thread-safe. Accepts only RS256/ES256 tokens signed by a key in the set, from the
  // configured issuer, for the configured audience, within their lifetime. Every failure is
  // UnauthenticatedError with a short reason that never contains the token.
  absl::StatusOr<Principal> Verify(std::string_view compact_jwt) const;

  TokenCache::Stats cache_stats() const { return cache_.stats(); }

 private:
  JwtVerifier(Options options, std::shared_ptr<KeyProvider> keys);

  // The full check, for tokens not in the cache.
  absl::StatusOr<TokenCache::Entry> VerifyUncached(std::string_view compact_jwt) const;
  // The provider's keys; forgets cached tokens when the set changed since the last call.
  std::shared_ptr<const KeySet> CurrentKeys(bool unknown_kid) const;

  const Options options_;
  const std::shared_ptr<KeyProvider> keys_;
  mutable TokenCache cache_;  // an optimisation invisible to callers, hence mutable
  // The set the cache's entries were verified with: compared lock-free on every call, replaced
  // under the mutex. Holding it keeps its address from being reused by a later set.
  mutable std::atomic<const KeySet*> last_keys_{nullptr};
  mutable absl::Mutex keys_mu_;
  mutable std::shared_ptr<const KeySet> last_keys_held_ ABSL_GUARDED_BY(keys_mu_);
};

}  // namespace kinerja::auth
