// Appends to the schema's audit_log inside the caller's transaction.
#pragma once

#include <optional>
#include <string>

#include <pqxx/transaction>

#include "shared/db/change_context.h"
#include "shared/db/write_options.h"

namespace kinerja::db {

struct AuditEntry {
  std::string action;         // e.g. "employee.transfer"
  std::string resource_type;  // e.g. "employee"
  std::string resource_id;
  std::optional<std::string> before_json;  // resource as JSON before the change
  std::optional<std::string> after_json;
};

void AppendAudit(pqxx::work& tx, const ChangeContext& ctx, const AuditEntry& entry);

// AppendAudit for a store's mutating call; before/after: JSON text or nullopt.
void Audit(pqxx::work& tx, const WriteOptions& write, const char* action, const char* resource_type,
           const std::string& resource_id, std::optional<std::string> before,
           std::optional<std::string> after);

}  // namespace kinerja::db
