// The HTTP endpoint of a running service: /healthz (JSON), and /metrics with the gRPC server
// metrics named and labelled as Prometheus gRPC dashboards expect, plus pool, process and build
// info.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <string>

#include "absl/strings/numbers.h"
#include "absl/time/clock.h"
#include "kinerja/common/v1/events.pb.h"
#include "tests/harness/employee/org_builder.h"
#include "tests/harness/employee/service_env.h"

namespace kinerja::employee::testing {
namespace {

using ::testing::HasSubstr;

httplib::Result HttpGet(const std::string& path) {
  httplib::Client client("127.0.0.1", ServiceEnv::Get().host().metrics_port());
  client.set_read_timeout(5, 0);
  return client.Get(path.c_str());
}

// The value of the sample line that starts with `series` ("name{labels}"), or -1.
double SampleValue(const std::string& text, const std::string& series) {
  size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  size_t start = at + series.size() + 2;
  double value = -1;
  if (!absl::SimpleAtod(text.substr(start, text.find('\n', start) - start), &value)) return -1;
  return value;
}

TEST(MetricsEndpointTest, HealthzFollowsTheDatabase) {
  // The health monitor's first database probe may still be running.
  absl::Time deadline = absl::Now() + absl::Seconds(10);
  httplib::Result health = HttpGet("/healthz");
  while (health && health->status != 200 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(100));
    health = HttpGet("/healthz");
  }
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(health->body, R"({"status":"ok","database":"up","consumers":[]})"
                          "\n")
      << "the employee service follows no other service's events";
  httplib::Result missing = HttpGet("/no-such-page");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST(MetricsEndpointTest, GrpcMetricsUseDashboardNamesAndLabels) {
  v1::GetAgencyRequest request;
  request.set_id("anything");
  v1::Agency agency;
  grpc::Status status = ServiceEnv::Get().stub().GetAgency(Ctx("").get(), request, &agency);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);

  httplib::Result metrics = HttpGet("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_EQ(metrics->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string labels =
      "grpc_method=\"GetAgency\",grpc_service=\"kinerja.employee.v1.EmployeeService\","
      "grpc_type=\"unary\"";
  const std::string& text = metrics->body;
  EXPECT_THAT(text, HasSubstr("grpc_server_started_total{" + labels + "} "));
  EXPECT_THAT(
      text, HasSubstr("grpc_server_handled_total{grpc_code=\"Unauthenticated\"," + labels + "} "));
  EXPECT_THAT(text, HasSubstr("grpc_server_handling_seconds_bucket{" + labels + ",le=\"+Inf\"} "));
  EXPECT_THAT(text, HasSubstr("\ndb_pool_connections 4\n"));
  EXPECT_THAT(text, HasSubstr("\ndb_pool_in_use "));
  EXPECT_THAT(text, HasSubstr("\nworker_queue_length "));
  EXPECT_THAT(text, HasSubstr("\nprocess_cpu_seconds_total "));
  EXPECT_THAT(text, HasSubstr("\nprocess_open_fds "));
  EXPECT_THAT(text, HasSubstr("kinerja_build_info{service=\"employee\",version=\""));
}

TEST(MetricsEndpointTest, StreamEventsCountsMessagesSentAndItsEnd) {
  CreateAgency(UniqueId("kab"));  // at least one event in the backlog
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + AuditorToken());
  kinerja::common::v1::StreamEventsRequest request;
  request.set_backlog_only(true);
  auto reader = ServiceEnv::Get().stub().StreamEvents(&ctx, request);
  kinerja::common::v1::EventEnvelope event;
  int count = 0;
  while (reader->Read(&event)) ++count;
  ASSERT_TRUE(reader->Finish().ok());
  ASSERT_GT(count, 0);

  httplib::Result metrics = HttpGet("/metrics");
  ASSERT_TRUE(metrics);
  const std::string labels =
      "grpc_method=\"StreamEvents\",grpc_service=\"kinerja.employee.v1.EmployeeService\","
      "grpc_type=\"server_stream\"";
  // Other tests' streams count too, so at least this one's.
  EXPECT_GE(SampleValue(metrics->body, "grpc_server_msg_sent_total{" + labels + "}"), count)
      << metrics->body;
  EXPECT_GE(
      SampleValue(metrics->body, "grpc_server_handled_total{grpc_code=\"OK\"," + labels + "}"), 1);
  EXPECT_GE(SampleValue(metrics->body, "grpc_server_started_total{" + labels + "}"), 1);
}

}  // namespace
}  // namespace kinerja::employee::testing
