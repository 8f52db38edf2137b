// Rebuilds the read model's derived tables (predicate counters, each unit's compliance) from its
// rows, in one transaction: after a bulk load, or when an operator suspects drift. The
// ingestion keeps them current event by event; this gives the same result from scratch.
#pragma once

#include <pqxx/transaction>

#include "absl/status/status.h"

namespace kinerja::analytics::store {

absl::Status RebuildDerived(pqxx::work& tx);

}  // namespace kinerja::analytics::store
