// Civil-servant tokens for kinerja-goals-bench, minted in-process with the local stack's dev
// issuer key (DIR/issuer/issuer-key.pem, as written by `kinerja-devtoken keygen`), so that each
// assessor can approve with a token carrying their own NIP.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "absl/status/statusor.h"
#include "shared/auth/jwt_signer.h"

namespace kinerja::bench {

class TokenMinter {
 public:
  // Reads the private key from `issuer_dir`; tokens carry `issuer` and `audience`.
  static absl::StatusOr<std::unique_ptr<TokenMinter>> Load(const std::string& issuer_dir,
                                                           std::string issuer,
                                                           std::string audience);

  // A token with role employee in `agency_id` and this NIP, valid for two hours; minted once per
  // NIP and then reused. Safe to call concurrently.
  absl::StatusOr<std::string> ForEmployee(const std::string& nip, const std::string& agency_id);

 private:
  TokenMinter(auth::JwtSigner signer, std::string issuer, std::string audience)
      : signer_(std::move(signer)), issuer_(std::move(issuer)), audience_(std::move(audience)) {}

  const auth::JwtSigner signer_;
  const std::string issuer_;
  const std::string audience_;
  std::mutex mu_;
  std::unordered_map<std::string, std::string> by_nip_;
};

}  // namespace kinerja::bench
