// The employee service's client over gRPC (one reused channel, this service's identity, deadlines
// bounded by the incoming call's, request id and trace forwarded: service_channel.h).
#pragma once

#include <memory>

#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "shared/clients/employee_client.h"
#include "shared/clients/service_channel.h"
#include "shared/clients/stub_event_source.h"

namespace kinerja::clients {

class GrpcEmployeeClient final : public EmployeeClient {
 public:
  explicit GrpcEmployeeClient(ChannelOptions options);
  // For tests: an existing channel.
  GrpcEmployeeClient(ChannelOptions options, std::shared_ptr<grpc::Channel> channel);

  absl::StatusOr<employee::v1::Employee> GetEmployee(const std::string& id,
                                                     const std::string& nip) override;
  absl::StatusOr<employee::v1::ReportingLine> GetReportingLine(
      const std::string& employee_id, absl::CivilDay date,
      const std::string& position_id = "") override;
  absl::StatusOr<std::vector<employee::v1::ReportingLine>> ReportingLinesInSubtree(
      const std::string& unit_id, absl::CivilDay date) override;
  absl::StatusOr<std::vector<employee::v1::Official>> ListPeers(const std::string& employee_id,
                                                                absl::CivilDay date) override;
  absl::StatusOr<std::vector<employee::v1::Official>> ListDirectReports(
      const std::string& employee_id, absl::CivilDay date) override;
  absl::StatusOr<employee::v1::Position> GetPosition(const std::string& id) override;
  absl::StatusOr<employee::v1::OrgUnit> GetOrgUnit(const std::string& id) override;
  absl::StatusOr<employee::v1::Agency> GetAgency(const std::string& id) override;
  absl::StatusOr<std::vector<std::string>> SubunitIds(const std::string& unit_id) override;
  absl::StatusOr<std::vector<std::string>> EmployeesInUnits(
      const std::vector<std::string>& units) override;
  absl::StatusOr<std::vector<std::string>> EmployeesWithPositionType(
      const std::string& agency_id, const std::string& type) override;
  events::EventSource& Events() override { return events_; }

 private:
  // Every active employee matching `filter`, all pages, appended to `out`.
  absl::Status CollectEmployees(const std::string& filter, std::vector<std::string>& out);

  ServiceChannel channel_;
  std::unique_ptr<employee::v1::EmployeeService::Stub> stub_;
  StubEventSource<employee::v1::EmployeeService::Stub> events_;
};

}  // namespace kinerja::clients
