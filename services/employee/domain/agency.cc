#include "services/employee/domain/agency.h"

#include "absl/strings/str_cat.h"
#include "services/employee/domain/employee.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::employee {

std::string_view AgencyKindName(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::kCentral:
      return "CENTRAL";
    case AgencyKind::kProvince:
      return "PROVINCE";
    case AgencyKind::kRegency:
      return "REGENCY";
    case AgencyKind::kCity:
      return "CITY";
  }
  return "CITY";
}

absl::StatusOr<AgencyKind> ParseAgencyKind(std::string_view name) {
  for (AgencyKind kind :
       {AgencyKind::kCentral, AgencyKind::kProvince, AgencyKind::kRegency, AgencyKind::kCity}) {
    if (name == AgencyKindName(kind)) return kind;
  }
  return absl::InvalidArgumentError(absl::StrCat("kind: unknown agency kind '", ToAbsl(name),
                                                 "'; expected CENTRAL, PROVINCE, REGENCY or CITY"));
}

absl::Status ValidateAgency(const Agency& agency) {
  if (agency.name.empty()) return errors::InvalidField("name", "is required");
  if (agency.name.size() > 200) return errors::InvalidField("name", "longer than 200 bytes");
  if (agency.head_title.size() > 100) {
    return errors::InvalidField("head_title", "longer than 100 bytes");
  }
  return absl::OkStatus();
}

absl::Status ValidateNewAgency(const Agency& agency) {
  if (agency.id.empty()) return errors::InvalidField("id", "is required");
  if (agency.id.size() > kMaxIdLength) return errors::InvalidField("id", "longer than 64 bytes");
  return ValidateAgency(agency);
}

absl::StatusOr<bool> ApplyAgencyUpdate(Agency& agency, const AgencyUpdate& update) {
  Agency changed = agency;
  if (update.name) changed.name = *update.name;
  if (update.kind) changed.kind = *update.kind;
  if (update.head_title) changed.head_title = *update.head_title;
  RETURN_IF_ERROR(ValidateAgency(changed));
  if (changed.name == agency.name && changed.kind == agency.kind &&
      changed.head_title == agency.head_title) {
    return false;
  }
  agency = std::move(changed);
  return true;
}

}  // namespace kinerja::employee
