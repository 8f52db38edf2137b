// A service's coalesced point reads (read_coalescer.h) configured alike: batches of up to 64
// keys, DefaultBatchesInFlight() of them reading at once (at most the pool's connections; the
// others stay free for writes and lists), counted in coalesced_read_batches_total and
// coalesced_read_keys_total by `read` (a second registration of a family returns the first, so
// every reader of a process shares them, by label).
#pragma once

#include <algorithm>

#include "shared/server/host_deps.h"
#include "shared/server/read_coalescer.h"

namespace kinerja::server {

template <typename Value>
typename ReadCoalescer<Value>::Options CoalescedReadOptions(const HostDeps& deps,
                                                            const char* read) {
  typename ReadCoalescer<Value>::Options options{
      .max_batch = 64,
      .max_in_flight = std::min(DefaultBatchesInFlight(), deps.pool->options().size)};
  if (deps.metrics != nullptr) {
    prometheus::Counter* batches =
        &deps.metrics
             ->AddCounter("coalesced_read_batches_total",
                          "batched queries that answered coalesced point reads, by read")
             .Add({{"read", read}});
    prometheus::Counter* keys =
        &deps.metrics
             ->AddCounter("coalesced_read_keys_total",
                          "point reads answered by coalesced batches, by read")
             .Add({{"read", read}});
    options.on_batch = [batches, keys](int n) {
      batches->Increment();
      keys->Increment(n);
    };
  }
  return options;
}

}  // namespace kinerja::server
