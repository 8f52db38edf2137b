// `kinerja-devtoken mint`: a signed token from the dev issuer's key, for curl/grpcurl and
// the local stack's clients.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "shared/auth/mint_token.h"

namespace kinerja::devtoken {

struct MintOptions {
  std::string dir;
  auth::TokenClaims claims;
};

// Arguments after "mint". Every error is a usage error naming the flag; role names are
// checked against the known roles so a typo fails here rather than as a silent 403 later.
absl::StatusOr<MintOptions> ParseMintFlags(const std::vector<std::string>& args);

// The compact JWT, signed with DIR/issuer-key.pem under kid "dev-1".
absl::StatusOr<std::string> RunMint(const MintOptions& options, absl::Time now);

}  // namespace kinerja::devtoken
