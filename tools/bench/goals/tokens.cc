#include "tools/bench/goals/tokens.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "shared/auth/mint_token.h"
#include "tools/devtoken/issuer_dir.h"

namespace kinerja::bench {

absl::StatusOr<std::unique_ptr<TokenMinter>> TokenMinter::Load(const std::string& issuer_dir,
                                                               std::string issuer,
                                                               std::string audience) {
  const std::filesystem::path path = std::filesystem::path(issuer_dir) / devtoken::kPrivateKeyFile;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read ", path.string(),
                     " (--issuer-dir must be the stack's DIR/issuer, written by "
                     "`kinerja-devtoken keygen`)"));
  }
  std::ostringstream pem;
  pem << in.rdbuf();
  absl::StatusOr<auth::JwtSigner> signer =
      auth::JwtSigner::FromPrivateKeyPem(pem.str(), devtoken::kDevKid);
  if (!signer.ok()) {
    return absl::Status(signer.status().code(),
                        absl::StrCat(path.string(), ": ", signer.status().message()));
  }
  return std::unique_ptr<TokenMinter>(
      new TokenMinter(*std::move(signer), std::move(issuer), std::move(audience)));
}

absl::StatusOr<std::string> TokenMinter::ForEmployee(const std::string& nip,
                                                     const std::string& agency_id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = by_nip_.find(nip);
    if (it != by_nip_.end()) return it->second;
  }
  auth::TokenClaims claims;
  claims.issuer = issuer_;
  claims.audience = audience_;
  claims.subject = absl::StrCat("bench-", nip);
  claims.roles = {"employee"};
  claims.agency_id = agency_id;
  claims.nip = nip;
  claims.ttl = absl::Hours(2);
  absl::StatusOr<std::string> token = auth::MintToken(signer_, claims, absl::Now());
  if (!token.ok()) return token.status();
  std::lock_guard<std::mutex> lock(mu_);
  return by_nip_.emplace(nip, *std::move(token)).first->second;
}

}  // namespace kinerja::bench
