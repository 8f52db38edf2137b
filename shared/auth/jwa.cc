#include "shared/auth/jwa.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <array>

namespace kinerja::auth {
namespace {

constexpr int kMinRsaBits = 2048;

}  // namespace

std::optional<Algorithm> AlgorithmFromName(std::string_view name) {
  if (name == "RS256") return Algorithm::kRs256;
  if (name == "ES256") return Algorithm::kEs256;
  return std::nullopt;
}

std::string_view AlgorithmName(Algorithm alg) {
  switch (alg) {
    case Algorithm::kRs256:
      return "RS256";
    case Algorithm::kEs256:
      return "ES256";
  }
  return "";
}

KeyType KeyTypeFor(Algorithm alg) {
  return alg == Algorithm::kRs256 ? KeyType::kRsa : KeyType::kEcP256;
}

Algorithm AlgorithmFor(KeyType type) {
  return type == KeyType::kRsa ? Algorithm::kRs256 : Algorithm::kEs256;
}

absl::StatusOr<KeyType> ClassifyKey(EVP_PKEY* key) {
  if (key == nullptr) return absl::InvalidArgumentError("no key");
  if (EVP_PKEY_is_a(key, "RSA")) {
    if (EVP_PKEY_get_bits(key) < kMinRsaBits) {
      return absl::InvalidArgumentError("RSA key shorter than 2048 bits");
    }
    return KeyType::kRsa;
  }
  if (EVP_PKEY_is_a(key, "EC")) {
    std::array<char, 64> group{};
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group.data(), group.size(),
                                       &len) != 1 ||
        std::string_view(group.data(), len) != "prime256v1") {
      return absl::InvalidArgumentError("EC key is not on P-256");
    }
    return KeyType::kEcP256;
  }
  return absl::InvalidArgumentError("key type is neither RSA nor EC P-256");
}

}  // namespace kinerja::auth
