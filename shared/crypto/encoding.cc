#include "shared/crypto/encoding.h"

#include "absl/strings/escaping.h"
#include "absl/strings/string_view.h"

namespace kinerja::crypto {
namespace {

// Debian's Abseil is std::string_view-agnostic (absl::string_view is its own type).
absl::string_view AbslView(std::string_view s) { return {s.data(), s.size()}; }

constexpr std::string_view kAlphabetAndPadding =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=";

}  // namespace

std::string Base64UrlEncode(std::string_view bytes) {
  return absl::WebSafeBase64Escape(AbslView(bytes));
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  // Abseil skips whitespace inside the input; a token segment must have exactly one spelling,
  // so anything outside the alphabet is refused before Abseil sees it.
  if (text.find_first_not_of(kAlphabetAndPadding) != std::string_view::npos) return std::nullopt;
  std::string out;
  if (!absl::WebSafeBase64Unescape(AbslView(text), &out)) return std::nullopt;
  return out;
}

std::string HexEncode(std::string_view bytes) { return absl::BytesToHexString(AbslView(bytes)); }

}  // namespace kinerja::crypto
