// StreamEvents for every service: authenticate the caller, ask the service's access rule, then
// stream the outbox (shared/events/event_stream.h). Denials are recorded in metrics and logs like
// any other call.
#pragma once

#include <grpcpp/grpcpp.h>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "kinerja/common/v1/events.pb.h"
#include "shared/auth/principal.h"
#include "shared/events/event_stream.h"
#include "shared/server/call.h"

namespace kinerja::server {

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* StreamEventsCall(
    CallRunner& calls, grpc::CallbackServerContext* ctx,
    const kinerja::common::v1::StreamEventsRequest& request, const events::StreamDeps& deps,
    absl::FunctionRef<absl::Status(const auth::Principal&)> allowed);

}  // namespace kinerja::server
