// StreamEvents for any service: the outbox backlog after a cursor, then live events, on the
// gRPC callback API. Database reads run on the worker pool; the reactor never blocks a gRPC
// thread. The stream ends when the client cancels, the server shuts down, or (backlog_only)
// the backlog is drained.
#pragma once

#include <grpcpp/support/server_callback.h>

#include <functional>
#include <string>

#include "kinerja/common/v1/events.pb.h"
#include "shared/db/pool.h"
#include "shared/events/outbox_notifier.h"
#include "shared/server/worker_pool.h"

namespace kinerja::events {

struct StreamDeps {
  db::Pool* pool;
  server::WorkerPool* workers;
  OutboxNotifier* notifier;
  std::string error_domain;
  int batch_size = 500;
  // Optional, for metrics: after each event written, and once with the final status.
  std::function<void()> on_sent = nullptr;
  std::function<void(const grpc::Status&)> on_finished = nullptr;
};

// Returns a reactor that owns itself (deleted in OnDone). An invalid cursor finishes the call at
// once with INVALID_ARGUMENT.
grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* StartEventStream(
    const StreamDeps& deps, const kinerja::common::v1::StreamEventsRequest& request);

// A reactor that only reports `status` (used when authentication fails before streaming).
grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* FailedEventStream(
    const grpc::Status& status);

}  // namespace kinerja::events
