// Internal to the store: the named prepared statements GoalsStore::Statements() registers.
#pragma once

#include "shared/db/pool.h"

namespace kinerja::goals::store::internal {

const db::Statement& GetPeriodStatement();  // $1 = id; PeriodColumns
const db::Statement& GetPlanStatement();    // $1 = id; PlanColumns

}  // namespace kinerja::goals::store::internal
