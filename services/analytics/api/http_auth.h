// Who is calling an analytics HTTP route: the bearer token of the Authorization header (scripts,
// dashboards of other systems) or of the kinerja_token cookie (the browser; the single sign-on
// in front of the service sets it), verified by the service's JwtVerifier exactly as the gRPC
// API verifies it. Without either, the caller is the public, who may read the transparency
// report only (the Reports core decides that, as for gRPC).
//
// Tokens never leave this file: not in logs, not in error messages (the verifier's reasons
// never quote them), and a token in the query string is not looked at (it would end up in
// proxies' and browsers' logs).
#pragma once

#include "absl/status/statusor.h"
#include "shared/auth/jwt_verifier.h"
#include "shared/auth/principal.h"
#include "shared/http/http_server.h"

namespace kinerja::analytics::api {

inline constexpr char kTokenCookie[] = "kinerja_token";

// The anonymous caller: the public role only.
auth::Principal PublicPrincipal();

// Whether the request carries a token at all (Authorization header or kinerja_token cookie).
bool SendsCredentials(const http::Request& request);

// What the anonymous public is told by a report it may not read: 401 UNAUTHENTICATED (sign in),
// rather than the 403 of a signed-in caller without the rights; other statuses unchanged.
absl::Status AskToSignIn(absl::Status status);

// UNAUTHENTICATED for an Authorization header that is not "Bearer <token>", or a token (header
// or cookie) that does not verify. The header wins over the cookie.
absl::StatusOr<auth::Principal> Authenticate(const http::Request& request,
                                             const auth::JwtVerifier& verifier);

}  // namespace kinerja::analytics::api
