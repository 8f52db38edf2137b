// Which commits carried events. The outbox writer counts the event rows it writes on the calling
// thread; code that commits a transaction compares the count before and after its work and, when
// it changed, tells the pool (Pool::EventsCommitted), which wakes the service's event streams.
// Writers never NOTIFY: a NOTIFY in a write transaction makes PostgreSQL serialise the commits
// of every such transaction (docs/design.md, "Waking event streams").
#pragma once

#include <cstdint>

namespace kinerja::db {

// Called by the outbox writer for each statement that writes event rows.
void CountEventWrite();
// Event-writing statements run on this thread so far (only differences mean anything).
uint64_t EventWritesOnThisThread();

}  // namespace kinerja::db
