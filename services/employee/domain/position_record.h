// A position (jabatan) as the service keeps it, and the rules for creating one. The vocabulary
// (types, levels, echelons) is in position.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/employee/domain/position.h"

namespace kinerja::employee {

struct Position {
  std::string id = {};         // empty on create: the store assigns one
  std::string agency_id = {};  // empty on create: taken from the unit
  std::string unit_id = {};    // required
  std::string name = {};
  PositionType type = PositionType::kPelaksana;
  FunctionalLevel functional_level = FunctionalLevel::kNone;
  std::optional<Eselon> eselon = {};
  // Set when a NON-ASN political head (governor, regent, mayor) holds the position.
  std::string non_asn_holder_name = {};
  int64_t version = 0;
  absl::Time create_time = {};
  absl::Time update_time = {};
};

// UpdatePosition: the fields present change (field mask paths).
struct PositionUpdate {
  std::string id = {};
  std::optional<std::string> name = {};
  std::optional<PositionType> type = {};
  std::optional<FunctionalLevel> functional_level = {};
  std::optional<std::optional<Eselon>> eselon = {};
  std::optional<int64_t> expected_version = {};
};

// Applies an update to the locked position: the result passes ValidateNewPosition's rules
// (name required and <= 300 bytes, a level only on a functional position); when the position
// leads a unit (`leads_unit`), its type must stay assessor-eligible (LEADER_NOT_ASSESSOR).
// Returns false when nothing changes.
absl::StatusOr<bool> ApplyPositionUpdate(Position& position, const PositionUpdate& update,
                                         bool leads_unit);

// Input checks before any lookup: id <= kMaxIdLength, unit_id and name required, name <= 300
// bytes, a functional level only on a functional position (INVALID_ARGUMENT naming the field).
absl::Status ValidateNewPosition(const Position& position);

// Places a new position in its unit's agency (`unit_agency_id`, nullopt: the unit does not exist,
// REFERENCE_NOT_FOUND): an agency_id given must be that agency (DIFFERENT_AGENCY); on success the
// position's agency_id is set.
absl::Status PlaceNewPosition(Position& position, const std::optional<std::string>& unit_agency_id);

}  // namespace kinerja::employee
