// Acting officials (Plt / Plh) of a position, and the rules for appointing one.
#pragma once

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/employee/domain/official.h"

namespace kinerja::employee {

// Acting official (Plt/Plh) of a position.
struct ActingOfficial {
  std::string id = {};  // empty on create: the store assigns one
  std::string position_id = {};
  std::string employee_id = {};
  Official::Acting kind = Official::kPlt;  // kPlt or kPlh
  absl::CivilDay start_date = {};
  absl::CivilDay end_date = {};  // INCLUSIVE last day (as in the API)
  std::string basis = {};        // legal basis, e.g. the decree (SK) number
  std::string agency_id = {};    // empty on create: taken from the position
  absl::Time create_time = {};
};

// What the store found: the agencies of the named position and employee (nullopt: not found).
struct ActingFacts {
  std::optional<std::string> position_agency_id = {};
  std::optional<std::string> employee_agency_id = {};
};

// UpdateActingOfficial: the fields present change (field mask paths end_date, basis).
struct ActingUpdate {
  std::string id = {};
  std::optional<absl::CivilDay> end_date = {};
  std::optional<std::string> basis = {};
};

// Applies an update to the locked appointment (ending it early or moving its end, correcting
// the basis): end_date not before start_date, basis <= 500 bytes (INVALID_ARGUMENT naming the
// field). Returns false when nothing changes.
absl::StatusOr<bool> ApplyActingUpdate(ActingOfficial& acting, const ActingUpdate& update);

// Input checks before any lookup: id <= kMaxIdLength, position_id and employee_id required, kind
// PLT or PLH, start_date <= end_date, basis <= 500 bytes (INVALID_ARGUMENT naming the field).
absl::Status ValidateNewActingOfficial(const ActingOfficial& acting);

// The position and the employee exist (REFERENCE_NOT_FOUND) and belong to one agency, which an
// agency_id given must be (DIFFERENT_AGENCY). On success the acting official's agency_id is set.
absl::Status PlaceActingOfficial(ActingOfficial& acting, const ActingFacts& facts);

}  // namespace kinerja::employee
