// Request plumbing every handler shares: idempotency keys and write options, etags, List
// paging (signed page tokens) and filters, and collecting field violations.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/employee/domain/field_violation.h"
#include "services/employee/store/employee_store.h"
#include "shared/errors/errors.h"
#include "shared/rpc/filter.h"
#include "shared/rpc/page_token.h"
#include "shared/server/call.h"
#include "shared/server/request_support.h"
#include "shared/server/scoped_filter.h"

namespace kinerja::employee::api {

// "/kinerja.employee.v1.EmployeeService/<method>".
std::string FullMethod(std::string_view method);

// Change context of the call plus, when request_id is set, the idempotency key (caller subject,
// full method, request_id, fingerprint of `without_request_id`). INVALID_ARGUMENT
// "request_id: ..." for an unreasonably long id.
absl::StatusOr<store::WriteOptions> MakeWriteOptions(
    const server::CallContext& call, const std::string& request_id,
    const google::protobuf::Message& without_request_id);

// Shared plumbing (shared/server/request_support.h).
using server::ExpectedVersion;
using server::kDefaultPageSize;
using server::kMaxPageSize;
using server::ListPage;
using server::NextPageToken;
using server::StartList;
using server::Violations;

// The same for a request message with a request_id field: copies it and clears the field.
template <typename Request>
absl::StatusOr<store::WriteOptions> WriteOptionsFor(const server::CallContext& call,
                                                    Request request) {
  std::string request_id = request.request_id();
  request.clear_request_id();
  return MakeWriteOptions(call, request_id, request);
}

using server::AgencyScopedFilter;
using server::AsReference;
using server::ReferenceNotFound;

// The domain's violations (employee.h, field_violation.h) as INVALID_ARGUMENT with every field
// prefixed by its request path ("employee."); OK when empty.
absl::Status DomainViolations(const std::vector<FieldViolation>& violations,
                              std::string_view prefix);

// OK when exactly one of `id` or `nip` is given; INVALID_ARGUMENT naming id_field otherwise.
absl::Status CheckIdOrNip(const std::string& id, const std::string& nip, std::string_view id_field,
                          std::string_view nip_field);

// The employee named by exactly one of `id` or `nip` (CheckIdOrNip).
absl::StatusOr<EmployeeRecord> LoadEmployee(store::EmployeeStore& store, const std::string& id,
                                            const std::string& nip, std::string_view id_field,
                                            std::string_view nip_field);

}  // namespace kinerja::employee::api
