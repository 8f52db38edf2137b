#include "shared/server/event_stream_call.h"

#include "shared/server/status_mapping.h"

namespace kinerja::server {

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* StreamEventsCall(
    CallRunner& calls, grpc::CallbackServerContext* ctx,
    const kinerja::common::v1::StreamEventsRequest& request, const events::StreamDeps& deps,
    absl::FunctionRef<absl::Status(const auth::Principal&)> allowed) {
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
  events::StreamDeps counted = deps;
  counted.on_sent = [metrics] { metrics->MsgSent(); };
  // Counted, not logged: a follower that disconnects (CANCELLED) is routine.
  counted.on_finished = [metrics, start](const grpc::Status& status) {
    metrics->Handled(static_cast<absl::StatusCode>(status.error_code()), absl::Now() - start);
  };
  return events::StartEventStream(counted, request);
}

}  // namespace kinerja::server
