// Request plumbing of the review handlers: write options, access refusals at the edge, and the
// officials of the day as the employee service resolves them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "kinerja/employee/v1/employee_service.pb.h"
#include "kinerja/goals/v1/resources.pb.h"
#include "services/review/api/review_service.h"
#include "services/review/domain/records.h"
#include "shared/errors/errors.h"
#include "shared/server/request_support.h"
#include "shared/server/scoped_filter.h"

namespace kinerja::review::api {

using server::AgencyScopedFilter;
using server::CallContext;
using server::ExpectedVersion;
using server::ListPage;
using server::NextPageToken;
using server::StartList;
using server::Violations;

template <typename Request>
absl::StatusOr<db::WriteOptions> WriteOptionsFor(const CallContext& call, const Request& request) {
  return server::WriteOptionsFor(call, kServiceName, request);
}

// `id` must be non-empty (INVALID_ARGUMENT naming `field`).
absl::Status RequireId(const std::string& id, const char* field);

// The domain's "who acts" refusals (NOT_ASSESSOR_OF_THE_DAY, NOT_ASSESSOR_SUPERIOR,
// NOT_PARENT_UNIT_LEADER, OWN_ASSESSMENT, NOT_OWN_ASSESSMENT, NOT_OBJECTION_PARTY) are access
// decisions: PERMISSION_DENIED at the edge, keeping the reason. Other statuses pass through.
absl::Status AccessRefusal(absl::Status status);
template <typename T>
absl::StatusOr<T> AccessRefusal(absl::StatusOr<T> result) {
  if (result.ok()) return result;
  return AccessRefusal(result.status());
}

// An employee-service official as this service records it. POLITICAL_HEAD is NON-ASN.
OfficialRecord OfficialFrom(const employee::v1::Official& official);
// A goals plan person (the plan's employee) as this service records it.
OfficialRecord OfficialFrom(const goals::v1::PlanPerson& person);

// The reporting line of the plan's employee in the plan's position on `day` (FAILED_PRECONDITION
// "NO_ASSESSOR" / "NO_ASSESSOR_SUPERIOR" when the employee service finds none).
struct LineOfTheDay {
  OfficialRecord assessor;
  std::optional<OfficialRecord> assessor_superior;
};
absl::StatusOr<LineOfTheDay> LineOf(clients::EmployeeClient& employees,
                                    const std::string& employee_id, const std::string& position_id,
                                    absl::CivilDay day);

// The head of `unit` on `day` (NIP, "" when nobody placed in the unit holds its leader
// position) and the official leading the unit one level up: the occupant of the parent unit,
// or, for the agency's root unit, its own occupant (the regional head). Resolved through the
// employee service's reporting lines of the unit's staff, as if one of them held the unit's
// leader position (or, for the root, the leader position of a child unit).
// FAILED_PRECONDITION "UNIT_LEADER_UNKNOWN" when the unit (or, for the root, its child units)
// has nobody placed in it to resolve the line from, or nobody leads above.
struct UnitLeaders {
  OfficialRecord leader_above;
  std::string head_nip;
};
absl::StatusOr<UnitLeaders> LeadersOf(clients::EmployeeClient& employees,
                                      const employee::v1::OrgUnit& unit, absl::CivilDay day);

// Annual credit points of a finalised annual assessment of a functional position (position
// type FUNGSIONAL with a functional level), by its predicate and the months its window covers;
// nullopt otherwise (periodic assessments, other positions).
std::optional<int64_t> CreditPointsOf(const AssessmentRecord& record);

// An answer about a referenced id of another service: NOT_FOUND becomes FAILED_PRECONDITION
// REFERENCE_NOT_FOUND naming `field`.
template <typename T>
absl::StatusOr<T> Referenced(absl::StatusOr<T> answer, std::string_view field) {
  return server::AsReference(std::move(answer), field);
}

}  // namespace kinerja::review::api
