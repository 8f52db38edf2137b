// StreamEvents: this service's outbox (backlog, then live), for other services and auditors.
#include "services/employee/api/access_support.h"
#include "services/employee/api/employee_service.h"
#include "shared/server/event_stream_call.h"

namespace kinerja::employee::api {

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* EmployeeService::StreamEvents(
    grpc::CallbackServerContext* ctx, const kinerja::common::v1::StreamEventsRequest* request) {
  return server::StreamEventsCall(*deps_.calls, ctx, *request,
                                  events::StreamDeps{.pool = deps_.pool,
                                                     .workers = deps_.workers,
                                                     .notifier = deps_.notifier,
                                                     .error_domain = deps_.calls->domain(),
                                                     .batch_size = 500},
                                  CanStreamEvents);
}

}  // namespace kinerja::employee::api
