// StreamEvents: this service's outbox (backlog, then live), for other services and auditors.
#include "services/employee/api/access_support.h"
#include "services/employee/api/employee_service.h"
#include "shared/events/event_stream.h"
#include "shared/server/status_mapping.h"

namespace kinerja::employee::api {

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* EmployeeService::StreamEvents(
    grpc::CallbackServerContext* ctx, const kinerja::common::v1::StreamEventsRequest* request) {
  server::CallRunner& calls = *deps_.calls;
  absl::Time start = absl::Now();
  absl::StatusOr<server::CallContext> call = calls.Begin(ctx, "StreamEvents");
  absl::Status allowed = call.ok() ? CanStreamEvents(call->principal) : call.status();
  if (!allowed.ok()) {
    server::CallContext failed;
    failed.method = "StreamEvents";
    calls.Observe(call.ok() ? *call : failed, absl::Now() - start, allowed);
    return events::FailedEventStream(server::ToGrpcStatus(allowed, calls.domain()));
  }
  return events::StartEventStream(events::StreamDeps{.pool = deps_.pool,
                                                     .workers = deps_.workers,
                                                     .notifier = deps_.notifier,
                                                     .error_domain = calls.domain(),
                                                     .batch_size = 500},
                                  *request);
}

}  // namespace kinerja::employee::api
