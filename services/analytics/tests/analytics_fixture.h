// The analytics service in-process for its service tests, following three scripted producers
// (scripted_producer.h) over real gRPC channels with a service token, on its own schema and role
// in a fresh database of the throwaway PostgreSQL cluster per test. A test publishes events at
// the producers, waits until the service has applied them, and reads reports through the real
// gRPC channel (stub()) or the HTTP port (http_port()) with tokens of the roles it needs.
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include <google/protobuf/message.h>

#include "absl/time/time.h"
#include "kinerja/analytics/v1/analytics_service.grpc.pb.h"
#include "services/analytics/tests/event_builders.h"
#include "services/analytics/tests/scripted_producer.h"
#include "shared/server/service_main.h"
#include "tests/harness/service_under_test.h"

namespace kinerja::analytics::testing {

namespace v1 = ::kinerja::analytics::v1;

// The analytics service's clock in these tests: 2027-02-15 12:00 in Jakarta (the 2026 year is
// over, its annual assessments due 31 days after its end are due).
absl::Time AnalyticsTestNow();

class AnalyticsFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Publishes at `producer` ("employee", "goals", "review") with the next sequence of that
  // producer, or with `sequence` (an old event delivered again keeps its old sequence).
  void Publish(const std::string& producer, const std::string& type,
               const google::protobuf::Message& payload);
  void PublishAt(const std::string& producer, const std::string& type,
                 const google::protobuf::Message& payload, int64_t sequence);
  // Waits until the service has applied every event published so far (its cursors), failing
  // the test after `timeout`.
  void WaitCaughtUp(absl::Duration timeout = absl::Seconds(30));

  // Stops the service and starts it again on the same database (its cursors and read model).
  void StopAnalytics();
  void StartAnalytics();

  v1::AnalyticsService::Stub& stub() { return *stub_; }
  // A client context carrying `token` ("" for none).
  static std::unique_ptr<grpc::ClientContext> With(const std::string& token);

  std::string HrToken(const std::string& agency) const;
  std::string AuditorToken() const;
  std::string EmployeeToken(const std::string& nip, const std::string& agency) const;
  std::string LeaderToken(const std::string& nip, const std::string& agency) const;

  ScriptedProducer& producer(const std::string& name) { return *producers_.at(name); }
  int http_port() const;
  server::RunningService& service() { return *service_; }
  // The first column of the first row of `sql` in the analytics schema (as the superuser).
  std::string Scalar(const std::string& sql) const;

 private:
  kinerja::testing::TestIssuer issuer_;
  std::string database_;
  std::string token_file_;
  std::map<std::string, std::unique_ptr<ScriptedProducer>> producers_;
  std::map<std::string, int64_t> sequence_;
  std::unique_ptr<server::RunningService> service_;
  std::unique_ptr<v1::AnalyticsService::Stub> stub_;
};

}  // namespace kinerja::analytics::testing
