// kinerja-analytics: read models built only from the employee, goals and review services'
// events, and the reports agencies, BKN and the public look at
// (kinerja.analytics.v1.AnalyticsService, HTTP JSON/CSV and the ops dashboard). Wiring only: the
// service's definition (api/analytics_definition.h) run by the service kit.
#include "services/analytics/api/analytics_definition.h"
#include "shared/server/service_main.h"

int main(int argc, char** argv) {
  return kinerja::server::RunService(argc, argv, kinerja::analytics::api::AnalyticsDefinition());
}
