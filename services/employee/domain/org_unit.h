// Organisation units (UNOR): the record and the rules for placing a unit in its agency's tree
// and naming its leader position. The store loads the facts (ParentFacts, LeaderFacts) on the
// locked unit; these functions decide.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/employee/domain/position.h"

namespace kinerja::employee {

struct OrgUnit {
  std::string id = {};  // empty on create: the store assigns one (uuid text)
  std::string agency_id = {};
  std::string parent_id = {};  // empty at the agency's root
  std::string name = {};
  std::string leader_position_id = {};  // output of Create; changed by SetUnitLeaderPosition
  std::optional<Eselon> eselon = {};    // eselon of the leader position, if structural
  int64_t version = 0;
  absl::Time create_time = {};
  absl::Time update_time = {};
  // Abolished from this day (exclusive end); set by ApplyOrgUnitUpdate.
  std::optional<absl::CivilDay> end_date = {};
};

// What the store found about a unit named as a parent.
struct ParentFacts {
  bool exists = false;
  std::string agency_id = {};
  // The parent is the unit being moved or lies below it (the store walks up from the parent).
  bool inside_unit = false;
};

// What the store found about a position named as a unit's leader position.
struct LeaderFacts {
  bool exists = false;
  std::string unit_id = {};
  std::optional<Eselon> eselon = {};
  // When known: a leader position's holder assesses the unit's staff, so the type must be at
  // least Pengawas (MayBeAssessor; LEADER_NOT_ASSESSOR).
  std::optional<PositionType> type = {};
};

// UpdateOrgUnit: the fields present change (field mask paths).
struct OrgUnitUpdate {
  std::string id = {};
  std::optional<std::string> name = {};
  std::optional<std::string> parent_id = {};           // "" makes the unit a root
  std::optional<std::string> leader_position_id = {};  // "" clears it
  // Present: the new end (nullopt inside clears an abolition).
  std::optional<std::optional<absl::CivilDay>> end_date = {};
  std::optional<int64_t> expected_version = {};
};

// What the store found for an OrgUnitUpdate, on the locked unit under the agency's tree lock.
struct OrgUnitUpdateFacts {
  ParentFacts parent = {};  // about update.parent_id, when it names a new parent
  LeaderFacts leader = {};  // about update.leader_position_id, when it names a position
  // With a new end_date: placements in the unit valid on or after that day, and child units
  // not abolished by that day.
  int64_t staff_from_end = 0;
  int64_t open_children_at_end = 0;
};

// Input checks before any lookup: id <= kMaxIdLength, agency_id and name required, not its own
// parent (INVALID_ARGUMENT naming the field).
absl::Status ValidateNewOrgUnit(const OrgUnit& unit);

// The parent of a unit of `agency_id`: exists (REFERENCE_NOT_FOUND) and in the same agency
// (DIFFERENT_AGENCY), both naming parent_id.
absl::Status CheckParent(const std::string& agency_id, const std::string& parent_id,
                         const ParentFacts& parent);

// A unit cannot be its own parent (UNIT_CYCLE), whatever else is known.
absl::Status CheckNotOwnParent(const std::string& unit_id, const std::string& parent_id);

// Moves the locked unit under `parent_id` ("" makes it a root): CheckParent, then UNIT_CYCLE when
// the parent lies inside the unit. Returns false when the parent does not change.
absl::StatusOr<bool> ApplyUnitParent(OrgUnit& unit, const std::string& parent_id,
                                     const ParentFacts& parent);

// Makes `position_id` ("" clears it) the locked unit's leader position: the position exists
// (REFERENCE_NOT_FOUND) and belongs to the unit (POSITION_IN_ANOTHER_UNIT); the unit takes the
// position's eselon. Returns false when the leader position does not change.
absl::StatusOr<bool> ApplyLeaderPosition(OrgUnit& unit, const std::string& position_id,
                                         const LeaderFacts& position);

// Applies an update to the locked unit: name (required, <= 300 bytes), ApplyUnitParent,
// ApplyLeaderPosition, and end_date (abolition): refused while the unit has staff on or after
// that day (UNIT_HAS_STAFF) or a child unit still open on it (UNIT_HAS_OPEN_CHILDREN). Fields
// are named without prefix. Returns false when nothing changes.
absl::StatusOr<bool> ApplyOrgUnitUpdate(OrgUnit& unit, const OrgUnitUpdate& update,
                                        const OrgUnitUpdateFacts& facts);

}  // namespace kinerja::employee
