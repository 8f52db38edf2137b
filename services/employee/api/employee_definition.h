// The employee service as the service kit starts it (shared/server/service_main.h): its settings
// and its parts (the store and the gRPC service). It has no options of its own.
#pragma once

#include "shared/server/service_main.h"

namespace kinerja::employee::api {

server::ServiceDefinition EmployeeDefinition();

}  // namespace kinerja::employee::api
