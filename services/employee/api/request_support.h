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

namespace kinerja::employee::api {

// "/kinerja.employee.v1.EmployeeService/<method>".
std::string FullMethod(std::string_view method);

// Digest of a message's deterministic serialization (for idempotency fingerprints).
std::string MessageFingerprint(const google::protobuf::Message& message);

// Change context of the call plus, when request_id is set, the idempotency key (caller subject,
// full method, request_id, fingerprint of `without_request_id`). INVALID_ARGUMENT
// "request_id: ..." for an unreasonably long id.
absl::StatusOr<store::WriteOptions> MakeWriteOptions(
    const server::CallContext& call, const std::string& request_id,
    const google::protobuf::Message& without_request_id);

// The same for a request message with a request_id field: copies it and clears the field.
template <typename Request>
absl::StatusOr<store::WriteOptions> WriteOptionsFor(const server::CallContext& call,
                                                    Request request) {
  std::string request_id = request.request_id();
  request.clear_request_id();
  return MakeWriteOptions(call, request_id, request);
}

// "" -> nullopt (no check, AIP-154); else the version, or INVALID_ARGUMENT naming
// "<prefix>etag" (prefix e.g. "employee." or "").
absl::StatusOr<std::optional<int64_t>> ExpectedVersion(std::string_view etag,
                                                       std::string_view prefix);

// A List call's page: the store request plus the fingerprint its tokens must carry.
struct ListPage {
  store::PageRequest request;
  std::string fingerprint;
};

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

// Clamps page_size (default 50, max 500) and verifies page_token against the query `shape`
// (method, parent, filter, order_by: everything that decides the result set).
absl::StatusOr<ListPage> StartList(const rpc::PageTokenCodec& codec, int page_size,
                                   const std::string& page_token,
                                   std::initializer_list<std::string_view> shape);

// next_page_token for a page: "" on the last page.
std::string NextPageToken(const rpc::PageTokenCodec& codec, const ListPage& list,
                          const std::vector<std::string>& last_key, bool has_more);

template <typename T>
std::string NextPageToken(const rpc::PageTokenCodec& codec, const ListPage& list,
                          const store::Page<T>& page) {
  return NextPageToken(codec, list, page.last_key, page.has_more);
}

// Parses `filter` and restricts it to the agencies the caller may read (access.h
// CanReadAgencyData): every agency_id condition is checked; without one, callers who read
// every agency (auditors, services) keep the filter and an HR admin gets "agency_id = <own>"
// added. Others are PERMISSION_DENIED.
absl::StatusOr<std::vector<rpc::Condition>> AgencyScopedFilter(const auth::Principal& principal,
                                                               const std::string& filter,
                                                               const rpc::FilterSchema& schema);

// A row the request refers to (not the request's subject): NOT_FOUND becomes
// FAILED_PRECONDITION "REFERENCE_NOT_FOUND" naming `field`, as the store reports references.
absl::Status ReferenceNotFound(const absl::Status& not_found, std::string_view field);
template <typename T>
absl::StatusOr<T> AsReference(absl::StatusOr<T> result, std::string_view field) {
  if (result.ok() || !absl::IsNotFound(result.status())) return result;
  return ReferenceNotFound(result.status(), field);
}

// The domain's violations (employee.h, field_violation.h) as INVALID_ARGUMENT with every field
// prefixed by its request path ("employee."); OK when empty.
absl::Status DomainViolations(const std::vector<FieldViolation>& violations,
                              std::string_view prefix);

// The employee named by exactly one of `id` or `nip` (INVALID_ARGUMENT naming id_field
// otherwise).
absl::StatusOr<store::EmployeeRecord> LoadEmployee(store::EmployeeStore& store,
                                                   const std::string& id, const std::string& nip,
                                                   std::string_view id_field,
                                                   std::string_view nip_field);

// Collects field violations from several conversions so one answer names every bad field.
class Violations {
 public:
  // The value, or nullopt after recording the status's violations.
  template <typename T>
  std::optional<T> Take(absl::StatusOr<T> result) {
    if (result.ok()) return *std::move(result);
    Add(result.status());
    return std::nullopt;
  }
  void Add(const absl::Status& status);
  void Add(std::string field, std::string description);
  bool empty() const { return violations_.empty() && other_.ok(); }
  // OK, INVALID_ARGUMENT listing every violation, or the first non-field error seen.
  absl::Status ToStatus() const;

 private:
  std::vector<errors::FieldViolation> violations_;
  absl::Status other_;
};

}  // namespace kinerja::employee::api
