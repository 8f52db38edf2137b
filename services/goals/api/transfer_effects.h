// How the employee service's EmployeeTransferred events change plans here: the employee's open
// plan in every period that covers the effective date is closed, and a new draft plan for the
// new position is created in that period when it is still OPEN (DOMAIN.md: "a transfer starts a
// new SKP"). Run by the platform's event follower (shared/events/event_follower.h), which
// stores its cursor in the same transaction as the effect.
#pragma once

#include "absl/status/statusor.h"
#include "kinerja/common/v1/events.pb.h"
#include "services/goals/store/goals_store.h"
#include "shared/clients/employee_client.h"
#include "shared/events/event_follower.h"

namespace kinerja::goals::api {

// The follower's name (its cursor's key) and the event types it receives.
inline constexpr char kTransferFollower[] = "goals.employee-transfers";
inline constexpr char kEmployeeTransferred[] = "EmployeeTransferred";

// Decides the effect of one event (reads plans and periods, asks the employee service for the
// new reporting line); an event that is not a transfer, or whose employee has no open plan here
// to close, has no effect (nullptr).
absl::StatusOr<events::EventEffect> PrepareTransfer(
    store::GoalsStore& store, clients::EmployeeClient& employees,
    const kinerja::common::v1::EventEnvelope& event);

}  // namespace kinerja::goals::api
