#include "shared/auth/key_set.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace kinerja::auth {

absl::Status KeySet::Add(VerificationKey key) {
  if (!key.key) return absl::InvalidArgumentError("verification key has no key material");
  if (Find(key.kid) != nullptr) {
    return absl::AlreadyExistsError(absl::StrCat("duplicate key id \"", key.kid, "\""));
  }
  keys_.push_back(std::move(key));
  return absl::OkStatus();
}

absl::Status KeySet::Merge(KeySet other) {
  for (VerificationKey& key : other.keys_) {
    if (absl::Status status = Add(std::move(key)); !status.ok()) return status;
  }
  return absl::OkStatus();
}

const VerificationKey* KeySet::Find(std::string_view kid) const {
  for (const VerificationKey& key : keys_) {
    if (key.kid == kid) return &key;
  }
  return nullptr;
}

const VerificationKey* KeySet::SoleKeyOfType(KeyType type) const {
  const VerificationKey* found = nullptr;
  for (const VerificationKey& key : keys_) {
    if (key.type != type) continue;
    if (found != nullptr) return nullptr;
    found = &key;
  }
  return found;
}

}  // namespace kinerja::auth
