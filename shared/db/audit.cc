#include "shared/db/audit.h"

#include <pqxx/pqxx>

namespace kinerja::db {

void AppendAudit(pqxx::work& tx, const ChangeContext& ctx, const AuditEntry& entry) {
  tx.exec_params0(
      "INSERT INTO audit_log (actor, request_id, action, resource_type, resource_id, before, "
      "after) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)",
      ctx.actor, ctx.request_id, entry.action, entry.resource_type, entry.resource_id,
      entry.before_json, entry.after_json);
}

}  // namespace kinerja::db
