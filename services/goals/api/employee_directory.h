// The goals service's view of the employee service (kinerja.employee.v1.EmployeeService): the
// snapshot a new plan keeps (employee, position, unit, assessor, assessor's superior at a
// date), the employees a template targets, and the transfer events. Every call carries the
// goals service's own identity (a service token read from a file, re-read when it changes, so
// an operator can rotate it without a restart) and a deadline; one channel is reused.
//
// Errors from the employee service come back as absl::Status: NOT_FOUND and INVALID_ARGUMENT
// keep their code and message; UNAVAILABLE and DEADLINE_EXCEEDED become UNAVAILABLE
// "employee service: ..."; anything else (e.g. PERMISSION_DENIED: a misconfigured service
// identity) becomes INTERNAL.
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals::api {

// What a plan snapshots when it is created.
struct EmployeeSnapshot {
  std::string agency_id;
  std::string position_type;  // "JPT_PRATAMA", "PELAKSANA", ...
  PlanPerson employee;
  std::optional<PlanPerson> assessor;
  std::optional<PlanPerson> assessor_superior;
};

// A new draft plan (revision 1, content NewContent(style)) for the snapshotted employee in
// `period`, as CreatePlan and a transfer make it.
Plan NewPlanFromSnapshot(EmployeeSnapshot snapshot, const Period& period, PlanStyle style);

struct DirectoryOptions {
  std::string addr;        // host:port of the employee service
  std::string token_file;  // file holding the service's bearer token
  absl::Duration deadline = absl::Seconds(5);
};

class EmployeeDirectory {
 public:
  explicit EmployeeDirectory(DirectoryOptions options);
  // For tests: an existing channel.
  EmployeeDirectory(DirectoryOptions options, std::shared_ptr<grpc::Channel> channel);

  // Exactly one of employee_id / nip. The reporting line is taken on `date`.
  absl::StatusOr<EmployeeSnapshot> Snapshot(const std::string& employee_id, const std::string& nip,
                                            absl::CivilDay date);

  // Ids of the units below `unit_id` (not including it), breadth first.
  absl::StatusOr<std::vector<std::string>> SubunitIds(const std::string& unit_id);
  // Ids of the active employees currently in any of these units.
  absl::StatusOr<std::vector<std::string>> EmployeesInUnits(const std::vector<std::string>& units);
  // Ids of the active employees of the agency currently in a position of this type
  // ("PELAKSANA", ...).
  absl::StatusOr<std::vector<std::string>> EmployeesWithPositionType(const std::string& agency_id,
                                                                     const std::string& type);

  // A context with the service token and `deadline` (no deadline for streams: pass
  // absl::InfiniteDuration()).
  absl::StatusOr<std::unique_ptr<grpc::ClientContext>> Context(absl::Duration deadline);
  employee::v1::EmployeeService::Stub& stub() { return *stub_; }
  const DirectoryOptions& options() const { return options_; }

 private:
  absl::StatusOr<std::string> Token();

  DirectoryOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<employee::v1::EmployeeService::Stub> stub_;
  absl::Mutex mu_;
  std::string token_ ABSL_GUARDED_BY(mu_);
  absl::Time token_read_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  int64_t token_mtime_ ABSL_GUARDED_BY(mu_) = -1;
};

// An employee-service error as seen from here (rules above).
absl::Status FromEmployeeService(const grpc::Status& status, std::string_view call);

}  // namespace kinerja::goals::api
