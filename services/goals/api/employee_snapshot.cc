#include "services/goals/api/employee_snapshot.h"

#include "absl/strings/str_cat.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/plan_dates.h"
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
  person.rank_code = official.rank_code();
  switch (official.capacity()) {
    case ev1::CAPACITY_DEFINITIVE:
      person.capacity = "DEFINITIVE";
      break;
    case ev1::CAPACITY_PLT:
      person.capacity = "PLT";
      break;
    case ev1::CAPACITY_PLH:
      person.capacity = "PLH";
      break;
    case ev1::CAPACITY_DELEGATED:
      person.capacity = "DELEGATED";
      break;
    case ev1::CAPACITY_PJ:
      person.capacity = "PJ";
      break;
    case ev1::CAPACITY_POLITICAL_HEAD:
      person.capacity = "POLITICAL_HEAD";
      break;
    default:
      break;
  }
  return person;
}

}  // namespace

PlanLine PlanLineFrom(const ev1::ReportingLine& line) {
  PlanLine out;
  if (line.has_assessor()) out.assessor = PersonFrom(line.assessor());
  if (line.has_assessor_superior()) out.assessor_superior = PersonFrom(line.assessor_superior());
  out.unit_path.assign(line.unit_path().begin(), line.unit_path().end());
  return out;
}

absl::StatusOr<PlanLine> LineOfTheDay(clients::EmployeeClient& employees, const Plan& plan,
                                      absl::CivilDay date) {
  ASSIGN_OR_RETURN(
      ev1::ReportingLine line,
      employees.GetReportingLine(plan.employee.employee_id, date, plan.employee.position_id));
  return PlanLineFrom(line);
}

void AdoptLine(Plan& plan, const PlanLine& line) {
  plan.assessor = line.assessor;
  plan.assessor_superior = line.assessor_superior;
  if (!line.unit_path.empty()) plan.unit_path = line.unit_path;
}

Plan NewPlanFromSnapshot(EmployeeSnapshot snapshot, const Period& period, PlanStyle style,
                         absl::CivilDay start) {
  Plan plan;
  plan.period_id = period.id;
  plan.agency_id = snapshot.agency_id;
  plan.employee = std::move(snapshot.employee);
  plan.position_type = std::move(snapshot.position_type);
  plan.assessor = std::move(snapshot.assessor);
  plan.assessor_superior = std::move(snapshot.assessor_superior);
  plan.original_assessor = plan.assessor;
  plan.original_assessor_superior = plan.assessor_superior;
  plan.unit_path = std::move(snapshot.unit_path);
  plan.state = PlanState::kDraft;
  plan.revision = 1;
  plan.content = NewContent(style);
  plan.start_date = start;
  plan.end_date = period.end_date;
  plan.filling_deadline = PlanFillingDeadline(period, start);
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
  PlanLine plan_line = PlanLineFrom(line);
  snapshot.assessor = std::move(plan_line.assessor);
  snapshot.assessor_superior = std::move(plan_line.assessor_superior);
  snapshot.unit_path = std::move(plan_line.unit_path);
  if (employee.has_position_start_date()) {
    ASSIGN_OR_RETURN(snapshot.position_start,
                     rpc::DayFromProto(employee.position_start_date(), "position_start_date"));
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
