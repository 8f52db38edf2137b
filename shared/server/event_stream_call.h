// StreamEvents for every service: authenticate the caller, ask the service's access rule, then
// stream the service's outbox (shared/events/event_stream.h). Denials are recorded in metrics and
// logs like any other call. A service's handler is one line:
//   return server::StreamEventsCall(deps_, ctx, *request, CanStreamEvents);
#pragma once

#include <grpcpp/grpcpp.h>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "kinerja/common/v1/events.pb.h"
#include "shared/auth/principal.h"
#include "shared/server/host_deps.h"

namespace kinerja::server {

grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* StreamEventsCall(
    const HostDeps& deps, grpc::CallbackServerContext* ctx,
    const kinerja::common::v1::StreamEventsRequest& request,
    absl::FunctionRef<absl::Status(const auth::Principal&)> allowed);

}  // namespace kinerja::server
