// Organisation units (UNOR): the record and the rules for placing a unit in its agency's tree
// and naming its leader position. The store loads the facts (ParentFacts, LeaderFacts) on the
// locked unit; these functions decide.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
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

}  // namespace kinerja::employee
