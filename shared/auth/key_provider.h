// Where a verifier's keys come from, so that a rotated signing key is accepted without a restart:
// a fixed set, files re-read when they change (key_files.h), or an issuer's JWKS URL fetched
// with caching (issuer_keys.h).
#pragma once

#include <memory>

#include "shared/auth/key_set.h"

namespace kinerja::auth {

class KeyProvider {
 public:
  virtual ~KeyProvider() = default;
  // The keys to verify with now, never null. Called for every token the verifier has not
  // cached, from any thread: quick unless it has reason to look for new keys. `unknown_kid`: a
  // token names a key the set last returned lacks, so a newer set may exist (a provider looks
  // for one at most once per its interval). A different pointer than last time means the set
  // changed.
  virtual std::shared_ptr<const KeySet> Keys(bool unknown_kid) = 0;
};

// The same keys always.
std::shared_ptr<KeyProvider> FixedKeys(KeySet keys);

}  // namespace kinerja::auth
