// The employee service's schema migrations (services/employee/migrations/*.sql), embedded in the
// binary at build time. Apply after db::PlatformMigrations() (ServiceSettings::migrations).
#pragma once

#include <vector>

#include "shared/db/migrations.h"

namespace kinerja::employee {

// Ids "employee/<file name>", in name order.
std::vector<db::Migration> EmployeeMigrations();

}  // namespace kinerja::employee
