// StreamEvents: this service's outbox (backlog, then live), for other services and auditors.
#include "services/employee/api/access_support.h"
#include "services/employee/api/employee_service.h"
#include "shared/server/event_stream_call.h"

namespace kinerja::employee::api {

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* EmployeeService::StreamEvents(
    grpc::CallbackServerContext* ctx, const kinerja::common::v1::StreamEventsRequest* request) {
  return server::StreamEventsCall(deps_, ctx, *request, CanStreamEvents);
}

}  // namespace kinerja::employee::api
