#include "shared/auth/key_loader.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "shared/auth/jwk.h"
#include "shared/auth/openssl_ptr.h"

namespace kinerja::auth {
namespace {

namespace fs = std::filesystem;

// Anything bigger is not a key file; refusing early keeps a misconfigured path from being
// read into memory.
constexpr std::uintmax_t kMaxKeyFileBytes = 1 << 20;

absl::StatusOr<std::string> ReadSmallFile(const fs::path& path) {
  std::error_code ec;
  std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
  if (size > kMaxKeyFileBytes) {
    return absl::InvalidArgumentError(absl::StrCat(path.string(), " is too large for a key file"));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
  return content.str();
}

bool LooksLikeJson(std::string_view content) {
  size_t first = content.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && content[first] == '{';
}

bool HoldsPrivateKey(std::string_view content) {
  return content.find("PRIVATE KEY-----") != std::string_view::npos;
}

EvpPkeyPtr ReadPemPublicKey(std::string_view pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return nullptr;
  if (pem.find("-----BEGIN CERTIFICATE-----") != std::string_view::npos) {
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    return EvpPkeyPtr(cert ? X509_get_pubkey(cert.get()) : nullptr);
  }
  return EvpPkeyPtr(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
}

// The keys in one file's `content`, with errors prefixed by its path so that a bad deployment
// is easy to find.
absl::StatusOr<KeySet> KeysFromFileContent(const fs::path& path, std::string_view content) {
  absl::StatusOr<KeySet> keys;
  if (LooksLikeJson(content)) {
    keys = ParseJwks(content);
  } else if (HoldsPrivateKey(content)) {
    keys = absl::InvalidArgumentError("holds a private key; configure the public key or JWKS");
  } else {
    keys = ParsePublicKeyPem(content, path.stem().string());
  }
  if (!keys.ok()) {
    return absl::Status(keys.status().code(),
                        absl::StrCat(path.string(), ": ", keys.status().message()));
  }
  return keys;
}

bool IsKeyFileName(const fs::path& path) {
  std::string name = path.filename().string();
  if (name.empty() || name.front() == '.') return false;
  std::string ext = path.extension().string();
  return ext == ".pem" || ext == ".crt" || ext == ".json" || ext == ".jwks";
}

absl::StatusOr<KeySet> LoadKeyDirectory(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    // is_regular_file follows symlinks, which is how Kubernetes mounts secrets.
    if (entry.is_regular_file(ec) && IsKeyFileName(entry.path())) files.push_back(entry.path());
  }
  if (ec) return absl::NotFoundError(absl::StrCat("cannot list ", dir.string()));
  std::sort(files.begin(), files.end());  // deterministic: the same error on every start
  KeySet all;
  for (const fs::path& file : files) {
    absl::StatusOr<std::string> content = ReadSmallFile(file);
    if (!content.ok()) return content.status();
    if (!LooksLikeJson(*content) && HoldsPrivateKey(*content)) continue;
    absl::StatusOr<KeySet> keys = KeysFromFileContent(file, *content);
    if (!keys.ok()) return keys.status();
    if (absl::Status merged = all.Merge(*std::move(keys)); !merged.ok()) {
      return absl::Status(merged.code(), absl::StrCat(file.string(), ": ", merged.message()));
    }
  }
  return all;
}

}  // namespace

absl::StatusOr<KeySet> ParseJwks(std::string_view jwks_json) {
  nlohmann::json doc = nlohmann::json::parse(jwks_json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return absl::InvalidArgumentError("JWKS is not a JSON object");
  }
  auto keys = doc.find("keys");
  if (keys == doc.end() || !keys->is_array()) {
    return absl::InvalidArgumentError("JWKS lacks a \"keys\" array");
  }
  KeySet set;
  for (const nlohmann::json& jwk : *keys) {
    absl::StatusOr<std::optional<VerificationKey>> key = VerificationKeyFromJwk(jwk);
    if (!key.ok()) return key.status();
    if (!key->has_value()) continue;
    if (absl::Status added = set.Add(**std::move(key)); !added.ok()) return added;
  }
  return set;
}

absl::StatusOr<KeySet> ParsePublicKeyPem(std::string_view pem, std::string kid) {
  EvpPkeyPtr key = ReadPemPublicKey(pem);
  if (!key) {
    ERR_clear_error();
    return absl::InvalidArgumentError("not a PEM public key or certificate");
  }
  absl::StatusOr<KeyType> type = ClassifyKey(key.get());
  if (!type.ok()) return type.status();
  KeySet set;
  absl::Status added = set.Add(VerificationKey{
      .kid = std::move(kid), .type = *type, .alg = std::nullopt, .key = std::move(key)});
  if (!added.ok()) return added;
  return set;
}

absl::StatusOr<KeySet> LoadKeys(const std::string& path) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return absl::NotFoundError(absl::StrCat("no such file: ", path));
  absl::StatusOr<KeySet> keys;
  if (fs::is_directory(status)) {
    keys = LoadKeyDirectory(path);
  } else {
    absl::StatusOr<std::string> content = ReadSmallFile(path);
    if (!content.ok()) return content.status();
    keys = KeysFromFileContent(path, *content);
  }
  if (keys.ok() && keys->empty()) {
    return absl::InvalidArgumentError(absl::StrCat("no usable signing keys in ", path));
  }
  return keys;
}

}  // namespace kinerja::auth
