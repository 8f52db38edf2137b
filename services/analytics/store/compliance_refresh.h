// Each unit's compliance row for one period (unit_compliance), from the read model: recomputed
// for one unit inside the transaction of the event that changed its organisation predicate, its
// staff's annual assessments or its plans (RefreshCompliance), or for every unit at once by
// RebuildDerived (rebuild.h). Both compute the row from the same facts with the same code.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/transaction>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace kinerja::analytics::store::internal {

// What a unit's compliance follows from (queries ComplianceFacts and AllComplianceFacts).
struct ComplianceFacts {
  std::string unit_id;
  std::string period_id;
  std::string agency_id;
  int year = 0;
  int org_predicate = 0;  // 1..5
  // Plans of the unit in the period not closed, without the head's, plus finalised annual
  // assessments of plans closed since.
  int unit_staff = 0;
  std::array<int, 5> finalised{};  // finalised annual predicates of the staff, by code 1..5
};

// A unit_compliance row.
struct ComplianceRow {
  std::string period_id;
  std::string unit_id;
  std::string agency_id;
  int year = 0;
  int org_predicate = 0;
  int unit_staff = 0;
  std::vector<int> counts;  // by predicate code 1..5
  std::string violations;   // JSON array
  bool breaking = false;
  int excess_staff = 0;
  bool skipped_small_unit = false;
};

// The row for `facts`; nullopt when the organisation predicate is not a known code (no row).
absl::StatusOr<std::optional<ComplianceRow>> EvaluateComplianceFacts(const ComplianceFacts& facts);

absl::Status RefreshCompliance(pqxx::work& tx, const std::string& unit_id,
                               const std::string& period_id);

}  // namespace kinerja::analytics::store::internal
