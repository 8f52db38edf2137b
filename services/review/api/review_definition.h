// The review service as the service kit starts it (shared/server/service_main.h): its options
// (the employee and goals services' addresses, this service's tokens for them, their
// deadlines), its settings, and its parts: the two clients, the store and the gRPC service.
#pragma once

#include <functional>

#include "absl/time/time.h"
#include "shared/server/service_main.h"

namespace kinerja::review::api {

// `now`: the clock the service takes "the day" from (tests pin it).
server::ServiceDefinition ReviewDefinition(std::function<absl::Time()> now = [] {
  return absl::Now();
});

}  // namespace kinerja::review::api
