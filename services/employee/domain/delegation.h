// Delegated assessors (DOMAIN.md "Organisation": the assessor is the direct superior "or
// delegated"): an agency delegates the assessment of a unit's staff to a named ASN official,
// e.g. a functional coordinator leading a team, for a date range. Its effect on reporting
// lines is in reporting_line.h; here are the record and the rules for creating and ending one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace kinerja::employee {

struct AssessmentDelegation {
  std::string id = {};         // empty on create: the store assigns one
  std::string agency_id = {};  // empty on create: taken from the unit
  std::string unit_id = {};
  std::string delegate_employee_id = {};
  absl::CivilDay start_date = {};
  std::optional<absl::CivilDay> end_date = {};  // INCLUSIVE last day; nullopt: open-ended
  std::string basis = {};                       // decree (SK) number
  absl::Time create_time = {};
};

// Inclusive day range of another delegation of the same unit.
struct DelegationSpan {
  std::string id;
  absl::CivilDay start;
  std::optional<absl::CivilDay> end;  // inclusive; nullopt: open
};

// What the store found for a new delegation (in the transaction, the unit row locked).
struct DelegationFacts {
  std::optional<std::string> unit_agency_id = {};  // nullopt: the unit does not exist
  std::optional<absl::CivilDay> unit_end_date = {};
  bool delegate_exists = false;
  // Agencies of the delegate's placements valid on start_date (empty: placed nowhere).
  std::vector<std::string> delegate_agencies_on_start = {};
  std::vector<DelegationSpan> unit_delegations = {};  // the unit's other delegations
};

// Input checks before any lookup: id <= kMaxIdLength, unit_id and delegate_employee_id
// required, end_date not before start_date, basis <= 500 bytes (INVALID_ARGUMENT naming the
// field).
absl::Status ValidateNewDelegation(const AssessmentDelegation& delegation);

// The unit exists (REFERENCE_NOT_FOUND unit_id) and an agency_id given is its agency
// (DIFFERENT_AGENCY); the unit is not abolished by start_date (UNIT_ABOLISHED); the delegate
// exists (REFERENCE_NOT_FOUND) and is placed in that agency on start_date
// (DELEGATE_NOT_IN_AGENCY); no other delegation of the unit shares a day
// (DELEGATION_OVERLAPS). On success agency_id is set.
absl::Status PlaceDelegation(AssessmentDelegation& delegation, const DelegationFacts& facts);

// Ends the locked delegation on `end_date` (inclusive): not before start_date
// (INVALID_ARGUMENT end_date), and not after an end it already has (DELEGATION_ALREADY_ENDED:
// ending moves the end earlier only). Returns false when the end does not change.
absl::StatusOr<bool> ApplyDelegationEnd(AssessmentDelegation& delegation, absl::CivilDay end_date);

// Whether two inclusive ranges share a day.
bool SpansOverlap(absl::CivilDay a_start, std::optional<absl::CivilDay> a_end,
                  absl::CivilDay b_start, std::optional<absl::CivilDay> b_end);

}  // namespace kinerja::employee
