#include "services/analytics/api/http_errors.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "nlohmann/json.hpp"
#include "shared/errors/errors.h"

namespace kinerja::analytics::api {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

nlohmann::json Body(const http::Response& response) {
  EXPECT_EQ(response.content_type, "application/json");
  return nlohmann::json::parse(response.body);
}

TEST(HttpErrors, StatusCodes) {
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kFailedPrecondition), 400);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kDeadlineExceeded), 504);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kInternal), 500);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kDataLoss), 500);
}

TEST(HttpErrors, InvalidArgumentNamesTheQueryParameter) {
  http::Response response =
      ErrorResponse(errors::InvalidField("scope.year", "must be between 2000 and 2100"));
  EXPECT_EQ(response.status, 400);
  nlohmann::json error = Body(response)["error"];
  EXPECT_EQ(error["code"], 400);
  EXPECT_EQ(error["status"], "INVALID_ARGUMENT");
  EXPECT_EQ(error["message"], "year: must be between 2000 and 2100");
  bool found = false;
  for (const auto& detail : error["details"]) {
    if (detail["@type"] == "type.googleapis.com/google.rpc.BadRequest") {
      EXPECT_EQ(detail["fieldViolations"][0]["field"], "year");
      EXPECT_EQ(detail["fieldViolations"][0]["description"], "must be between 2000 and 2100");
      found = true;
    }
    if (detail["@type"] == "type.googleapis.com/google.rpc.ErrorInfo") {
      EXPECT_EQ(detail["domain"], kErrorDomain);
      EXPECT_EQ(detail["reason"], "INVALID_ARGUMENT");
    }
  }
  EXPECT_TRUE(found) << response.body;
}

TEST(HttpErrors, NestedFieldPathsBecomeTheirParameter) {
  EXPECT_EQ(errors::ViolationsOf(NameQueryParameters(errors::InvalidField("as_of.month", "bad")))[0]
                .field,
            "as_of");
  EXPECT_EQ(
      errors::ViolationsOf(NameQueryParameters(errors::InvalidField("page_size", "bad")))[0].field,
      "page_size");
  absl::Status reasoned =
      errors::WithReason(errors::InvalidField("scope.unit_id", "unknown"), "UNIT_UNKNOWN");
  EXPECT_EQ(errors::ReasonOf(NameQueryParameters(reasoned)), "UNIT_UNKNOWN");
  EXPECT_EQ(NameQueryParameters(absl::NotFoundError("x")), absl::NotFoundError("x"));
}

TEST(HttpErrors, InternalErrorsKeepTheirCauseToThemselves) {
  http::Response response = ErrorResponse(absl::InternalError("pqxx: relation x does not exist"));
  EXPECT_EQ(response.status, 500);
  EXPECT_THAT(response.body, Not(HasSubstr("pqxx")));
  EXPECT_EQ(Body(response)["error"]["status"], "INTERNAL");
}

TEST(HttpErrors, UnauthenticatedAsksForABearerToken) {
  http::Response response = ErrorResponse(absl::UnauthenticatedError("token expired"));
  EXPECT_EQ(response.status, 401);
  EXPECT_THAT(response.headers, Contains(Pair("WWW-Authenticate", "Bearer realm=\"kinerja\"")));
  EXPECT_THAT(response.headers, Contains(Pair("Cache-Control", "no-store")));
}

TEST(HttpErrors, OverloadSaysWhenToRetry) {
  http::Response response = ErrorResponse(errors::Overloaded("busy", absl::Milliseconds(200)));
  EXPECT_EQ(response.status, 429);
  EXPECT_THAT(response.headers, Contains(Pair("Retry-After", "1")));
}

TEST(HttpErrors, PermissionDeniedAndNotFound) {
  EXPECT_EQ(ErrorResponse(absl::PermissionDeniedError("no")).status, 403);
  http::Response missing = ErrorResponse(errors::NotFound("unit", "U9"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Body(missing)["error"]["message"], "unit U9 not found");
  EXPECT_EQ(ErrorResponse(absl::UnavailableError("db down")).status, 503);
}

}  // namespace
}  // namespace kinerja::analytics::api
