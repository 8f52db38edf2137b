// The public keys a verifier trusts, by key id ("kid").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "shared/auth/jwa.h"
#include "shared/auth/openssl_ptr.h"

namespace kinerja::auth {

struct VerificationKey {
  std::string kid;
  KeyType type = KeyType::kRsa;
  // Set when the JWK pinned its "alg"; a token must then use exactly that algorithm.
  std::optional<Algorithm> alg;
  EvpPkeyPtr key;
};

// Move-only (owns the EVP_PKEYs). Issuers publish a handful of keys, so lookups are a linear
// scan, which beats hashing at this size.
class KeySet {
 public:
  // InvalidArgumentError if `key` has no EVP_PKEY; AlreadyExistsError on a duplicate kid.
  absl::Status Add(VerificationKey key);
  // Adds every key of `other`, failing on the first duplicate kid.
  absl::Status Merge(KeySet other);

  const VerificationKey* Find(std::string_view kid) const;
  // The key of `type` if it is the only one of that type; for tokens without "kid".
  const VerificationKey* SoleKeyOfType(KeyType type) const;

  size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }
  const std::vector<VerificationKey>& keys() const { return keys_; }

 private:
  std::vector<VerificationKey> keys_;
};

}  // namespace kinerja::auth
