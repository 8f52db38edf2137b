// Internal to the store: the named prepared statements GoalsStore::Statements() registers.
#pragma once

#include "shared/db/pool.h"

namespace kinerja::goals::store::internal {

const db::Statement& GetPeriodStatement();  // $1 = id; PeriodColumns
const db::Statement& GetPlanStatement();    // $1 = id; PlanColumns

// The plan write path (plan_rows.cc, plan_mutation.cc), prepared once per connection because a
// plan mutation runs about ten statements and parsing and planning them each time cost about
// as much as running them.
const db::Statement& LockPlanStatement();              // $1 = id
const db::Statement& SavePlanStatement();              // $1 = id, ...
const db::Statement& UpsertResultsStatement();         // $1 = plan id, $2 = results JSON
const db::Statement& DeleteRemovedResultsStatement();  // $1 = plan id, $2 = kept ids
const db::Statement& PlanPeriodFactsStatement();       // $1 = period, $2 = employee, $3 = unit
const db::Statement& ParentFactsStatement();           // $1 = result ids
const db::Statement& DependantsStatement();            // $1 = result ids, $2 = plan id
const db::Statement& InsertVersionStatement();         // $1..$6
const db::Statement& MarkApprovedStatement();          // $1 = plan id

}  // namespace kinerja::goals::store::internal
