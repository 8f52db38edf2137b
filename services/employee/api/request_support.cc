#include "services/employee/api/request_support.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/strings/str_cat.h"
#include "services/employee/api/access_support.h"
#include "services/employee/api/text.h"
#include "services/employee/domain/access.h"
#include "shared/rpc/etag.h"

namespace kinerja::employee::api {
namespace {

constexpr size_t kMaxRequestIdLength = 128;

}  // namespace

std::string FullMethod(std::string_view method) {
  return absl::StrCat("/kinerja.employee.v1.EmployeeService/", Absl(method));
}

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

absl::StatusOr<store::WriteOptions> MakeWriteOptions(
    const server::CallContext& call, const std::string& request_id,
    const google::protobuf::Message& without_request_id) {
  if (request_id.size() > kMaxRequestIdLength) {
    return errors::InvalidField("request_id",
                                absl::StrCat("must be at most ", kMaxRequestIdLength, " bytes"));
  }
  store::WriteOptions options;
  options.ctx = call.change();
  if (!request_id.empty()) {
    options.idempotency = db::IdempotencyKey{
        .principal = call.principal.subject,
        .method = FullMethod(call.method),
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
  if (!version.ok()) return errors::PrefixField(version.status(), Absl(prefix));
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

absl::StatusOr<std::vector<rpc::Condition>> AgencyScopedFilter(const auth::Principal& principal,
                                                               const std::string& filter,
                                                               const rpc::FilterSchema& schema) {
  ASSIGN_OR_RETURN(std::vector<rpc::Condition> conditions, rpc::ParseFilter(filter, schema));
  bool has_agency = false;
  for (const rpc::Condition& c : conditions) {
    if (c.field != "agency_id") continue;
    has_agency = true;
    RETURN_IF_ERROR(CanReadAgencyData(principal, std::get<std::string>(c.value)));
  }
  if (has_agency || ReadsEveryAgency(principal)) return conditions;
  RETURN_IF_ERROR(CanReadAgencyData(principal, principal.agency_id));
  conditions.push_back(
      rpc::Condition{.field = "agency_id", .op = rpc::FilterOp::kEq, .value = principal.agency_id});
  return conditions;
}

absl::Status ReferenceNotFound(const absl::Status& not_found, std::string_view field) {
  return errors::RuleViolation("REFERENCE_NOT_FOUND",
                               absl::StrCat(Absl(field), ": ", not_found.message()));
}

absl::Status DomainViolations(const std::vector<FieldViolation>& violations,
                              std::string_view prefix) {
  if (violations.empty()) return absl::OkStatus();
  std::vector<errors::FieldViolation> out;
  out.reserve(violations.size());
  for (const FieldViolation& v : violations) {
    out.push_back({absl::StrCat(Absl(prefix), v.field), v.description});
  }
  return errors::InvalidFields(out);
}

absl::StatusOr<store::EmployeeRecord> LoadEmployee(store::EmployeeStore& store,
                                                   const std::string& id, const std::string& nip,
                                                   std::string_view id_field,
                                                   std::string_view nip_field) {
  if (id.empty() == nip.empty()) {
    return errors::InvalidField(
        Absl(id_field),
        absl::StrCat("exactly one of ", Absl(id_field), " or ", Absl(nip_field), " is required"));
  }
  return id.empty() ? store.GetEmployeeByNip(nip) : store.GetEmployee(id);
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

}  // namespace kinerja::employee::api
