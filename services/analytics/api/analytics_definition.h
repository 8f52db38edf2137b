// The analytics service as the service kit runs it (shared/server/service_main.h): its options,
// its schema, and its parts: the followers of the employee, goals and review services' events
// that build the read model, the gRPC service, and the HTTP server of the reports (JSON, CSV)
// and the ops dashboard.
#pragma once

#include <functional>

#include "absl/time/time.h"
#include "shared/server/service_main.h"

namespace kinerja::analytics::api {

// `now`: the clock of the reports (deadlines "as of" today); tests pin it.
server::ServiceDefinition AnalyticsDefinition(std::function<absl::Time()> now = absl::Now);

// The settings of the analytics service: schema "analytics", its migrations.
server::ServiceSettings AnalyticsServiceSettings();

// The port the reports' HTTP server listens on, of parts built by AnalyticsDefinition (tests).
int AnalyticsHttpPort(server::ServiceParts& parts);

}  // namespace kinerja::analytics::api
