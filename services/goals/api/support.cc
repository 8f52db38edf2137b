#include "services/goals/api/support.h"

#include "absl/strings/str_cat.h"
#include "services/goals/domain/access.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::goals::api {

absl::Status RequireId(const std::string& id, const char* field) {
  if (id.empty()) return errors::InvalidField(field, "is required");
  return absl::OkStatus();
}

namespace {

// An answer about a referenced id: NOT_FOUND and INVALID_ARGUMENT name the request's field.
template <typename T>
absl::StatusOr<T> Referenced(absl::StatusOr<T> answer, std::string_view field) {
  if (absl::IsInvalidArgument(answer.status())) {
    return errors::InvalidField(ToAbsl(field), answer.status().message());
  }
  return server::AsReference(std::move(answer), field);
}

absl::Status DifferentAgency(std::string_view field, std::string_view what, const std::string& id,
                             const std::string& agency_id) {
  return errors::RuleViolation(
      "DIFFERENT_AGENCY",
      absl::StrCat(ToAbsl(field), ": ", ToAbsl(what), " ", id, " is not in agency ", agency_id));
}

}  // namespace

absl::Status CheckAgencyExists(clients::EmployeeClient& employees, const std::string& agency_id,
                               std::string_view field) {
  return Referenced(employees.GetAgency(agency_id), field).status();
}

absl::Status CheckUnitOfAgency(clients::EmployeeClient& employees, const std::string& unit_id,
                               const std::string& agency_id, std::string_view field) {
  ASSIGN_OR_RETURN(employee::v1::OrgUnit unit, Referenced(employees.GetOrgUnit(unit_id), field));
  if (unit.agency_id() != agency_id) return DifferentAgency(field, "unit", unit_id, agency_id);
  return absl::OkStatus();
}

absl::Status CheckEmployeeOfAgency(clients::EmployeeClient& employees,
                                   const std::string& employee_id, const std::string& agency_id,
                                   std::string_view field) {
  ASSIGN_OR_RETURN(employee::v1::Employee employee,
                   Referenced(employees.GetEmployee(employee_id, ""), field));
  if (employee.agency_id() != agency_id) {
    return DifferentAgency(field, "employee", employee_id, agency_id);
  }
  return absl::OkStatus();
}

}  // namespace kinerja::goals::api
