// Appends an event to the service's outbox inside the caller's transaction, so the business row
// and its event commit together or not at all.
#pragma once

#include <string>

#include <google/protobuf/message.h>
#include <pqxx/transaction>

#include "shared/db/audit.h"
#include "shared/db/change_context.h"
#include "shared/db/write_options.h"

namespace kinerja::events {

struct Event {
  std::string type;            // e.g. "EmployeeTransferred"
  std::string aggregate_type;  // e.g. "employee"
  std::string aggregate_id;
  const google::protobuf::Message* payload;
};

void AppendEvent(pqxx::work& tx, const db::ChangeContext& ctx, const Event& event);

// AppendEvent for a store's mutating call.
void Emit(pqxx::work& tx, const db::WriteOptions& write, const char* type,
          const char* aggregate_type, const std::string& aggregate_id,
          const google::protobuf::Message& payload);

// A change's audit row (shared/db/audit.h) and its event together, in one statement: what a
// store's mutating call writes after its business rows.
void RecordChange(pqxx::work& tx, const db::WriteOptions& write, const db::AuditEntry& audit,
                  const Event& event);

// Type URL stored with each payload ("type.googleapis.com/<full name>").
std::string TypeUrl(const google::protobuf::Message& message);

}  // namespace kinerja::events
