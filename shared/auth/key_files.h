// Verification keys read from files (key_loader.h: a JWKS or PEM file, or a directory of them)
// and read again when they change: an operator, or a mounted Kubernetes secret, rotates the
// issuer's keys without restarting the service.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "shared/auth/key_provider.h"

namespace kinerja::auth {

// Loads `path` now (failing as LoadKeys does). Afterwards the files (for a directory: it and the
// files it held at the last load) are looked at every `interval`, and at once, at most once a
// second, when a token names an unknown key; a change loads them again. A load that fails (a
// file half written, no usable key) is logged and the previous keys kept.
absl::StatusOr<std::shared_ptr<KeyProvider>> WatchKeyFiles(
    std::string path, absl::Duration interval, std::function<absl::Time()> now = absl::Now);

}  // namespace kinerja::auth
