// Transfers (mutasi / promosi): moving an employee to another position of the same agency from
// an effective date, and what that does to the assignment history. The store locks the employee
// and its open assignment, loads TransferFacts, runs ApplyTransfer and writes the
// AssignmentChange it returns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/employee/domain/assignment.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/employee_record.h"

namespace kinerja::employee {

struct TransferRequest {
  std::string employee_id = {};
  std::string position_id = {};  // the new position; its unit becomes the employee's unit
  absl::CivilDay effective_date = {};
  AssignmentReason reason = AssignmentReason::kTransfer;  // not kInitial
  std::optional<Rank> new_rank = {};                      // e.g. with a promotion
  std::optional<int64_t> expected_version = {};
};

// What the store found, with the employee's row and open assignment locked.
struct TransferFacts {
  std::optional<PositionPlace> position = {};  // the new position; nullopt: it does not exist
  // Start of the employee's open assignment; nullopt when there is none.
  std::optional<absl::CivilDay> open_start = {};
};

// What happens to the assignment history.
struct AssignmentChange {
  enum class Kind {
    kOpen,          // no open assignment: open `next`
    kCorrect,       // same-day correction: the open assignment becomes `next` (no history row)
    kCloseAndOpen,  // the open assignment ends at next.start_date, then `next` opens
  };
  Kind kind = Kind::kOpen;
  AssignmentRecord next = {};
};

// Input checks before any lookup: employee_id and position_id required, reason not INITIAL.
absl::Status ValidateTransferRequest(const TransferRequest& request);

// Moves the locked employee to the request's position: the position exists
// (REFERENCE_NOT_FOUND), is in the employee's agency (DIFFERENT_AGENCY: a move between agencies is
// recorded by the new agency) and is not the current one (ALREADY_IN_POSITION); the new rank, if
// any, must fit (ValidateEmployee); the effective date is not before the open assignment's start
// (EFFECTIVE_DATE_TOO_EARLY). On success the record holds the new position, unit, rank and
// position_start_date, and the result says how the history changes.
absl::StatusOr<AssignmentChange> ApplyTransfer(EmployeeRecord& record,
                                               const TransferRequest& request,
                                               const TransferFacts& facts);

}  // namespace kinerja::employee
