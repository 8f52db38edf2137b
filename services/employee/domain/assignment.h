// An employee's effective-dated position history (riwayat jabatan): one row per assignment.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace kinerja::employee {

// Stable names "INITIAL", "TRANSFER", "PROMOTION", "DEMOTION".
enum class AssignmentReason { kInitial, kTransfer, kPromotion, kDemotion };
std::string_view AssignmentReasonName(AssignmentReason reason);
absl::StatusOr<AssignmentReason> ParseAssignmentReason(std::string_view name);  // "reason: ..."

// One row of an employee's effective-dated position history.
struct AssignmentRecord {
  std::string employee_id = {};
  std::string position_id = {};
  std::string unit_id = {};
  std::string agency_id = {};
  absl::CivilDay start_date = {};               // valid_from, inclusive
  std::optional<absl::CivilDay> end_date = {};  // valid_to, EXCLUSIVE; nullopt while current
  AssignmentReason reason = AssignmentReason::kInitial;
};

// Where a position sits: what the store reads from the position row when an employee is
// placed in it.
struct PositionPlace {
  std::string unit_id = {};
  std::string agency_id = {};
};

}  // namespace kinerja::employee
