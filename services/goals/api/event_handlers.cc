// StreamEvents: this service's outbox (backlog, then live), for other services and auditors.
#include "services/goals/api/goal_service.h"
#include "services/goals/domain/access.h"
#include "shared/server/event_stream_call.h"

namespace kinerja::goals::api {

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* GoalService::StreamEvents(
    grpc::CallbackServerContext* ctx, const kinerja::common::v1::StreamEventsRequest* request) {
  return server::StreamEventsCall(*deps_.calls, ctx, *request,
                                  events::StreamDeps{.pool = deps_.pool,
                                                     .workers = deps_.workers,
                                                     .notifier = deps_.notifier,
                                                     .error_domain = deps_.calls->domain(),
                                                     .batch_size = 500},
                                  CanStreamEvents);
}

}  // namespace kinerja::goals::api
