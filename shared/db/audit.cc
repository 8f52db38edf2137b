#include "shared/db/audit.h"

#include <utility>

#include <pqxx/pqxx>

#include "shared/db/platform_queries.h"

namespace kinerja::db {

void AppendAudit(pqxx::work& tx, const ChangeContext& ctx, const AuditEntry& entry) {
  Exec0(tx, queries::kAuditInsert, ctx.actor, ctx.request_id, entry.action, entry.resource_type,
        entry.resource_id, entry.before_json, entry.after_json);
}

void Audit(pqxx::work& tx, const WriteOptions& write, const char* action, const char* resource_type,
           const std::string& resource_id, std::optional<std::string> before,
           std::optional<std::string> after) {
  AppendAudit(tx, write.ctx,
              {action, resource_type, resource_id, std::move(before), std::move(after)});
}

}  // namespace kinerja::db
