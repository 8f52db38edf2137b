#include "shared/server/status_mapping.h"

#include <gtest/gtest.h>

#include "absl/time/time.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "shared/errors/errors.h"

namespace kinerja::server {
namespace {

google::rpc::Status DetailsOf(const grpc::Status& status) {
  google::rpc::Status details;
  EXPECT_TRUE(details.ParseFromString(status.error_details()));
  return details;
}

TEST(StatusMapping, InternalDetailsStayInTheLog) {
  grpc::Status s = ToGrpcStatus(absl::InternalError("relation plans does not exist"), "x");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(s.error_message().find("plans"), std::string::npos);
}

TEST(StatusMapping, FieldViolationsAndReasonTravelAsDetails) {
  grpc::Status s =
      ToGrpcStatus(errors::InvalidField("period.name", "is required"), "goals.kinerja");
  google::rpc::Status details = DetailsOf(s);
  bool bad_request = false;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&bad)) {
      bad_request = true;
      ASSERT_EQ(bad.field_violations_size(), 1);
      EXPECT_EQ(bad.field_violations(0).field(), "period.name");
    }
    google::rpc::ErrorInfo info;
    if (any.UnpackTo(&info)) {
      EXPECT_EQ(info.domain(), "goals.kinerja");
    }
  }
  EXPECT_TRUE(bad_request);
}

TEST(StatusMapping, OverloadCarriesRetryInfo) {
  grpc::Status s = ToGrpcStatus(errors::Overloaded("busy", absl::Milliseconds(1500)), "x");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  bool retry_info = false;
  const google::rpc::Status details = DetailsOf(s);
  for (const auto& any : details.details()) {
    google::rpc::RetryInfo retry;
    if (any.UnpackTo(&retry)) {
      retry_info = true;
      EXPECT_EQ(retry.retry_delay().seconds(), 1);
      EXPECT_EQ(retry.retry_delay().nanos(), 500000000);
    }
  }
  EXPECT_TRUE(retry_info);
}

TEST(StatusMapping, AQuotedMegabyteIsCutAtACharacterBoundary) {
  std::string huge = "nama: " + std::string(1 << 20, 'x') + "é";
  grpc::Status s = ToGrpcStatus(errors::InvalidField("records[0].nama", huge), "x");
  EXPECT_LT(s.error_message().size(), 1100u);
  const google::rpc::Status details = DetailsOf(s);
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&bad)) {
      EXPECT_LT(bad.field_violations(0).description().size(), 1100u);
    }
  }
  std::string accented(1023, 'a');
  accented += "é";  // two bytes across the cut
  grpc::Status cut = ToGrpcStatus(absl::InvalidArgumentError(accented + accented), "x");
  EXPECT_EQ(cut.error_message().substr(0, 1023), std::string(1023, 'a'));
  EXPECT_EQ(cut.error_message().substr(1023, 3), "...");
}

}  // namespace
}  // namespace kinerja::server
