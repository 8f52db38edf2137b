// kinerja-goals: periods, SKP plans with cascading work results, indicators, behaviour
// expectations, the plan workflow and revisions (kinerja.goals.v1.GoalService). Wiring only:
// the service's definition (api/goals_definition.h) run by the service kit.
#include "services/goals/api/goals_definition.h"
#include "shared/server/dev_clock.h"
#include "shared/server/service_main.h"

int main(int argc, char** argv) {
  return kinerja::server::RunService(
      argc, argv, kinerja::goals::api::GoalsDefinition(kinerja::server::ServiceClock()));
}
