#include "services/employee/domain/delegation.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/references.h"
#include "shared/errors/errors.h"

namespace kinerja::employee {
namespace {

std::string EndText(const std::optional<absl::CivilDay>& end) {
  return end ? absl::FormatCivilTime(*end) : std::string("open-ended");
}

}  // namespace

bool SpansOverlap(absl::CivilDay a_start, std::optional<absl::CivilDay> a_end,
                  absl::CivilDay b_start, std::optional<absl::CivilDay> b_end) {
  return (!b_end || a_start <= *b_end) && (!a_end || b_start <= *a_end);
}

absl::Status ValidateNewDelegation(const AssessmentDelegation& d) {
  if (d.id.size() > kMaxIdLength) return errors::InvalidField("id", "longer than 64 bytes");
  if (d.unit_id.empty()) return errors::InvalidField("unit_id", "is required");
  if (d.delegate_employee_id.empty()) {
    return errors::InvalidField("delegate_employee_id", "is required");
  }
  if (d.end_date && *d.end_date < d.start_date) {
    return errors::InvalidField(
        "end_date", absl::StrCat(absl::FormatCivilTime(*d.end_date), " is before start_date ",
                                 absl::FormatCivilTime(d.start_date)));
  }
  if (d.basis.size() > 500) return errors::InvalidField("basis", "longer than 500 bytes");
  return absl::OkStatus();
}

absl::Status PlaceDelegation(AssessmentDelegation& d, const DelegationFacts& facts) {
  if (!facts.unit_agency_id) return ReferenceNotFound("unit_id", "unit", d.unit_id);
  const std::string& agency_id = *facts.unit_agency_id;
  if (!d.agency_id.empty() && d.agency_id != agency_id) {
    return errors::RuleViolation(
        "DIFFERENT_AGENCY",
        absl::StrCat("agency_id: unit ", d.unit_id, " belongs to agency ", agency_id));
  }
  if (facts.unit_end_date && d.start_date >= *facts.unit_end_date) {
    return errors::RuleViolation("UNIT_ABOLISHED",
                                 absl::StrCat("unit_id: unit ", d.unit_id, " is abolished from ",
                                              absl::FormatCivilTime(*facts.unit_end_date)));
  }
  if (!facts.delegate_exists) {
    return ReferenceNotFound("delegate_employee_id", "employee", d.delegate_employee_id);
  }
  const auto& agencies = facts.delegate_agencies_on_start;
  if (std::find(agencies.begin(), agencies.end(), agency_id) == agencies.end()) {
    return errors::RuleViolation(
        "DELEGATE_NOT_IN_AGENCY",
        absl::StrCat("delegate_employee_id: employee ", d.delegate_employee_id,
                     " holds no position in agency ", agency_id, " on ",
                     absl::FormatCivilTime(d.start_date)));
  }
  for (const DelegationSpan& other : facts.unit_delegations) {
    if (other.id == d.id) continue;
    if (SpansOverlap(d.start_date, d.end_date, other.start, other.end)) {
      return errors::RuleViolation(
          "DELEGATION_OVERLAPS",
          absl::StrCat("start_date: unit ", d.unit_id, " is already delegated by ", other.id,
                       " from ", absl::FormatCivilTime(other.start), " to ", EndText(other.end)));
    }
  }
  d.agency_id = agency_id;
  return absl::OkStatus();
}

absl::StatusOr<bool> ApplyDelegationEnd(AssessmentDelegation& d, absl::CivilDay end_date) {
  if (end_date < d.start_date) {
    return errors::InvalidField(
        "end_date", absl::StrCat(absl::FormatCivilTime(end_date), " is before start_date ",
                                 absl::FormatCivilTime(d.start_date)));
  }
  if (d.end_date && end_date > *d.end_date) {
    return errors::RuleViolation(
        "DELEGATION_ALREADY_ENDED",
        absl::StrCat("end_date: delegation ", d.id, " already ends on ",
                     absl::FormatCivilTime(*d.end_date), "; ending moves the end earlier only"));
  }
  if (d.end_date == end_date) return false;
  d.end_date = end_date;
  return true;
}

}  // namespace kinerja::employee
