// The analytics service's schema migrations (services/analytics/migrations/*.sql), embedded in
// the binary at build time. Apply after db::PlatformMigrations() (ServiceSettings::migrations).
#pragma once

#include <vector>

#include "shared/db/migrations.h"

namespace kinerja::analytics {

// Ids "analytics/<file name>", in name order.
std::vector<db::Migration> AnalyticsMigrations();

}  // namespace kinerja::analytics
