#include "services/goals/api/employee_snapshot.h"

#include "absl/strings/str_cat.h"
#include "services/goals/domain/plan_content.h"
#include "shared/errors/errors.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::api {
namespace {

namespace ev1 = ::kinerja::employee::v1;

PlanPerson PersonFrom(const ev1::Official& official) {
  PlanPerson person;
  person.employee_id = official.employee_id();
  person.nip = official.nip();
  person.name = official.name();
  person.position_id = official.position_id();
  person.position_name = official.position_name();
  person.unit_id = official.unit_id();
  person.unit_name = official.unit_name();
  person.non_asn = official.kind() == ev1::Official::KIND_NON_ASN;
  if (official.acting() == ev1::ACTING_KIND_PLT) person.acting = "PLT";
  if (official.acting() == ev1::ACTING_KIND_PLH) person.acting = "PLH";
  person.rank_label = official.rank_label();
  return person;
}

}  // namespace

Plan NewPlanFromSnapshot(EmployeeSnapshot snapshot, const Period& period, PlanStyle style) {
  Plan plan;
  plan.period_id = period.id;
  plan.agency_id = snapshot.agency_id;
  plan.employee = std::move(snapshot.employee);
  plan.position_type = std::move(snapshot.position_type);
  plan.assessor = std::move(snapshot.assessor);
  plan.assessor_superior = std::move(snapshot.assessor_superior);
  plan.state = PlanState::kDraft;
  plan.revision = 1;
  plan.content = NewContent(style);
  return plan;
}

absl::StatusOr<EmployeeSnapshot> TakeSnapshot(clients::EmployeeClient& employees,
                                              const std::string& employee_id,
                                              const std::string& nip, absl::CivilDay date) {
  ASSIGN_OR_RETURN(ev1::Employee employee, employees.GetEmployee(employee_id, nip));
  ASSIGN_OR_RETURN(ev1::ReportingLine line, employees.GetReportingLine(employee.id(), date));
  EmployeeSnapshot snapshot;
  snapshot.agency_id = employee.agency_id();
  snapshot.employee = PersonFrom(line.employee());
  if (snapshot.employee.employee_id.empty()) snapshot.employee.employee_id = employee.id();
  if (snapshot.employee.nip.empty()) snapshot.employee.nip = employee.nip();
  if (snapshot.employee.name.empty()) snapshot.employee.name = employee.name();
  if (line.has_assessor()) snapshot.assessor = PersonFrom(line.assessor());
  if (line.has_assessor_superior()) {
    snapshot.assessor_superior = PersonFrom(line.assessor_superior());
  }
  const std::string position_id = snapshot.employee.position_id.empty()
                                      ? employee.position_id()
                                      : snapshot.employee.position_id;
  if (position_id.empty()) {
    return errors::RuleViolation("EMPLOYEE_WITHOUT_POSITION",
                                 absl::StrCat("employee ", employee.id(), " holds no position on ",
                                              absl::FormatCivilTime(date)));
  }
  snapshot.employee.position_id = position_id;
  ASSIGN_OR_RETURN(ev1::Position position, employees.GetPosition(position_id));
  snapshot.position_type = clients::PositionTypeName(position.type());
  if (snapshot.employee.position_name.empty()) snapshot.employee.position_name = position.name();
  if (snapshot.employee.unit_id.empty()) snapshot.employee.unit_id = position.unit_id();
  return snapshot;
}

}  // namespace kinerja::goals::api
