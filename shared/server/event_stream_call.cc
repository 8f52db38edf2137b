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
  absl::StatusOr<CallContext> call =
      calls.Begin(ctx, "StreamEvents", metrics::GrpcType::kServerStream);
  absl::Status permitted = call.ok() ? allowed(call->principal) : call.status();
  if (!permitted.ok()) {
    CallContext failed;
    failed.method = "StreamEvents";
    failed.grpc_type = metrics::GrpcType::kServerStream;
    calls.Observe(call.ok() ? *call : failed, absl::Now() - start, permitted);
    return events::FailedEventStream(ToGrpcStatus(permitted, calls.domain()));
  }
  metrics::GrpcMethodMetrics* metrics = &calls.Metrics(*call);
  events::StreamDeps stream{.pool = deps.pool,
                            .workers = deps.workers,
                            .notifier = deps.notifier,
                            .error_domain = calls.domain(),
                            .batch_size = kStreamBatchSize};
  stream.on_sent = [metrics] { metrics->MsgSent(); };
  // Counted, not logged: a follower that disconnects (CANCELLED) is routine.
  stream.on_finished = [metrics, start](const grpc::Status& status) {
    metrics->Handled(static_cast<absl::StatusCode>(status.error_code()), absl::Now() - start);
  };
  return events::StartEventStream(stream, request);
}

}  // namespace kinerja::server
