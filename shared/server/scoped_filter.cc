#include "shared/server/scoped_filter.h"

#include <algorithm>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "shared/auth/access_predicates.h"
#include "shared/errors/errors.h"

namespace kinerja::server {

absl::StatusOr<std::vector<rpc::Condition>> AgencyScopedFilter(
    const auth::Principal& principal, const std::string& filter, const rpc::FilterSchema& schema,
    AgencyReadCheck can_read, const std::vector<std::string>& personal_fields) {
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
  if (has_agency || auth::ReadsEverything(principal) || personal) return conditions;
  if (!principal.Has(auth::Role::kHrAdmin) && !personal_fields.empty() && !principal.nip.empty()) {
    return absl::PermissionDeniedError(
        absl::StrCat("list your own rows with a filter on your NIP (one of: ",
                     absl::StrJoin(personal_fields, ", "), " = \"<your NIP>\")"));
  }
  RETURN_IF_ERROR(can_read(principal, principal.agency_id));
  conditions.push_back(
      rpc::Condition{.field = "agency_id", .op = rpc::FilterOp::kEq, .value = principal.agency_id});
  return conditions;
}

}  // namespace kinerja::server
