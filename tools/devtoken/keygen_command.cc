#include "tools/devtoken/keygen_command.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "shared/auth/jwt_signer.h"
#include "shared/auth/keygen.h"
#include "tools/devtoken/flags.h"
#include "tools/devtoken/issuer_dir.h"

namespace kinerja::devtoken {
namespace {

namespace fs = std::filesystem;

// Dev keys only need to outlast a local stack; 2048 is what the verifier minimally accepts.
constexpr int kRsaBits = 2048;

absl::Status ErrnoError(std::string_view what, const fs::path& path) {
  return absl::InternalError(
      absl::StrCat(std::string(what), " ", path.string(), ": ", std::strerror(errno)));
}

// Creates `path` exclusively with `mode` (umask can only narrow it) and writes `content`.
absl::Status WriteNewFile(const fs::path& path, std::string_view content, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return ErrnoError("cannot create", path);
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      absl::Status error = ErrnoError("cannot write", path);
      ::close(fd);
      return error;
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    absl::Status error = ErrnoError("cannot sync", path);
    ::close(fd);
    return error;
  }
  if (::close(fd) != 0) return ErrnoError("cannot close", path);
  return absl::OkStatus();
}

fs::path TempPathFor(const fs::path& path) {
  return path.parent_path() / absl::StrCat(".", path.filename().string(), ".tmp-", ::getpid());
}

}  // namespace

absl::StatusOr<KeygenOptions> ParseKeygenFlags(const std::vector<std::string>& args) {
  absl::StatusOr<Flags> flags =
      Flags::Parse(args, {.value_flags = {"dir", "alg"}, .bool_flags = {"force"}});
  if (!flags.ok()) return flags.status();
  KeygenOptions options;
  absl::StatusOr<std::string> dir = flags->Required("dir");
  if (!dir.ok()) return dir.status();
  options.dir = *std::move(dir);
  if (std::optional<std::string> alg = flags->Get("alg")) {
    std::optional<auth::Algorithm> parsed = auth::AlgorithmFromName(*alg);
    if (!parsed) return absl::InvalidArgumentError("--alg must be ES256 or RS256");
    options.alg = *parsed;
  }
  options.force = flags->Has("force");
  return options;
}

absl::Status RunKeygen(const KeygenOptions& options) {
  const fs::path dir(options.dir);
  const fs::path key_path = dir / kPrivateKeyFile;
  const fs::path jwks_path = dir / kJwksFile;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    return absl::InternalError(absl::StrCat("cannot create ", dir.string(), ": ", ec.message()));
  if (!options.force) {
    for (const fs::path& path : {key_path, jwks_path}) {
      if (fs::exists(path, ec)) {
        return absl::AlreadyExistsError(
            absl::StrCat(path.string(), " already exists; pass --force to replace it"));
      }
    }
  }

  absl::StatusOr<std::string> pem = options.alg == auth::Algorithm::kEs256
                                        ? auth::GenerateEcP256PrivateKeyPem()
                                        : auth::GenerateRsaPrivateKeyPem(kRsaBits);
  if (!pem.ok()) return pem.status();
  absl::StatusOr<auth::JwtSigner> signer = auth::JwtSigner::FromPrivateKeyPem(*pem, kDevKid);
  if (!signer.ok()) return signer.status();
  absl::StatusOr<std::string> jwks = signer->PublicJwks();
  if (!jwks.ok()) return jwks.status();

  const fs::path key_tmp = TempPathFor(key_path);
  const fs::path jwks_tmp = TempPathFor(jwks_path);
  absl::Status status = WriteNewFile(key_tmp, *pem, 0600);
  if (status.ok()) status = WriteNewFile(jwks_tmp, *jwks + "\n", 0644);
  // Key first: a crash between the renames leaves a new key with the old JWKS, which fails
  // loudly at verification rather than silently trusting a stale key.
  if (status.ok() && ::rename(key_tmp.c_str(), key_path.c_str()) != 0) {
    status = ErrnoError("cannot replace", key_path);
  }
  if (status.ok() && ::rename(jwks_tmp.c_str(), jwks_path.c_str()) != 0) {
    status = ErrnoError("cannot replace", jwks_path);
  }
  fs::remove(key_tmp, ec);
  fs::remove(jwks_tmp, ec);
  return status;
}

}  // namespace kinerja::devtoken
