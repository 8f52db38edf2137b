// Where a service's token verification keys come from: files (--jwt-keys), re-read when they
// change, or the issuer's JWKS URL (--jwt-jwks-url), fetched over HTTPS and cached; either way a
// rotated key is accepted without a restart (shared/auth/key_files.h, issuer_keys.h).
#pragma once

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "shared/auth/key_provider.h"
#include "shared/config/config.h"
#include "shared/config/spec.h"

namespace kinerja::server {

// --jwt-keys, --jwt-jwks-url, --jwt-jwks-ca, --jwt-keys-refresh.
std::vector<config::Option> TokenKeyOptions();

// Exactly one of --jwt-keys and --jwt-jwks-url; the keys loaded (or fetched) now.
absl::StatusOr<std::shared_ptr<auth::KeyProvider>> TokenKeysFrom(const config::Config& config);

}  // namespace kinerja::server
