#include "shared/server/event_stream_call.h"

#include "shared/events/event_stream.h"
#include "shared/server/status_mapping.h"

namespace kinerja::server {

// Events per page of the backlog: large enough that a catching-up reader makes few round trips,
// small enough that one page's memory stays bounded.
constexpr int kStreamBatchSize = 500;

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* StreamEventsCall(
    const HostDeps& deps, grpc::CallbackServerContext* ctx,
    const kinerja::common::v1::StreamEventsRequest& request,
    absl::FunctionRef<absl::Status(const auth::Principal&)> allowed) {
  CallRunner& calls = *deps.calls;
  const absl::Time start = absl::Now();
  absl::StatusOr<CallContext> call = calls.Begin(ctx, "StreamEvents");
  absl::Status permitted = call.ok() ? allowed(call->principal) : call.status();
  if (!permitted.ok()) {
    CallContext failed;
    failed.method = "StreamEvents";
    calls.Observe(call.ok() ? *call : failed, absl::Now() - start, permitted);
    return events::FailedEventStream(ToGrpcStatus(permitted, calls.domain()));
  }
  return events::StartEventStream(events::StreamDeps{.pool = deps.pool,
                                                     .workers = deps.workers,
                                                     .notifier = deps.notifier,
                                                     .error_domain = calls.domain(),
                                                     .batch_size = kStreamBatchSize},
                                  request);
}

}  // namespace kinerja::server
