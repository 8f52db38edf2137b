// Appends to the schema's audit_log inside the caller's transaction.
#pragma once

#include <optional>
#include <string>

#include <pqxx/transaction>

#include "shared/db/change_context.h"

namespace kinerja::db {

struct AuditEntry {
  std::string action;         // e.g. "employee.transfer"
  std::string resource_type;  // e.g. "employee"
  std::string resource_id;
  std::optional<std::string> before_json;  // resource as JSON before the change
  std::optional<std::string> after_json;
};

void AppendAudit(pqxx::work& tx, const ChangeContext& ctx, const AuditEntry& entry);

}  // namespace kinerja::db
