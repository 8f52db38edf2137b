#include "services/analytics/api/http_errors.h"

#include <google/protobuf/util/json_util.h>

#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "nlohmann/json.hpp"
#include "shared/errors/errors.h"
#include "shared/server/status_mapping.h"

namespace kinerja::analytics::api {
namespace {

// "scope.year" -> "year", "as_of.month" -> "as_of", "scope" -> "scope".
std::string ParameterOf(absl::string_view path) {
  absl::ConsumePrefix(&path, "scope.");
  const size_t end = path.find_first_of(".[");
  return std::string(path.substr(0, end));
}

// The google.rpc.Status details as JSON values, or none if they cannot be printed.
nlohmann::json DetailsJson(const grpc::Status& status) {
  google::rpc::Status details;
  nlohmann::json out = nlohmann::json::array();
  if (!details.ParseFromString(status.error_details())) return out;
  google::protobuf::util::JsonPrintOptions options;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(details, &json, options).ok()) return out;
  nlohmann::json parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_object() && parsed.contains("details")) return parsed["details"];
  return out;
}

}  // namespace

int HttpStatusOf(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return 200;
    case absl::StatusCode::kCancelled:
      return 499;  // as Google's APIs: the client closed the request
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
      return 400;
    case absl::StatusCode::kUnauthenticated:
      return 401;
    case absl::StatusCode::kPermissionDenied:
      return 403;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kAborted:
      return 409;
    case absl::StatusCode::kResourceExhausted:
      return 429;
    case absl::StatusCode::kUnimplemented:
      return 501;
    case absl::StatusCode::kUnavailable:
      return 503;
    case absl::StatusCode::kDeadlineExceeded:
      return 504;
    default:  // UNKNOWN, INTERNAL, DATA_LOSS
      return 500;
  }
}

absl::Status NameQueryParameters(absl::Status status) {
  if (status.code() != absl::StatusCode::kInvalidArgument) return status;
  std::vector<errors::FieldViolation> violations = errors::ViolationsOf(status);
  if (violations.empty()) return status;
  for (errors::FieldViolation& violation : violations) {
    violation.field = ParameterOf(violation.field);
  }
  absl::Status out = errors::InvalidFields(violations);
  if (auto reason = errors::ReasonOf(status)) out = errors::WithReason(out, *reason);
  return out;
}

http::Response ErrorResponse(const absl::Status& status) {
  const grpc::Status mapped = server::ToGrpcStatus(NameQueryParameters(status), kErrorDomain);
  const int code = HttpStatusOf(status.code());
  nlohmann::json body = {{"error",
                          {{"code", code},
                           {"status", absl::StatusCodeToString(status.code())},
                           {"message", mapped.error_message()},
                           {"details", DetailsJson(mapped)}}}};
  http::Response response;
  response.status = code;
  response.content_type = "application/json";
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  response.headers.emplace_back("Cache-Control", "no-store");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (code == 401) {
    response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"kinerja\"");
  }
  if (std::optional<absl::Duration> delay = errors::RetryDelayOf(status)) {
    const double seconds = std::ceil(absl::ToDoubleSeconds(*delay));
    response.headers.emplace_back("Retry-After", absl::StrCat(std::max(1.0, seconds)));
  }
  return response;
}

}  // namespace kinerja::analytics::api
