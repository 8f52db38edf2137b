#include "services/goals/api/support.h"

#include <algorithm>
#include <variant>

#include "services/goals/domain/access.h"
#include "shared/errors/errors.h"

namespace kinerja::goals::api {

bool ReadsEveryAgency(const auth::Principal& principal) {
  return principal.Has(auth::Role::kAuditor) || principal.Has(auth::Role::kService);
}

absl::StatusOr<std::vector<rpc::Condition>> ScopedFilter(
    const auth::Principal& principal, const std::string& filter, const rpc::FilterSchema& schema,
    const std::vector<std::string>& personal_fields, AgencyReadCheck can_read) {
  if (can_read == nullptr) can_read = CanReadAgency;
  ASSIGN_OR_RETURN(std::vector<rpc::Condition> conditions, rpc::ParseFilter(filter, schema));
  bool has_agency = false;
  bool personal = false;
  for (const rpc::Condition& c : conditions) {
    const std::string* text = std::get_if<std::string>(&c.value);
    if (c.field == "agency_id" && text != nullptr) {
      has_agency = true;
      RETURN_IF_ERROR(can_read(principal, *text));
    }
    if (text != nullptr && c.op == rpc::FilterOp::kEq && !principal.nip.empty() &&
        *text == principal.nip &&
        std::find(personal_fields.begin(), personal_fields.end(), c.field) !=
            personal_fields.end()) {
      personal = true;
    }
  }
  if (has_agency || ReadsEveryAgency(principal) || personal) return conditions;
  if (!principal.Has(auth::Role::kHrAdmin) && !personal_fields.empty() && !principal.nip.empty()) {
    return absl::PermissionDeniedError(
        "list your own plans with filter employee_nip = \"<your NIP>\", or your reports' with "
        "assessor_nip = \"<your NIP>\"");
  }
  RETURN_IF_ERROR(can_read(principal, principal.agency_id));
  conditions.push_back(
      rpc::Condition{.field = "agency_id", .op = rpc::FilterOp::kEq, .value = principal.agency_id});
  return conditions;
}

absl::Status RequireId(const std::string& id, const char* field) {
  if (id.empty()) return errors::InvalidField(field, "is required");
  return absl::OkStatus();
}

}  // namespace kinerja::goals::api
