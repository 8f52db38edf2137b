#include "shared/db/platform_statements.h"

namespace kinerja::db {

const Statement& AuditInsertStatement() {
  static const Statement* statement = new Statement{
      "platform.audit_insert",
      "INSERT INTO audit_log (actor, request_id, action, resource_type, resource_id, before, "
      "after) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)"};
  return *statement;
}

const Statement& OutboxInsertStatement() {
  static const Statement* statement = new Statement{
      "platform.outbox_insert",
      "INSERT INTO outbox (type, aggregate_type, aggregate_id, payload_type, payload, actor, "
      "request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)"};
  return *statement;
}

const Statement& CursorSelectStatement() {
  static const Statement* statement = new Statement{
      "platform.cursor_select", "SELECT cursor FROM event_cursors WHERE consumer = $1"};
  return *statement;
}

const Statement& CursorUpsertStatement() {
  static const Statement* statement = new Statement{
      "platform.cursor_upsert",
      "INSERT INTO event_cursors (consumer, cursor) VALUES ($1, $2) ON CONFLICT (consumer) "
      "DO UPDATE SET cursor = EXCLUDED.cursor, update_time = now()"};
  return *statement;
}

std::vector<Statement> PlatformStatements() {
  return {AuditInsertStatement(), OutboxInsertStatement(), CursorSelectStatement(),
          CursorUpsertStatement()};
}

}  // namespace kinerja::db
