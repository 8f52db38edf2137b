#include "services/employee/domain/transfer.h"

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/employee/domain/references.h"
#include "shared/errors/errors.h"

namespace kinerja::employee {
namespace {

absl::Status CheckNewPosition(const Employee& employee, const std::string& position_id,
                              const std::optional<PositionPlace>& place) {
  if (!place) return ReferenceNotFound("position_id", "position", position_id);
  if (place->agency_id != employee.agency_id) {
    return errors::RuleViolation(
        "DIFFERENT_AGENCY",
        absl::StrCat("position_id: position ", position_id,
                     " belongs to another agency; a move between agencies is recorded "
                     "by the new agency"));
  }
  if (position_id == employee.position_id) {
    return errors::RuleViolation("ALREADY_IN_POSITION",
                                 absl::StrCat("position_id: employee ", employee.id,
                                              " already holds position ", employee.position_id));
  }
  return absl::OkStatus();
}

// Same day as the open assignment's start: corrected in place; later: closed and followed.
absl::StatusOr<AssignmentChange::Kind> HistoryChange(absl::CivilDay effective,
                                                     std::optional<absl::CivilDay> open_start) {
  if (!open_start) return AssignmentChange::Kind::kOpen;
  if (effective < *open_start) {
    return errors::RuleViolation("EFFECTIVE_DATE_TOO_EARLY",
                                 absl::StrCat("effective_date: ", absl::FormatCivilTime(effective),
                                              " is before the start of the current assignment (",
                                              absl::FormatCivilTime(*open_start), ")"));
  }
  return effective == *open_start ? AssignmentChange::Kind::kCorrect
                                  : AssignmentChange::Kind::kCloseAndOpen;
}

}  // namespace

absl::Status ValidateTransferRequest(const TransferRequest& request) {
  if (request.employee_id.empty()) return errors::InvalidField("employee_id", "is required");
  if (request.position_id.empty()) return errors::InvalidField("position_id", "is required");
  if (request.reason == AssignmentReason::kInitial) {
    return errors::InvalidField("reason", "INITIAL is only for the first assignment");
  }
  return absl::OkStatus();
}

absl::StatusOr<AssignmentChange> ApplyTransfer(EmployeeRecord& record,
                                               const TransferRequest& request,
                                               const TransferFacts& facts) {
  RETURN_IF_ERROR(CheckNewPosition(record.employee, request.position_id, facts.position));
  Employee changed = record.employee;
  changed.position_id = request.position_id;
  changed.unit_id = facts.position->unit_id;
  if (request.new_rank) changed.rank = *request.new_rank;
  RETURN_IF_ERROR(ValidateEmployee(changed));
  ASSIGN_OR_RETURN(AssignmentChange::Kind kind,
                   HistoryChange(request.effective_date, facts.open_start));
  record.employee = std::move(changed);
  record.position_start_date = request.effective_date;
  const Employee& e = record.employee;
  return AssignmentChange{
      .kind = kind,
      .next = {.employee_id = e.id,
               .position_id = e.position_id,
               .unit_id = e.unit_id,
               .agency_id = e.agency_id,
               .start_date = request.effective_date,
               .end_date = std::nullopt,
               .reason = request.reason},
  };
}

}  // namespace kinerja::employee
