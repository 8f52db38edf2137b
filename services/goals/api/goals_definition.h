// The goals service as the service kit starts it (shared/server/service_main.h): its options
// (the employee service's address, this service's token for it, its deadline, whether to follow
// transfers), its settings, and its parts: the employee client, the store, the gRPC service and
// the follower of the employee service's transfer events.
#pragma once

#include <functional>

#include "absl/time/time.h"
#include "shared/server/service_main.h"

namespace kinerja::goals::api {

// `now`: the clock the service judges deadlines by (tests pin it).
server::ServiceDefinition GoalsDefinition(std::function<absl::Time()> now = [] {
  return absl::Now();
});

}  // namespace kinerja::goals::api
