// Reads a service's outbox in delivery order.
//
// Delivery order is (writer transaction id, sequence), and only rows whose writer transaction
// is older than the reading snapshot's xmin are delivered: every such transaction has finished,
// so no row can later appear before a delivered one. Resuming "after" a cursor therefore never
// skips an event, even when sequence numbers commit out of order (ARCHITECTURE.md pitfall).
// The price: one long-running transaction anywhere in the cluster delays delivery until it ends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <pqxx/transaction>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kinerja/common/v1/events.pb.h"

namespace kinerja::events {

struct Cursor {
  uint64_t txid = 0;
  int64_t sequence = 0;
};

std::string EncodeCursor(const Cursor& cursor);
// Empty text is the start. INVALID_ARGUMENT naming after_cursor on garbage.
absl::StatusOr<Cursor> DecodeCursor(absl::string_view text);

struct EventBatch {
  std::vector<kinerja::common::v1::EventEnvelope> events;
  // Every row up to here has been examined: the next fetch of the same types can start here
  // instead of at the last event's cursor. It moves past rows of other types (and, when fewer
  // than `limit` events came back, up to the snapshot's xmin), so a filtered reader does not
  // rescan the same unwanted rows each time it is woken.
  Cursor scanned;
};

// Up to `limit` deliverable events after `after`, optionally only of `types`.
EventBatch FetchEventBatch(pqxx::work& tx, const Cursor& after,
                           const std::vector<std::string>& types, int limit);

// FetchEventBatch's events only.
std::vector<kinerja::common::v1::EventEnvelope> FetchEvents(pqxx::work& tx, const Cursor& after,
                                                            const std::vector<std::string>& types,
                                                            int limit);

}  // namespace kinerja::events
