#include "services/analytics/api/http_auth.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace kinerja::analytics::api {

auth::Principal PublicPrincipal() {
  auth::Principal principal;
  principal.subject = "public";
  principal.roles = {auth::Role::kPublic};
  return principal;
}

bool SendsCredentials(const http::Request& request) {
  return !request.Header("Authorization").empty() || !request.Cookie(kTokenCookie).empty();
}

absl::Status AskToSignIn(absl::Status status) {
  if (status.code() != absl::StatusCode::kPermissionDenied) return status;
  return absl::UnauthenticatedError(
      "this report needs a signed-in caller: send \"Authorization: Bearer <token>\" or the "
      "kinerja_token cookie (without a token only the transparency report can be read)");
}

absl::StatusOr<auth::Principal> Authenticate(const http::Request& request,
                                             const auth::JwtVerifier& verifier) {
  const std::string authorization = request.Header("Authorization");
  if (!authorization.empty()) {
    constexpr absl::string_view kBearer = "Bearer ";
    if (!absl::StartsWithIgnoreCase(authorization, kBearer)) {
      return absl::UnauthenticatedError(
          "the Authorization header must be \"Bearer <token>\" (or send no header for the public "
          "reports)");
    }
    absl::string_view token =
        absl::StripAsciiWhitespace(absl::string_view(authorization).substr(kBearer.size()));
    return verifier.Verify(std::string_view(token.data(), token.size()));
  }
  const std::string cookie = request.Cookie(kTokenCookie);
  if (!cookie.empty()) return verifier.Verify(cookie);
  return PublicPrincipal();
}

}  // namespace kinerja::analytics::api
