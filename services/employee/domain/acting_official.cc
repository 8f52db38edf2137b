#include "services/employee/domain/acting_official.h"

#include "absl/strings/str_cat.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/references.h"
#include "shared/errors/errors.h"

namespace kinerja::employee {

absl::Status ValidateNewActingOfficial(const ActingOfficial& acting) {
  if (acting.id.size() > kMaxIdLength) return errors::InvalidField("id", "longer than 64 bytes");
  if (acting.position_id.empty()) return errors::InvalidField("position_id", "is required");
  if (acting.employee_id.empty()) return errors::InvalidField("employee_id", "is required");
  if (acting.kind != Official::kPlt && acting.kind != Official::kPlh) {
    return errors::InvalidField("kind", "must be PLT or PLH");
  }
  if (acting.end_date < acting.start_date) {
    return errors::InvalidField("end_date", "is before start_date");
  }
  if (acting.basis.size() > 500) return errors::InvalidField("basis", "longer than 500 bytes");
  return absl::OkStatus();
}

absl::Status PlaceActingOfficial(ActingOfficial& acting, const ActingFacts& facts) {
  if (!facts.position_agency_id) {
    return ReferenceNotFound("position_id", "position", acting.position_id);
  }
  const std::string& agency_id = *facts.position_agency_id;
  if (!acting.agency_id.empty() && acting.agency_id != agency_id) {
    return errors::RuleViolation(
        "DIFFERENT_AGENCY",
        absl::StrCat("agency_id: position ", acting.position_id, " belongs to agency ", agency_id));
  }
  if (!facts.employee_agency_id) {
    return ReferenceNotFound("employee_id", "employee", acting.employee_id);
  }
  if (*facts.employee_agency_id != agency_id) {
    return errors::RuleViolation("DIFFERENT_AGENCY",
                                 absl::StrCat("employee_id: employee ", acting.employee_id,
                                              " is not in the position's agency ", agency_id));
  }
  acting.agency_id = agency_id;
  return absl::OkStatus();
}

absl::StatusOr<bool> ApplyActingUpdate(ActingOfficial& acting, const ActingUpdate& update) {
  ActingOfficial changed = acting;
  if (update.end_date) {
    if (*update.end_date < acting.start_date) {
      return errors::InvalidField(
          "end_date",
          absl::StrCat(absl::FormatCivilTime(*update.end_date), " is before start_date ",
                       absl::FormatCivilTime(acting.start_date)));
    }
    changed.end_date = *update.end_date;
  }
  if (update.basis) {
    if (update.basis->size() > 500) return errors::InvalidField("basis", "longer than 500 bytes");
    changed.basis = *update.basis;
  }
  if (changed.end_date == acting.end_date && changed.basis == acting.basis) return false;
  acting = std::move(changed);
  return true;
}

}  // namespace kinerja::employee
