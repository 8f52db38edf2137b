// The analytics service's HTTP routes (JSON and CSV of every report under /api/v1/, the ops
// dashboard at /dashboard) bound to the Reports core: see http_report_routes.h for the routes,
// their parameters, authentication and errors.
#pragma once

#include "services/analytics/api/http_report_routes.h"
#include "services/analytics/api/reports.h"
#include "shared/auth/jwt_verifier.h"
#include "shared/http/http_server.h"

namespace kinerja::analytics::api {

// Registers the routes on `server` before it starts; `reports` and `verifier` must outlive it.
void AddHttpRoutes(http::HttpServer& server, Reports& reports, const auth::JwtVerifier& verifier,
                   HttpRouteOptions options = {});

}  // namespace kinerja::analytics::api
