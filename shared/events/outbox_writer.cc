#include "shared/events/outbox_writer.h"

#include <pqxx/pqxx>

#include "shared/db/event_writes.h"
#include "shared/db/platform_queries.h"

namespace kinerja::events {

std::string TypeUrl(const google::protobuf::Message& message) {
  return "type.googleapis.com/" + message.GetDescriptor()->full_name();
}

void AppendEvent(pqxx::work& tx, const db::ChangeContext& ctx, const Event& event) {
  db::Exec0(tx, db::queries::kOutboxInsert, event.type, event.aggregate_type, event.aggregate_id,
            TypeUrl(*event.payload), pqxx::binarystring(event.payload->SerializeAsString()),
            ctx.actor, ctx.request_id);
  db::CountEventWrite();
}

void RecordChange(pqxx::work& tx, const db::WriteOptions& write, const db::AuditEntry& audit,
                  const Event& event) {
  db::Exec0(tx, db::queries::kAuditAndOutboxInsert, write.ctx.actor, write.ctx.request_id,
            audit.action, audit.resource_type, audit.resource_id, audit.before_json,
            audit.after_json, event.type, event.aggregate_type, event.aggregate_id,
            TypeUrl(*event.payload), pqxx::binarystring(event.payload->SerializeAsString()));
  db::CountEventWrite();
}

void Emit(pqxx::work& tx, const db::WriteOptions& write, const char* type,
          const char* aggregate_type, const std::string& aggregate_id,
          const google::protobuf::Message& payload) {
  AppendEvent(tx, write.ctx, {type, aggregate_type, aggregate_id, &payload});
}

}  // namespace kinerja::events
