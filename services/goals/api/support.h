// Request plumbing of the goals handlers: write options for this service, agency-scoped List
// filters, and loading a resource the caller must be allowed to see.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/goals/api/goal_service.h"
#include "shared/auth/principal.h"
#include "shared/errors/errors.h"
#include "shared/rpc/filter.h"
#include "shared/server/request_support.h"

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

// True for callers who read every agency (auditors, services).
bool ReadsEveryAgency(const auth::Principal& principal);

// Parses `filter` and restricts it to what the caller may read: every agency_id condition must
// pass `can_read`; without one, auditors and services keep the filter and an HR admin gets
// "agency_id = <own>" added. A civil servant without an agency role may list only plans whose
// employee_nip or assessor_nip condition is their own NIP (`personal_fields`), which the
// filter must then contain. Others are PERMISSION_DENIED.
// `can_read` decides who reads an agency's rows (default CanReadAgency).
using AgencyReadCheck = absl::Status (*)(const auth::Principal&, std::string_view agency_id);
absl::StatusOr<std::vector<rpc::Condition>> ScopedFilter(
    const auth::Principal& principal, const std::string& filter, const rpc::FilterSchema& schema,
    const std::vector<std::string>& personal_fields = {}, AgencyReadCheck can_read = nullptr);

// The result with the field paths of an INVALID_ARGUMENT prefixed (e.g. "period.").
template <typename T>
absl::StatusOr<T> Prefixed(absl::StatusOr<T> result, const char* prefix) {
  if (result.ok()) return result;
  return errors::PrefixField(result.status(), prefix);
}

// `id` must be non-empty (INVALID_ARGUMENT naming `field`).
absl::Status RequireId(const std::string& id, const char* field);

}  // namespace kinerja::goals::api
