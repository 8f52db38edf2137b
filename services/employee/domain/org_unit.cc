#include "services/employee/domain/org_unit.h"

#include "absl/strings/str_cat.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/references.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

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
    if (position.type && !MayBeAssessor(*position.type)) {
      return errors::RuleViolation(
          "LEADER_NOT_ASSESSOR",
          absl::StrCat("leader_position_id: a ", ToAbsl(PositionTypeLabel(*position.type)),
                       " position cannot lead a unit; its holder could not be an assessor "
                       "(at least Pengawas)"));
    }
    eselon = position.eselon;
  }
  if (unit.leader_position_id == position_id) return false;
  unit.leader_position_id = position_id;
  unit.eselon = eselon;
  return true;
}

absl::StatusOr<bool> ApplyOrgUnitUpdate(OrgUnit& unit, const OrgUnitUpdate& update,
                                        const OrgUnitUpdateFacts& facts) {
  OrgUnit changed = unit;
  bool differs = false;
  if (update.name) {
    if (update.name->empty()) return errors::InvalidField("name", "is required");
    if (update.name->size() > 300) return errors::InvalidField("name", "longer than 300 bytes");
    differs |= changed.name != *update.name;
    changed.name = *update.name;
  }
  if (update.parent_id) {
    ASSIGN_OR_RETURN(bool moved, ApplyUnitParent(changed, *update.parent_id, facts.parent));
    differs |= moved;
  }
  if (update.leader_position_id) {
    ASSIGN_OR_RETURN(bool led,
                     ApplyLeaderPosition(changed, *update.leader_position_id, facts.leader));
    differs |= led;
  }
  if (update.end_date && *update.end_date != unit.end_date) {
    if (const std::optional<absl::CivilDay>& end = *update.end_date) {
      const std::string day = absl::FormatCivilTime(*end);
      if (facts.staff_from_end > 0) {
        return errors::RuleViolation(
            "UNIT_HAS_STAFF",
            absl::StrCat("end_date: unit ", unit.id, " has ", facts.staff_from_end,
                         " placement(s) on or after ", day, "; transfer its staff first"));
      }
      if (facts.open_children_at_end > 0) {
        return errors::RuleViolation(
            "UNIT_HAS_OPEN_CHILDREN",
            absl::StrCat("end_date: unit ", unit.id, " has ", facts.open_children_at_end,
                         " child unit(s) still open on ", day, "; abolish or move them first"));
      }
    }
    changed.end_date = *update.end_date;
    differs = true;
  }
  if (!differs) return false;
  unit = std::move(changed);
  return true;
}

}  // namespace kinerja::employee
