// Request plumbing of the goals handlers: write options for this service, agency-scoped List
// filters, and loading a resource the caller must be allowed to see.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/goals/api/goal_service.h"
#include "shared/auth/principal.h"
#include "shared/clients/employee_client.h"
#include "shared/errors/errors.h"
#include "shared/rpc/filter.h"
#include "shared/server/request_support.h"
#include "shared/server/scoped_filter.h"

namespace kinerja::goals::api {

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

using server::AgencyScopedFilter;

// The result with the field paths of an INVALID_ARGUMENT prefixed (e.g. "period.").
template <typename T>
absl::StatusOr<T> Prefixed(absl::StatusOr<T> result, const char* prefix) {
  if (result.ok()) return result;
  return errors::PrefixField(result.status(), prefix);
}

// `id` must be non-empty (INVALID_ARGUMENT naming `field`).
absl::Status RequireId(const std::string& id, const char* field);

// Ids that belong to the employee service, checked there before a write names them: the
// record exists (else FAILED_PRECONDITION REFERENCE_NOT_FOUND naming `field`) and belongs to
// `agency_id` (else FAILED_PRECONDITION DIFFERENT_AGENCY).
absl::Status CheckAgencyExists(clients::EmployeeClient& employees, const std::string& agency_id,
                               std::string_view field);
absl::Status CheckUnitOfAgency(clients::EmployeeClient& employees, const std::string& unit_id,
                               const std::string& agency_id, std::string_view field);
absl::Status CheckEmployeeOfAgency(clients::EmployeeClient& employees,
                                   const std::string& employee_id, const std::string& agency_id,
                                   std::string_view field);

}  // namespace kinerja::goals::api
