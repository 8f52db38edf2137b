// What every service's handlers run on, all owned by the ServiceHost: the call runner, page
// tokens, the database pool, the worker pool, the outbox notifier (StreamEvents) and the metric
// registry. A service's own ServiceDeps extends it with its store and clients.
#pragma once

#include "shared/db/pool.h"
#include "shared/events/outbox_notifier.h"
#include "shared/metrics/registry.h"
#include "shared/rpc/page_token.h"
#include "shared/server/call.h"
#include "shared/server/worker_pool.h"

namespace kinerja::server {

struct HostDeps {
  CallRunner* calls = nullptr;
  const rpc::PageTokenCodec* page_tokens = nullptr;
  db::Pool* pool = nullptr;
  WorkerPool* workers = nullptr;
  events::OutboxNotifier* notifier = nullptr;
  metrics::Registry* metrics = nullptr;
};

}  // namespace kinerja::server
