// Rebuilds the read model's derived tables (predicate counters, each unit's compliance) from its
// rows, in one transaction: after a bulk load, or when an operator suspects drift. The
// ingestion keeps them current event by event; this gives the same result from scratch
// (ingest_test checks it), set-based: the counters by two GROUP BY statements, every unit's
// compliance facts by one statement, evaluated by the same code as the ingestion's, and written
// in chunks.
#pragma once

#include <pqxx/transaction>

#include "absl/status/status.h"

namespace kinerja::analytics::store {

absl::Status RebuildDerived(pqxx::work& tx);

}  // namespace kinerja::analytics::store
