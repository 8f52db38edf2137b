// The review service's schema migrations (services/review/migrations/*.sql), embedded in the
// binary at build time. Apply after db::PlatformMigrations() (ServiceSettings::migrations).
#pragma once

#include <vector>

#include "shared/db/migrations.h"

namespace kinerja::review {

// Ids "review/<file name>", in name order.
std::vector<db::Migration> ReviewMigrations();

}  // namespace kinerja::review
