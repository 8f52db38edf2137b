#include "services/employee/domain/org_unit.h"

#include "absl/strings/str_cat.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/references.h"
#include "shared/errors/errors.h"

namespace kinerja::employee {

absl::Status ValidateNewOrgUnit(const OrgUnit& unit) {
  if (unit.id.size() > kMaxIdLength) return errors::InvalidField("id", "longer than 64 bytes");
  if (unit.agency_id.empty()) return errors::InvalidField("agency_id", "is required");
  if (unit.name.empty()) return errors::InvalidField("name", "is required");
  if (!unit.id.empty() && unit.id == unit.parent_id) {
    return errors::InvalidField("parent_id", "a unit cannot be its own parent");
  }
  return absl::OkStatus();
}

absl::Status CheckParent(const std::string& agency_id, const std::string& parent_id,
                         const ParentFacts& parent) {
  if (!parent.exists) return ReferenceNotFound("parent_id", "unit", parent_id);
  if (parent.agency_id != agency_id) {
    return errors::RuleViolation("DIFFERENT_AGENCY", absl::StrCat("parent_id: unit ", parent_id,
                                                                  " belongs to another agency"));
  }
  return absl::OkStatus();
}

absl::Status CheckNotOwnParent(const std::string& unit_id, const std::string& parent_id) {
  if (unit_id == parent_id) {
    return errors::RuleViolation("UNIT_CYCLE", "parent_id: a unit cannot be its own parent");
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> ApplyUnitParent(OrgUnit& unit, const std::string& parent_id,
                                     const ParentFacts& parent) {
  RETURN_IF_ERROR(CheckNotOwnParent(unit.id, parent_id));
  if (unit.parent_id == parent_id) return false;
  if (!parent_id.empty()) {
    RETURN_IF_ERROR(CheckParent(unit.agency_id, parent_id, parent));
    if (parent.inside_unit) {
      return errors::RuleViolation(
          "UNIT_CYCLE", absl::StrCat("parent_id: unit ", parent_id, " is inside unit ", unit.id,
                                     "; moving it there would make a cycle"));
    }
  }
  unit.parent_id = parent_id;
  return true;
}

absl::StatusOr<bool> ApplyLeaderPosition(OrgUnit& unit, const std::string& position_id,
                                         const LeaderFacts& position) {
  std::optional<Eselon> eselon;
  if (!position_id.empty()) {
    if (!position.exists) return ReferenceNotFound("position_id", "position", position_id);
    if (position.unit_id != unit.id) {
      return errors::RuleViolation(
          "POSITION_IN_ANOTHER_UNIT",
          absl::StrCat("position_id: position ", position_id, " belongs to unit ", position.unit_id,
                       ", not to ", unit.id));
    }
    eselon = position.eselon;
  }
  if (unit.leader_position_id == position_id) return false;
  unit.leader_position_id = position_id;
  unit.eselon = eselon;
  return true;
}

}  // namespace kinerja::employee
