// Taking a compact JWS ("header.payload.signature", RFC 7515 section 7.1) apart. Every error
// is UnauthenticatedError with a short reason that never echoes the token.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"

namespace kinerja::auth {

struct CompactJwsParts {
  std::string_view header;         // base64url
  std::string_view payload;        // base64url
  std::string_view signing_input;  // "header.payload", what the signature covers
  std::string signature;           // decoded bytes
};

// Exactly three parts with a non-empty header and payload; views point into `token`.
absl::StatusOr<CompactJwsParts> SplitCompactJws(std::string_view token);

// Decodes a base64url part that must hold a JSON object. `what` names it in the error
// ("token header", "token claims").
absl::StatusOr<nlohmann::json> DecodeJsonPart(std::string_view part, const char* what);

}  // namespace kinerja::auth
