// Recomputes one unit's compliance row for one period (unit_compliance) from the read model,
// inside the transaction of the event that changed its organisation predicate, its staff's
// annual assessments or its plans.
#pragma once

#include <string>

#include <pqxx/transaction>

#include "absl/status/status.h"

namespace kinerja::analytics::store::internal {

absl::Status RefreshCompliance(pqxx::work& tx, const std::string& unit_id,
                               const std::string& period_id);

}  // namespace kinerja::analytics::store::internal
