#include "services/employee/api/request_support.h"

#include "absl/strings/str_cat.h"
#include "services/employee/api/access_support.h"
#include "services/employee/api/text.h"
#include "services/employee/domain/access.h"
#include "shared/rpc/etag.h"

namespace kinerja::employee::api {
std::string FullMethod(std::string_view method) {
  return absl::StrCat("/kinerja.employee.v1.EmployeeService/", Absl(method));
}

absl::StatusOr<store::WriteOptions> MakeWriteOptions(
    const server::CallContext& call, const std::string& request_id,
    const google::protobuf::Message& without_request_id) {
  return server::MakeWriteOptions(call, FullMethod(call.method), request_id, without_request_id);
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

absl::Status CheckIdOrNip(const std::string& id, const std::string& nip, std::string_view id_field,
                          std::string_view nip_field) {
  if (id.empty() != nip.empty()) return absl::OkStatus();
  return errors::InvalidField(
      Absl(id_field),
      absl::StrCat("exactly one of ", Absl(id_field), " or ", Absl(nip_field), " is required"));
}

absl::StatusOr<store::EmployeeRecord> LoadEmployee(store::EmployeeStore& store,
                                                   const std::string& id, const std::string& nip,
                                                   std::string_view id_field,
                                                   std::string_view nip_field) {
  RETURN_IF_ERROR(CheckIdOrNip(id, nip, id_field, nip_field));
  return id.empty() ? store.GetEmployeeByNip(nip) : store.GetEmployee(id);
}

}  // namespace kinerja::employee::api
