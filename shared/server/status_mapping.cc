#include "shared/server/status_mapping.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "shared/errors/errors.h"

namespace kinerja::server {
namespace {

std::string DefaultReason(absl::StatusCode code) {
  std::string name = absl::StatusCodeToString(code);  // e.g. "INVALID_ARGUMENT"
  return name;
}

// The most of a message or field description a client gets back: enough for any explanation,
// and an input quoted in an error (an import record, a filter) never comes back as a megabyte.
constexpr size_t kMaxQuoted = 1024;

// `text` cut to kMaxQuoted bytes at a UTF-8 character boundary, marked when cut.
std::string Capped(std::string text) {
  if (text.size() <= kMaxQuoted) return text;
  size_t end = kMaxQuoted;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  text += "... (cut)";
  return text;
}

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status, const std::string& domain) {
  if (status.ok()) return grpc::Status::OK;
  auto code = static_cast<grpc::StatusCode>(status.code());
  std::string message = Capped(std::string(status.message()));
  // Internal details (SQL, stack) stay in the logs; callers get a generic message.
  if (status.code() == absl::StatusCode::kInternal || status.code() == absl::StatusCode::kUnknown) {
    message = "internal error; the request id identifies it in the server logs";
  }
  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  google::rpc::ErrorInfo info;
  info.set_reason(errors::ReasonOf(status).value_or(DefaultReason(status.code())));
  info.set_domain(domain);
  details.add_details()->PackFrom(info);
  if (std::optional<absl::Duration> delay = errors::RetryDelayOf(status)) {
    google::rpc::RetryInfo retry;
    retry.mutable_retry_delay()->set_seconds(absl::ToInt64Seconds(*delay));
    retry.mutable_retry_delay()->set_nanos(
        static_cast<int32_t>(absl::ToInt64Nanoseconds(*delay % absl::Seconds(1))));
    details.add_details()->PackFrom(retry);
  }
  auto violations = errors::ViolationsOf(status);
  if (!violations.empty()) {
    google::rpc::BadRequest bad;
    for (const auto& v : violations) {
      auto* fv = bad.add_field_violations();
      fv->set_field(Capped(v.field));
      fv->set_description(Capped(v.description));
    }
    details.add_details()->PackFrom(bad);
  }
  return grpc::Status(code, message, details.SerializeAsString());
}

}  // namespace kinerja::server
