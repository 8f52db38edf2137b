#include "shared/auth/jwt_verifier.h"

#include <optional>
#include <utility>

#include "shared/auth/claims.h"
#include "shared/auth/compact_jws.h"
#include "shared/auth/jws_signature.h"

namespace kinerja::auth {
namespace {

using nlohmann::json;

// Well above what Keycloak issues with many roles; refusing larger input bounds the work an
// unauthenticated caller can cause before the signature check.
constexpr size_t kMaxTokenBytes = 16 * 1024;
constexpr char kUnknownKeyId[] = "unknown key id";

absl::Status CheckLifetime(absl::Time now, const TokenCache::Entry& entry) {
  if (now >= entry.usable_until) return absl::UnauthenticatedError("token expired");
  if (now < entry.usable_from) return absl::UnauthenticatedError("token not yet valid");
  return absl::OkStatus();
}

// The key that must have signed a token with this header, enforcing that the algorithm is
// one we accept and fits the key (an RSA key must not be used for ES256 or vice versa).
absl::StatusOr<std::pair<Algorithm, const VerificationKey*>> SelectKey(const json& header,
                                                                       const KeySet& keys) {
  auto alg_it = header.find("alg");
  if (alg_it == header.end() || !alg_it->is_string()) {
    return absl::UnauthenticatedError("malformed token header");
  }
  std::optional<Algorithm> alg = AlgorithmFromName(alg_it->get_ref<const std::string&>());
  if (!alg) return absl::UnauthenticatedError("algorithm not accepted");
  // RFC 7515 section 4.1.11: extensions we do not understand make the token invalid.
  if (header.contains("crit")) return absl::UnauthenticatedError("unsupported critical header");

  const VerificationKey* key = nullptr;
  if (auto kid = header.find("kid"); kid != header.end()) {
    if (!kid->is_string()) return absl::UnauthenticatedError("malformed token header");
    key = keys.Find(kid->get_ref<const std::string&>());
    if (key == nullptr) return absl::UnauthenticatedError(kUnknownKeyId);
  } else {
    key = keys.SoleKeyOfType(KeyTypeFor(*alg));
    if (key == nullptr) return absl::UnauthenticatedError("token has no key id");
  }
  if (key->type != KeyTypeFor(*alg) || (key->alg.has_value() && *key->alg != *alg)) {
    return absl::UnauthenticatedError("algorithm does not match key");
  }
  return std::make_pair(*alg, key);
}

}  // namespace

absl::StatusOr<std::unique_ptr<JwtVerifier>> JwtVerifier::Create(Options options, KeySet keys) {
  if (keys.empty()) return absl::InvalidArgumentError("verifier needs at least one key");
  return Create(std::move(options), FixedKeys(std::move(keys)));
}

absl::StatusOr<std::unique_ptr<JwtVerifier>> JwtVerifier::Create(
    Options options, std::shared_ptr<KeyProvider> keys) {
  if (options.issuer.empty()) return absl::InvalidArgumentError("verifier needs an issuer");
  if (options.audience.empty()) return absl::InvalidArgumentError("verifier needs an audience");
  if (options.leeway < absl::ZeroDuration()) {
    return absl::InvalidArgumentError("verifier leeway must not be negative");
  }
  if (keys == nullptr) return absl::InvalidArgumentError("verifier needs a key provider");
  if (!options.now) options.now = [] { return absl::Now(); };
  return std::unique_ptr<JwtVerifier>(new JwtVerifier(std::move(options), std::move(keys)));
}

JwtVerifier::JwtVerifier(Options options, std::shared_ptr<KeyProvider> keys)
    : options_(std::move(options)), keys_(std::move(keys)), cache_(options_.cache_capacity) {}

std::shared_ptr<const KeySet> JwtVerifier::CurrentKeys(bool unknown_kid) const {
  std::shared_ptr<const KeySet> keys = keys_->Keys(unknown_kid);
  if (keys.get() == last_keys_.load(std::memory_order_acquire)) return keys;
  absl::MutexLock lock(&keys_mu_);
  if (keys != last_keys_held_) {
    // Tokens verified with the previous set are verified again: a removed key stops working.
    if (last_keys_held_ != nullptr) cache_.Clear();
    last_keys_held_ = keys;
    last_keys_.store(keys.get(), std::memory_order_release);
  }
  return keys;
}

absl::StatusOr<Principal> JwtVerifier::Verify(std::string_view compact_jwt) const {
  if (compact_jwt.size() > kMaxTokenBytes) return absl::UnauthenticatedError("token too large");
  const absl::Time now = options_.now();
  CurrentKeys(/*unknown_kid=*/false);  // a changed set empties the cache first
  if (std::optional<TokenCache::Entry> hit = cache_.Lookup(compact_jwt)) {
    if (absl::Status status = CheckLifetime(now, *hit); !status.ok()) return status;
    return std::move(hit->principal);
  }
  absl::StatusOr<TokenCache::Entry> entry = VerifyUncached(compact_jwt);
  if (!entry.ok()) return entry.status();
  if (absl::Status status = CheckLifetime(now, *entry); !status.ok()) return status;
  Principal principal = entry->principal;
  cache_.Insert(std::string(compact_jwt), *std::move(entry), now);
  return principal;
}

absl::StatusOr<TokenCache::Entry> JwtVerifier::VerifyUncached(std::string_view compact_jwt) const {
  absl::StatusOr<CompactJwsParts> parts = SplitCompactJws(compact_jwt);
  if (!parts.ok()) return parts.status();
  absl::StatusOr<json> header = DecodeJsonPart(parts->header, "token header");
  if (!header.ok()) return header.status();
  std::shared_ptr<const KeySet> keys = CurrentKeys(/*unknown_kid=*/false);
  absl::StatusOr<std::pair<Algorithm, const VerificationKey*>> key = SelectKey(*header, *keys);
  if (!key.ok() && key.status().message() == kUnknownKeyId) {
    // Perhaps a rotated key the provider has not seen yet.
    keys = CurrentKeys(/*unknown_kid=*/true);
    key = SelectKey(*header, *keys);
  }
  if (!key.ok()) return key.status();
  if (!VerifyJwsSignature(key->first, key->second->key.get(), parts->signing_input,
                          parts->signature)) {
    return absl::UnauthenticatedError("signature does not verify");
  }
  // Only now is the payload parsed: unauthenticated bytes never reach the JSON parser
  // beyond the small header.
  absl::StatusOr<json> claims = DecodeJsonPart(parts->payload, "token claims");
  if (!claims.ok()) return claims.status();
  if (absl::Status status = CheckIssuer(*claims, options_.issuer); !status.ok()) return status;
  if (absl::Status status = CheckAudience(*claims, options_.audience); !status.ok()) {
    return status;
  }
  absl::StatusOr<TokenLifetime> lifetime = ReadLifetime(*claims);
  if (!lifetime.ok()) return lifetime.status();
  absl::StatusOr<Principal> principal = PrincipalFromClaims(*claims);
  if (!principal.ok()) return principal.status();
  return TokenCache::Entry{.principal = *std::move(principal),
                           .usable_from = lifetime->not_before - options_.leeway,
                           .usable_until = lifetime->expires + options_.leeway};
}

}  // namespace kinerja::auth
