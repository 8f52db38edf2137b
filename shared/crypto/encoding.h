// Byte encodings used on the wire: base64url (JWT, page tokens) and hex.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kinerja::crypto {

// RFC 4648 section 5, without padding.
std::string Base64UrlEncode(std::string_view bytes);
// Accepts input with or without '=' padding; nullopt on any character outside the alphabet.
std::optional<std::string> Base64UrlDecode(std::string_view text);

std::string HexEncode(std::string_view bytes);

}  // namespace kinerja::crypto
