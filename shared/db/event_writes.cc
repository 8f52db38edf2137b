#include "shared/db/event_writes.h"

namespace kinerja::db {
namespace {
thread_local uint64_t event_writes = 0;
}  // namespace

void CountEventWrite() { ++event_writes; }

uint64_t EventWritesOnThisThread() { return event_writes; }

}  // namespace kinerja::db
