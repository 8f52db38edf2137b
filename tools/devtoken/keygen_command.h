// `kinerja-devtoken keygen`: a fresh signing key pair for the local stack's dev issuer.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "shared/auth/jwa.h"

namespace kinerja::devtoken {

struct KeygenOptions {
  std::string dir;
  auth::Algorithm alg = auth::Algorithm::kEs256;
  bool force = false;  // replace existing key files
};

// Arguments after "keygen". Every error is a usage error naming the flag.
absl::StatusOr<KeygenOptions> ParseKeygenFlags(const std::vector<std::string>& args);

// Writes DIR/issuer-key.pem (0600) and DIR/jwks.json. AlreadyExistsError if either exists and
// !force. Each file is written to a temporary name and renamed into place, so a reader never
// sees half a file and the key is never readable by others, even for a moment.
absl::Status RunKeygen(const KeygenOptions& options);

}  // namespace kinerja::devtoken
