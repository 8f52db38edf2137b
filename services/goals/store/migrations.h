// The goals service's schema migrations (services/goals/migrations/*.sql), embedded in the
// binary at build time. Apply after db::PlatformMigrations() (ServiceSettings::migrations).
#pragma once

#include <vector>

#include "shared/db/migrations.h"

namespace kinerja::goals {

// Ids "goals/<file name>", in name order.
std::vector<db::Migration> GoalsMigrations();

}  // namespace kinerja::goals
