#include "tools/devtoken/mint_command.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "shared/auth/jwt_signer.h"
#include "shared/auth/roles.h"
#include "tools/devtoken/flags.h"
#include "tools/devtoken/issuer_dir.h"

namespace kinerja::devtoken {
namespace {

constexpr int64_t kDefaultTtlSeconds = 3600;
// Long enough for any manual session; a dev token that never expires would hide expiry bugs.
constexpr int64_t kMaxTtlSeconds = 30 * 24 * 3600;

absl::StatusOr<std::vector<std::string>> ParseRoles(const std::string& list) {
  std::vector<std::string> roles;
  if (list.empty()) return roles;  // --roles "" : explicitly none
  for (const std::string& name : std::vector<std::string>(absl::StrSplit(list, ','))) {
    if (!auth::ParseRole(name).ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--roles: unknown role \"", name,
                       "\" (known: employee, hr_admin, unit_leader, auditor, service, public)"));
    }
    roles.push_back(name);
  }
  return roles;
}

absl::StatusOr<absl::Duration> ParseTtl(const std::string& text) {
  int64_t seconds = 0;
  if (!absl::SimpleAtoi(text, &seconds) || seconds <= 0 || seconds > kMaxTtlSeconds) {
    return absl::InvalidArgumentError(
        absl::StrCat("--ttl-seconds must be a whole number from 1 to ", kMaxTtlSeconds));
  }
  return absl::Seconds(seconds);
}

}  // namespace

absl::StatusOr<MintOptions> ParseMintFlags(const std::vector<std::string>& args) {
  absl::StatusOr<Flags> flags =
      Flags::Parse(args, {.value_flags = {"dir", "issuer", "audience", "sub", "roles", "agency",
                                          "nip", "svc", "ttl-seconds"},
                          .bool_flags = {}});
  if (!flags.ok()) return flags.status();
  MintOptions options;
  auth::TokenClaims& claims = options.claims;
  for (auto [flag, field] :
       {std::pair{"dir", &options.dir}, std::pair{"issuer", &claims.issuer},
        std::pair{"audience", &claims.audience}, std::pair{"sub", &claims.subject}}) {
    absl::StatusOr<std::string> value = flags->Required(flag);
    if (!value.ok()) return value.status();
    *field = *std::move(value);
  }
  if (std::optional<std::string> roles = flags->Get("roles")) {
    absl::StatusOr<std::vector<std::string>> parsed = ParseRoles(*roles);
    if (!parsed.ok()) return parsed.status();
    claims.roles = *std::move(parsed);
  }
  claims.agency_id = flags->Get("agency").value_or("");
  claims.nip = flags->Get("nip").value_or("");
  claims.service = flags->Get("svc").value_or("");
  claims.ttl = absl::Seconds(kDefaultTtlSeconds);
  if (std::optional<std::string> ttl = flags->Get("ttl-seconds")) {
    absl::StatusOr<absl::Duration> parsed = ParseTtl(*ttl);
    if (!parsed.ok()) return parsed.status();
    claims.ttl = *parsed;
  }
  return options;
}

absl::StatusOr<std::string> RunMint(const MintOptions& options, absl::Time now) {
  const std::filesystem::path key_path = std::filesystem::path(options.dir) / kPrivateKeyFile;
  std::ifstream in(key_path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read ", key_path.string(),
                                            "; run `kinerja-devtoken keygen --dir ", options.dir,
                                            "` first"));
  }
  std::ostringstream pem;
  pem << in.rdbuf();
  absl::StatusOr<auth::JwtSigner> signer = auth::JwtSigner::FromPrivateKeyPem(pem.str(), kDevKid);
  if (!signer.ok()) {
    return absl::Status(signer.status().code(),
                        absl::StrCat(key_path.string(), ": ", signer.status().message()));
  }
  return auth::MintToken(*signer, options.claims, now);
}

}  // namespace kinerja::devtoken
