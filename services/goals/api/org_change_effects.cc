#include "services/goals/api/org_change_effects.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kinerja/employee/v1/events.pb.h"
#include "services/goals/api/employee_snapshot.h"
#include "shared/errors/errors.h"
#include "shared/log/log.h"

namespace kinerja::goals::api {
namespace {

namespace ev1 = ::kinerja::employee::v1;

constexpr char kEmployeeUpdated[] = "EmployeeUpdated";
constexpr char kEmployeeTransferred[] = "EmployeeTransferred";
constexpr char kOrgUnitChanged[] = "OrgUnitChanged";
constexpr char kPositionChanged[] = "PositionChanged";
constexpr char kActingOfficialAssigned[] = "ActingOfficialAssigned";
constexpr char kActingOfficialChanged[] = "ActingOfficialChanged";
constexpr char kAssessmentDelegationChanged[] = "AssessmentDelegationChanged";
constexpr char kRegionalHeadChanged[] = "RegionalHeadChanged";

// The units whose subtree's lines an event may change, and the employee it ends the plans of.
struct Scope {
  std::vector<std::string> units;
  std::string leaving_employee_id;
  std::string leaving_reason;
};

std::string StatusName(ev1::EmployeeStatus status) {
  constexpr std::string_view kPrefix = "EMPLOYEE_STATUS_";
  std::string name = ev1::EmployeeStatus_Name(status);
  if (name.rfind(kPrefix, 0) == 0) name.erase(0, kPrefix.size());
  return name;
}

absl::StatusOr<Scope> ScopeOf(clients::EmployeeClient& employees,
                              const kinerja::common::v1::EventEnvelope& event) {
  Scope scope;
  const std::string& type = event.type();
  if (type == kEmployeeUpdated) {
    ev1::EmployeeChanged changed;
    if (!event.payload().UnpackTo(&changed)) return scope;
    const std::string status = StatusName(changed.employee().status());
    if (EndsPlans(status)) {
      scope.leaving_employee_id = changed.employee().id();
      scope.leaving_reason = status;
      // A leader who leaves leaves a vacancy: the lines below change.
      if (!changed.employee().unit_id().empty())
        scope.units.push_back(changed.employee().unit_id());
    }
  } else if (type == kEmployeeTransferred) {
    ev1::EmployeeTransferred transfer;
    if (!event.payload().UnpackTo(&transfer)) return scope;
    if (!transfer.from_unit_id().empty()) scope.units.push_back(transfer.from_unit_id());
    if (!transfer.employee().unit_id().empty())
      scope.units.push_back(transfer.employee().unit_id());
  } else if (type == kOrgUnitChanged) {
    ev1::OrgUnitChanged changed;
    if (!event.payload().UnpackTo(&changed)) return scope;
    scope.units.push_back(changed.unit().id());
  } else if (type == kPositionChanged) {
    ev1::PositionChanged changed;
    if (!event.payload().UnpackTo(&changed)) return scope;
    if (!changed.position().unit_id().empty()) scope.units.push_back(changed.position().unit_id());
  } else if (type == kActingOfficialAssigned || type == kActingOfficialChanged) {
    // The unit the acting official's (leader) position belongs to, and leads.
    std::string position_id;
    ev1::ActingOfficialAssigned assigned;
    ev1::ActingOfficialChanged changed;
    if (event.payload().UnpackTo(&assigned)) {
      position_id = assigned.acting_official().position_id();
    } else if (event.payload().UnpackTo(&changed)) {
      position_id = changed.acting_official().position_id();
    }
    if (position_id.empty()) return scope;
    ASSIGN_OR_RETURN(ev1::Position position, employees.GetPosition(position_id));
    scope.units.push_back(position.unit_id());
  } else if (type == kAssessmentDelegationChanged) {
    ev1::AssessmentDelegationChanged delegation;
    if (!event.payload().UnpackTo(&delegation)) return scope;
    scope.units.push_back(delegation.delegation().unit_id());
  } else if (type == kRegionalHeadChanged) {
    ev1::RegionalHeadChanged head;
    if (!event.payload().UnpackTo(&head)) return scope;
    if (!head.head().unit_id().empty()) scope.units.push_back(head.head().unit_id());
  }
  std::sort(scope.units.begin(), scope.units.end());
  scope.units.erase(std::unique(scope.units.begin(), scope.units.end()), scope.units.end());
  return scope;
}

}  // namespace

std::vector<std::string> OrgFollowerEventTypes() {
  return {kEmployeeUpdated,
          kEmployeeTransferred,
          kOrgUnitChanged,
          kPositionChanged,
          kActingOfficialAssigned,
          kActingOfficialChanged,
          kAssessmentDelegationChanged,
          kRegionalHeadChanged};
}

bool EndsPlans(const std::string& status_name) {
  return status_name == "RETIRED" || status_name == "DECEASED" || status_name == "DISMISSED" ||
         status_name == "TRANSFERRED_OUT";
}

absl::StatusOr<events::EventEffect> PrepareOrgChange(
    store::GoalsStore& store, clients::EmployeeClient& employees,
    const kinerja::common::v1::EventEnvelope& event, absl::CivilDay today) {
  ASSIGN_OR_RETURN(Scope scope, ScopeOf(employees, event));
  store::OrgChangeEffect effect;
  effect.close_employee_id = scope.leaving_employee_id;
  effect.close_reason = scope.leaving_reason;
  effect.close_day = today;
  for (const std::string& unit : scope.units) {
    absl::StatusOr<std::vector<ev1::ReportingLine>> lines =
        employees.ReportingLinesInSubtree(unit, today);
    if (absl::IsNotFound(lines.status())) continue;  // the unit is gone: nobody to refresh
    RETURN_IF_ERROR(lines.status());
    for (const ev1::ReportingLine& line : *lines) {
      PlanLine plan_line = PlanLineFrom(line);
      effect.lines.push_back({line.employee().employee_id(), line.employee().position_id(),
                              std::move(plan_line.assessor), std::move(plan_line.assessor_superior),
                              std::move(plan_line.unit_path)});
    }
  }
  if (effect.lines.empty() && effect.close_employee_id.empty()) return nullptr;
  db::WriteOptions write;
  write.ctx = {.actor = absl::StrCat("event:", event.actor()), .request_id = event.request_id()};
  const std::string type = event.type();
  return events::EventEffect([&store, effect = std::move(effect), write = std::move(write),
                              type](pqxx::work& tx) -> absl::Status {
    ASSIGN_OR_RETURN(int changed, store.ApplyOrgChange(tx, effect, write));
    if (changed > 0) {
      log::Info("organisation change applied",
                {{"event_type", type},
                 {"plans_changed", static_cast<int64_t>(changed)},
                 {"lines", static_cast<int64_t>(effect.lines.size())}});
    }
    return absl::OkStatus();
  });
}

}  // namespace kinerja::goals::api
