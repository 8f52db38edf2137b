#include "shared/metrics/grpc_server_metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "shared/metrics/registry.h"

namespace kinerja::metrics {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kService[] = "kinerja.employee.v1.EmployeeService";

TEST(GrpcServerMetricsTest, UnaryCallsAsGoGrpcPrometheusNamesThem) {
  Registry registry;
  GrpcServerMetrics metrics(registry.prometheus(), kService);
  GrpcMethodMetrics& get = metrics.ForMethod("GetEmployee", GrpcType::kUnary);
  EXPECT_EQ(&get, &metrics.ForMethod("GetEmployee", GrpcType::kUnary));
  get.Started();
  get.Handled(absl::StatusCode::kOk, absl::Milliseconds(2));
  get.Started();
  get.Handled(absl::StatusCode::kNotFound, absl::Microseconds(700));
  get.MsgSent();  // not counted for unary calls

  const std::string labels =
      "grpc_method=\"GetEmployee\",grpc_service=\"kinerja.employee.v1.EmployeeService\","
      "grpc_type=\"unary\"";
  std::string text = registry.Render();
  EXPECT_THAT(text, HasSubstr("# TYPE grpc_server_started_total counter\n"
                              "grpc_server_started_total{" +
                              labels + "} 2\n"));
  EXPECT_THAT(text,
              HasSubstr("grpc_server_handled_total{grpc_code=\"NotFound\"," + labels + "} 1\n"));
  EXPECT_THAT(text, HasSubstr("grpc_server_handled_total{grpc_code=\"OK\"," + labels + "} 1\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE grpc_server_handling_seconds histogram\n"));
  EXPECT_THAT(text, HasSubstr("grpc_server_handling_seconds_count{" + labels + "} 2\n"));
  EXPECT_THAT(text,
              HasSubstr("grpc_server_handling_seconds_bucket{" + labels + ",le=\"0.0005\"} 0\n"));
  EXPECT_THAT(text,
              HasSubstr("grpc_server_handling_seconds_bucket{" + labels + ",le=\"0.001\"} 1\n"));
  EXPECT_THAT(text,
              HasSubstr("grpc_server_handling_seconds_bucket{" + labels + ",le=\"+Inf\"} 2\n"));
  EXPECT_THAT(text, Not(HasSubstr("grpc_server_msg_sent_total{")));
}

TEST(GrpcServerMetricsTest, StreamsCountMessages) {
  Registry registry;
  GrpcServerMetrics metrics(registry.prometheus(), "kinerja.goals.v1.GoalService");
  GrpcMethodMetrics& stream = metrics.ForMethod("StreamEvents", GrpcType::kServerStream);
  stream.Started();
  stream.MsgSent();
  stream.MsgSent();
  stream.Handled(absl::StatusCode::kCancelled, absl::Seconds(30));
  GrpcMethodMetrics& import = metrics.ForMethod("ImportRecords", GrpcType::kClientStream);
  import.MsgReceived();

  std::string text = registry.Render();
  EXPECT_THAT(text, HasSubstr("grpc_server_msg_sent_total{grpc_method=\"StreamEvents\","
                              "grpc_service=\"kinerja.goals.v1.GoalService\","
                              "grpc_type=\"server_stream\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("grpc_server_handled_total{grpc_code=\"Canceled\","
                              "grpc_method=\"StreamEvents\""));
  EXPECT_THAT(text, HasSubstr("grpc_server_msg_received_total{grpc_method=\"ImportRecords\","
                              "grpc_service=\"kinerja.goals.v1.GoalService\","
                              "grpc_type=\"client_stream\"} 1\n"));
}

TEST(GrpcCodeNameTest, GoNamesOfEveryCode) {
  EXPECT_EQ(GrpcCodeName(absl::StatusCode::kOk), "OK");
  EXPECT_EQ(GrpcCodeName(absl::StatusCode::kCancelled), "Canceled");
  EXPECT_EQ(GrpcCodeName(absl::StatusCode::kInvalidArgument), "InvalidArgument");
  EXPECT_EQ(GrpcCodeName(absl::StatusCode::kDeadlineExceeded), "DeadlineExceeded");
  EXPECT_EQ(GrpcCodeName(absl::StatusCode::kResourceExhausted), "ResourceExhausted");
  EXPECT_EQ(GrpcCodeName(absl::StatusCode::kFailedPrecondition), "FailedPrecondition");
  EXPECT_EQ(GrpcCodeName(absl::StatusCode::kInternal), "Internal");
  EXPECT_EQ(GrpcCodeName(absl::StatusCode::kUnauthenticated), "Unauthenticated");
  EXPECT_EQ(GrpcCodeName(static_cast<absl::StatusCode>(99)), "Unknown");
  EXPECT_EQ(GrpcTypeName(GrpcType::kBidiStream), "bidi_stream");
}

}  // namespace
}  // namespace kinerja::metrics
