// What other services ask the employee service (kinerja.employee.v1.EmployeeService), behind a
// small interface: the real client (grpc_employee_client.h) in production and service tests, a
// fake where a test needs one. Answers are the employee service's own messages; each service
// converts what it keeps into its domain types. Errors: clients/remote_status.h.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "kinerja/employee/v1/employee_service.pb.h"
#include "kinerja/employee/v1/resources.pb.h"
#include "shared/events/event_source.h"

namespace kinerja::clients {

class EmployeeClient {
 public:
  virtual ~EmployeeClient() = default;

  // Exactly one of id / nip.
  virtual absl::StatusOr<employee::v1::Employee> GetEmployee(const std::string& id,
                                                             const std::string& nip) = 0;
  // The line of the employee's current position on `date`, or with `position_id` of that
  // position (e.g. one they held before a transfer).
  virtual absl::StatusOr<employee::v1::ReportingLine> GetReportingLine(
      const std::string& employee_id, absl::CivilDay date, const std::string& position_id = "") = 0;
  // The lines of every employee placed in `unit_id` and the units below it on `date`, all pages.
  virtual absl::StatusOr<std::vector<employee::v1::ReportingLine>> ReportingLinesInSubtree(
      const std::string& unit_id, absl::CivilDay date) = 0;
  // The employee's peers and direct reports on `date` (360 raters), all pages.
  virtual absl::StatusOr<std::vector<employee::v1::Official>> ListPeers(
      const std::string& employee_id, absl::CivilDay date) = 0;
  virtual absl::StatusOr<std::vector<employee::v1::Official>> ListDirectReports(
      const std::string& employee_id, absl::CivilDay date) = 0;
  virtual absl::StatusOr<employee::v1::Position> GetPosition(const std::string& id) = 0;
  virtual absl::StatusOr<employee::v1::OrgUnit> GetOrgUnit(const std::string& id) = 0;
  virtual absl::StatusOr<employee::v1::Agency> GetAgency(const std::string& id) = 0;

  // Ids of the units below `unit_id` (not including it), breadth first.
  virtual absl::StatusOr<std::vector<std::string>> SubunitIds(const std::string& unit_id) = 0;
  // Ids of the active employees currently in any of these units.
  virtual absl::StatusOr<std::vector<std::string>> EmployeesInUnits(
      const std::vector<std::string>& units) = 0;
  // Ids of the active employees of the agency currently in a position of this type
  // ("PELAKSANA", ...).
  virtual absl::StatusOr<std::vector<std::string>> EmployeesWithPositionType(
      const std::string& agency_id, const std::string& type) = 0;

  // The employee service's events (StreamEvents), for an events::EventFollower.
  virtual events::EventSource& Events() = 0;
};

// "PELAKSANA" for POSITION_TYPE_PELAKSANA.
std::string PositionTypeName(employee::v1::PositionType type);
// Whether `name` is one of those names (not the unspecified value).
bool IsPositionTypeName(const std::string& name);

}  // namespace kinerja::clients
