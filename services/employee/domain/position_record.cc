#include "services/employee/domain/position_record.h"

#include "absl/strings/str_cat.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/references.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::employee {

absl::Status ValidateNewPosition(const Position& position) {
  if (position.id.size() > kMaxIdLength) return errors::InvalidField("id", "longer than 64 bytes");
  if (position.unit_id.empty()) return errors::InvalidField("unit_id", "is required");
  if (position.name.empty()) return errors::InvalidField("name", "is required");
  if (position.name.size() > 300) return errors::InvalidField("name", "longer than 300 bytes");
  if (position.functional_level != FunctionalLevel::kNone &&
      position.type != PositionType::kFungsional) {
    return errors::InvalidField("functional_level", "only functional positions have a level");
  }
  return absl::OkStatus();
}

absl::Status PlaceNewPosition(Position& position,
                              const std::optional<std::string>& unit_agency_id) {
  if (!unit_agency_id) return ReferenceNotFound("unit_id", "unit", position.unit_id);
  if (!position.agency_id.empty() && position.agency_id != *unit_agency_id) {
    return errors::RuleViolation(
        "DIFFERENT_AGENCY",
        absl::StrCat("agency_id: unit ", position.unit_id, " belongs to agency ", *unit_agency_id));
  }
  position.agency_id = *unit_agency_id;
  return absl::OkStatus();
}

absl::StatusOr<bool> ApplyPositionUpdate(Position& position, const PositionUpdate& update,
                                         bool leads_unit) {
  Position changed = position;
  if (update.name) changed.name = *update.name;
  if (update.type) changed.type = *update.type;
  if (update.functional_level) changed.functional_level = *update.functional_level;
  if (update.eselon) changed.eselon = *update.eselon;
  if (changed.name == position.name && changed.type == position.type &&
      changed.functional_level == position.functional_level && changed.eselon == position.eselon) {
    return false;
  }
  RETURN_IF_ERROR(ValidateNewPosition(changed));
  if (leads_unit && !MayBeAssessor(changed.type)) {
    return errors::RuleViolation(
        "LEADER_NOT_ASSESSOR",
        absl::StrCat("type: position ", position.id, " leads its unit; a ",
                     ToAbsl(PositionTypeLabel(changed.type)),
                     " could not be its staff's assessor (at least Pengawas)"));
  }
  position = std::move(changed);
  return true;
}

}  // namespace kinerja::employee
