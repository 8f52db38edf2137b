// Named prepared statements on the platform tables every service schema has (migrations in
// shared/db/migrations/): the audit log, the outbox and event cursors. Every Pool registers them,
// so each write transaction's audit row and event skip parsing and planning.
#pragma once

#include <vector>

#include "shared/db/pool.h"

namespace kinerja::db {

// $1 actor, $2 request_id, $3 action, $4 resource_type, $5 resource_id, $6 before, $7 after.
const Statement& AuditInsertStatement();
// $1 type, $2 aggregate_type, $3 aggregate_id, $4 payload_type, $5 payload, $6 actor,
// $7 request_id.
const Statement& OutboxInsertStatement();

// $1 consumer -> cursor (event_cursors).
const Statement& CursorSelectStatement();
// $1 consumer, $2 cursor.
const Statement& CursorUpsertStatement();

std::vector<Statement> PlatformStatements();

}  // namespace kinerja::db
