#include "services/employee/api/request_support.h"

#include "absl/strings/str_cat.h"
#include "services/employee/api/access_support.h"
#include "services/employee/domain/access.h"
#include "shared/rpc/etag.h"
#include "shared/text/text.h"

namespace kinerja::employee::api {
std::string FullMethod(std::string_view method) {
  return absl::StrCat("/kinerja.employee.v1.EmployeeService/", ToAbsl(method));
}

absl::StatusOr<store::WriteOptions> MakeWriteOptions(
    const server::CallContext& call, const std::string& request_id,
    const google::protobuf::Message& without_request_id) {
  return server::MakeWriteOptions(call, FullMethod(call.method), request_id, without_request_id);
}

absl::Status DomainViolations(const std::vector<FieldViolation>& violations,
                              std::string_view prefix) {
  if (violations.empty()) return absl::OkStatus();
  std::vector<errors::FieldViolation> out;
  out.reserve(violations.size());
  for (const FieldViolation& v : violations) {
    out.push_back({absl::StrCat(ToAbsl(prefix), v.field), v.description});
  }
  return errors::InvalidFields(out);
}

absl::Status CheckIdOrNip(const std::string& id, const std::string& nip, std::string_view id_field,
                          std::string_view nip_field) {
  if (id.empty() != nip.empty()) return absl::OkStatus();
  return errors::InvalidField(
      ToAbsl(id_field),
      absl::StrCat("exactly one of ", ToAbsl(id_field), " or ", ToAbsl(nip_field), " is required"));
}

absl::StatusOr<EmployeeRecord> LoadEmployee(store::EmployeeStore& store, const std::string& id,
                                            const std::string& nip, std::string_view id_field,
                                            std::string_view nip_field) {
  RETURN_IF_ERROR(CheckIdOrNip(id, nip, id_field, nip_field));
  return id.empty() ? store.GetEmployeeByNip(nip) : store.GetEmployee(id);
}

}  // namespace kinerja::employee::api
