// StreamEvents: this service's outbox (backlog, then live), for other services and auditors.
#include "services/goals/api/goal_service.h"
#include "services/goals/domain/access.h"
#include "shared/server/event_stream_call.h"

namespace kinerja::goals::api {

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* GoalService::StreamEvents(
    grpc::CallbackServerContext* ctx, const kinerja::common::v1::StreamEventsRequest* request) {
  return server::StreamEventsCall(deps_, ctx, *request, CanStreamEvents);
}

}  // namespace kinerja::goals::api
