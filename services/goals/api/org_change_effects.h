// How the employee service's organisation events change plans here (DOMAIN.md "Organisation":
// who decides is who holds the role on the day). After a new unit head, a Plt or Plh, a
// delegation, a transfer, a reorganisation (unit moved, renamed, leader position changed) or a
// position change, the open plans of every employee in the affected unit and below it take their
// line of the day from the employee service (ListReportingLines), so that "plans I assess" lists
// and the cascade tree follow the organisation. An employee who leaves the service (retired,
// deceased, dismissed, transferred out) has their open plans closed with that reason. Decisions
// never depend on this refresh: each one takes the line of its day itself.
//
// Run by the platform's event follower (shared/events/event_follower.h), which stores its cursor
// in the same transaction as the effect.
#pragma once

#include <functional>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "kinerja/common/v1/events.pb.h"
#include "services/goals/store/goals_store.h"
#include "shared/clients/employee_client.h"
#include "shared/events/event_follower.h"

namespace kinerja::goals::api {

// The follower's name (its cursor's key) and the event types it receives.
inline constexpr char kOrgFollower[] = "goals.employee-organisation";
std::vector<std::string> OrgFollowerEventTypes();

// The status names that end an employee's plans (EmployeeStatus without the prefix).
bool EndsPlans(const std::string& status_name);

// Decides the effect of one event on `today` (reads the employee service's lines of the day);
// nullptr when the event changes nothing here.
absl::StatusOr<events::EventEffect> PrepareOrgChange(
    store::GoalsStore& store, clients::EmployeeClient& employees,
    const kinerja::common::v1::EventEnvelope& event, absl::CivilDay today);

}  // namespace kinerja::goals::api
