// The one place where an analytics HTTP route's failure becomes an HTTP answer: the status code
// (400 INVALID_ARGUMENT and FAILED_PRECONDITION, 401, 403, 404, 429, 503, 504, 500, ...), and a
// JSON body in Google's HTTP error form carrying the same google.rpc.Status details as the gRPC
// API (shared/server/status_mapping.h):
//
//   {"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "year: must be ...",
//              "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", ...},
//                          {"@type": "type.googleapis.com/google.rpc.BadRequest",
//                           "fieldViolations": [{"field": "year", "description": "..."}]}]}}
//
// Field violations name the query parameter ("year", "as_of"), not the request message's path
// ("scope.year", "as_of.month"). Internal errors say nothing of their cause (it is logged).
#pragma once

#include "absl/status/status.h"
#include "shared/http/http_server.h"

namespace kinerja::analytics::api {

// The service's error domain (google.rpc.ErrorInfo.domain), as its gRPC errors carry it.
inline constexpr char kErrorDomain[] = "analytics.kinerja";

int HttpStatusOf(absl::StatusCode code);

// An INVALID_ARGUMENT's field paths as query parameter names; other statuses unchanged.
absl::Status NameQueryParameters(absl::Status status);

http::Response ErrorResponse(const absl::Status& status);

}  // namespace kinerja::analytics::api
