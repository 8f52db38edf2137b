// StreamEvents: this service's outbox (backlog, then live), for other services and auditors.
#include "services/review/api/review_service.h"
#include "services/review/domain/read_access.h"
#include "shared/server/event_stream_call.h"

namespace kinerja::review::api {

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* ReviewService::StreamEvents(
    grpc::CallbackServerContext* ctx, const kinerja::common::v1::StreamEventsRequest* request) {
  return server::StreamEventsCall(deps_, ctx, *request, CanStreamEvents);
}

}  // namespace kinerja::review::api
