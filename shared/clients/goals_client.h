// What other services ask the goals service (kinerja.goals.v1.GoalService), behind a small
// interface: the real client (grpc_goals_client.h) in production and service tests, a fake where
// a test needs one. Answers are the goals service's own messages; each service converts what it
// keeps into its domain types. Errors: clients/remote_status.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "kinerja/goals/v1/goals_service.pb.h"
#include "kinerja/goals/v1/resources.pb.h"
#include "shared/events/event_source.h"

namespace kinerja::clients {

class GoalsClient {
 public:
  virtual ~GoalsClient() = default;

  virtual absl::StatusOr<goals::v1::Plan> GetPlan(const std::string& id) = 0;
  virtual absl::StatusOr<goals::v1::Period> GetPeriod(const std::string& id) = 0;
  // One approved version of a plan: by revision (>= 1) ...
  virtual absl::StatusOr<goals::v1::PlanVersion> GetPlanVersion(const std::string& plan_id,
                                                                int32_t revision) = 0;
  // ... or the version in force on `date` (NOT_FOUND when none is).
  virtual absl::StatusOr<goals::v1::PlanVersion> GetPlanVersionOn(const std::string& plan_id,
                                                                  absl::CivilDay date) = 0;
  // Every plan matching `filter` (the goals service's ListPlans filter, AIP-160), all pages;
  // INTERNAL beyond `max_plans` (a bound, not a page size).
  virtual absl::StatusOr<std::vector<goals::v1::Plan>> ListPlans(const std::string& filter,
                                                                 int max_plans = 20000) = 0;

  // The goals service's events (StreamEvents), for an events::EventFollower.
  virtual events::EventSource& Events() = 0;
};

// An AIP-160 string literal: quotes and backslashes escaped, so a value cannot change a
// filter's meaning.
std::string FilterLiteral(const std::string& value);

}  // namespace kinerja::clients
