#include "shared/server/event_stream_call.h"

#include "shared/server/status_mapping.h"

namespace kinerja::server {

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* StreamEventsCall(
    CallRunner& calls, grpc::CallbackServerContext* ctx,
    const kinerja::common::v1::StreamEventsRequest& request, const events::StreamDeps& deps,
    absl::FunctionRef<absl::Status(const auth::Principal&)> allowed) {
  const absl::Time start = absl::Now();
  absl::StatusOr<CallContext> call = calls.Begin(ctx, "StreamEvents");
  absl::Status permitted = call.ok() ? allowed(call->principal) : call.status();
  if (!permitted.ok()) {
    CallContext failed;
    failed.method = "StreamEvents";
    calls.Observe(call.ok() ? *call : failed, absl::Now() - start, permitted);
    return events::FailedEventStream(ToGrpcStatus(permitted, calls.domain()));
  }
  return events::StartEventStream(deps, request);
}

}  // namespace kinerja::server
