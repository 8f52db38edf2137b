#include "shared/auth/compact_jws.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "shared/crypto/encoding.h"

namespace kinerja::auth {
namespace {

// Unpadded, canonical base64url only (the trailing bits must be zero): otherwise several
// strings would decode to the same bytes, and one signed token could be re-spelled into
// others that all verify.
std::optional<std::string> DecodeStrict(std::string_view text) {
  std::optional<std::string> bytes = crypto::Base64UrlDecode(text);
  if (!bytes || crypto::Base64UrlEncode(*bytes) != text) return std::nullopt;
  return bytes;
}

}  // namespace

absl::StatusOr<CompactJwsParts> SplitCompactJws(std::string_view token) {
  size_t first = token.find('.');
  size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return absl::UnauthenticatedError("malformed token");
  }
  CompactJwsParts parts;
  parts.header = token.substr(0, first);
  parts.payload = token.substr(first + 1, second - first - 1);
  parts.signing_input = token.substr(0, second);
  std::string_view signature = token.substr(second + 1);
  if (parts.header.empty() || parts.payload.empty()) {
    return absl::UnauthenticatedError("malformed token");
  }
  // An empty signature is what an "alg":"none" token carries; it is rejected later with the
  // clearer reason about the algorithm, so let it through here.
  std::optional<std::string> decoded = DecodeStrict(signature);
  if (!decoded) return absl::UnauthenticatedError("malformed token signature");
  parts.signature = *std::move(decoded);
  return parts;
}

absl::StatusOr<nlohmann::json> DecodeJsonPart(std::string_view part, const char* what) {
  std::optional<std::string> bytes = DecodeStrict(part);
  if (!bytes) return absl::UnauthenticatedError(absl::StrCat("malformed ", what));
  nlohmann::json json = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return absl::UnauthenticatedError(absl::StrCat("malformed ", what));
  }
  return json;
}

}  // namespace kinerja::auth
