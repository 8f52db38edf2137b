// Request plumbing every service's handlers share: idempotency keys and write options, etags,
// List paging (signed page tokens), and collecting field violations into one answer.
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
#include "shared/db/paging.h"
#include "shared/db/write_options.h"
#include "shared/errors/errors.h"
#include "shared/rpc/page_token.h"
#include "shared/server/call.h"

namespace kinerja::server {

// Digest of a message's deterministic serialization (for idempotency fingerprints).
std::string MessageFingerprint(const google::protobuf::Message& message);

// Change context of the call plus, when request_id is set, the idempotency key (caller subject,
// full method "/pkg.Service/Method", request_id, fingerprint of `without_request_id`).
// INVALID_ARGUMENT "request_id: ..." for an id longer than 128 bytes.
absl::StatusOr<db::WriteOptions> MakeWriteOptions(
    const CallContext& call, std::string_view full_method, const std::string& request_id,
    const google::protobuf::Message& without_request_id);

// "/<service_full_name>/<method>".
std::string FullMethodName(std::string_view service_full_name, std::string_view method);

// The same for a request message with a request_id field: copies it and clears the field.
// service_full_name: "kinerja.goals.v1.GoalService".
template <typename Request>
absl::StatusOr<db::WriteOptions> WriteOptionsFor(const CallContext& call,
                                                 std::string_view service_full_name,
                                                 Request request) {
  std::string request_id = request.request_id();
  request.clear_request_id();
  return MakeWriteOptions(call, FullMethodName(service_full_name, call.method), request_id,
                          request);
}

// "" -> nullopt (no check, AIP-154); else the version, or INVALID_ARGUMENT naming
// "<prefix>etag" (prefix e.g. "employee." or "").
absl::StatusOr<std::optional<int64_t>> ExpectedVersion(std::string_view etag,
                                                       std::string_view prefix);

// A List call's page: the store request plus the fingerprint its tokens must carry.
struct ListPage {
  db::PageRequest request;
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
                          const db::Page<T>& page) {
  return NextPageToken(codec, list, page.last_key, page.has_more);
}

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

// A row the request refers to (not the request's subject) that does not exist: NOT_FOUND becomes
// FAILED_PRECONDITION "REFERENCE_NOT_FOUND" naming `field`.
absl::Status ReferenceNotFound(const absl::Status& not_found, std::string_view field);
template <typename T>
absl::StatusOr<T> AsReference(absl::StatusOr<T> result, std::string_view field) {
  if (result.ok() || !absl::IsNotFound(result.status())) return result;
  return ReferenceNotFound(result.status(), field);
}

}  // namespace kinerja::server
