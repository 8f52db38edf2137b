#include "shared/clients/remote_status.h"

#include <gtest/gtest.h>

namespace kinerja::clients {
namespace {

TEST(RemoteStatus, KeepsWhatTheCallerCanActOn) {
  EXPECT_TRUE(FromRemote(grpc::Status::OK, "employee service", "GetEmployee").ok());
  EXPECT_EQ(FromRemote(grpc::Status(grpc::StatusCode::NOT_FOUND, "employee e1 not found"),
                       "employee service", "GetEmployee"),
            absl::NotFoundError("employee e1 not found"));
  EXPECT_EQ(
      FromRemote(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "id: bad"), "s", "c").code(),
      absl::StatusCode::kInvalidArgument);
  absl::Status down = FromRemote(grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection refused"),
                                 "employee service", "GetEmployee");
  EXPECT_EQ(down.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(down.message(), "employee service: GetEmployee: connection refused");
  EXPECT_EQ(FromRemote(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "late"), "s", "c").code(),
            absl::StatusCode::kDeadlineExceeded);
  // A refused service identity is this deployment's fault, not the caller's.
  EXPECT_EQ(FromRemote(grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "no"), "s", "c").code(),
            absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace kinerja::clients
