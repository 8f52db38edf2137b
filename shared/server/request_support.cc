#include "shared/server/request_support.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/strings/str_cat.h"
#include "shared/rpc/etag.h"
#include "shared/text/text.h"

namespace kinerja::server {
namespace {

constexpr size_t kMaxRequestIdLength = 128;

}  // namespace

std::string MessageFingerprint(const google::protobuf::Message& message) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return rpc::QueryFingerprint({message.GetDescriptor()->full_name(), bytes});
}

std::string FullMethodName(std::string_view service_full_name, std::string_view method) {
  return absl::StrCat("/", std::string(service_full_name), "/", std::string(method));
}

absl::StatusOr<db::WriteOptions> MakeWriteOptions(
    const CallContext& call, std::string_view full_method, const std::string& request_id,
    const google::protobuf::Message& without_request_id) {
  if (request_id.size() > kMaxRequestIdLength) {
    return errors::InvalidField("request_id",
                                absl::StrCat("must be at most ", kMaxRequestIdLength, " bytes"));
  }
  db::WriteOptions options;
  options.ctx = call.change();
  if (!request_id.empty()) {
    options.idempotency = db::IdempotencyKey{
        .principal = call.principal.subject,
        .method = std::string(full_method),
        .request_id = request_id,
        .fingerprint = MessageFingerprint(without_request_id),
    };
  }
  return options;
}

absl::StatusOr<std::optional<int64_t>> ExpectedVersion(std::string_view etag,
                                                       std::string_view prefix) {
  if (etag.empty()) return std::optional<int64_t>();
  absl::StatusOr<int64_t> version = rpc::VersionFromEtag(etag);
  if (!version.ok()) return errors::PrefixField(version.status(), std::string(prefix));
  return std::optional<int64_t>(*version);
}

absl::StatusOr<ListPage> StartList(const rpc::PageTokenCodec& codec, int page_size,
                                   const std::string& page_token,
                                   std::initializer_list<std::string_view> shape) {
  ListPage list;
  list.fingerprint = rpc::QueryFingerprint(shape);
  ASSIGN_OR_RETURN(list.request.page_size,
                   rpc::ClampPageSize(page_size, kDefaultPageSize, kMaxPageSize));
  if (!page_token.empty()) {
    ASSIGN_OR_RETURN(rpc::PageCursor cursor, codec.Decode(page_token, list.fingerprint));
    list.request.after = std::move(cursor.last_key);
  }
  return list;
}

std::string NextPageToken(const rpc::PageTokenCodec& codec, const ListPage& list,
                          const std::vector<std::string>& last_key, bool has_more) {
  if (!has_more) return "";
  return codec.Encode(rpc::PageCursor{.last_key = last_key, .query_fingerprint = list.fingerprint});
}

void Violations::Add(const absl::Status& status) {
  if (status.ok()) return;
  std::vector<errors::FieldViolation> found = errors::ViolationsOf(status);
  if (found.empty()) {
    if (other_.ok()) other_ = status;
    return;
  }
  for (auto& v : found) violations_.push_back(std::move(v));
}

void Violations::Add(std::string field, std::string description) {
  violations_.push_back({std::move(field), std::move(description)});
}

absl::Status Violations::ToStatus() const {
  if (!other_.ok()) return other_;
  if (violations_.empty()) return absl::OkStatus();
  return errors::InvalidFields(violations_);
}

absl::Status ReferenceNotFound(const absl::Status& not_found, std::string_view field) {
  return errors::RuleViolation("REFERENCE_NOT_FOUND",
                               absl::StrCat(ToAbsl(field), ": ", not_found.message()));
}

}  // namespace kinerja::server
