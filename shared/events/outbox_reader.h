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

// Up to `limit` deliverable events after `after`, optionally only of `types`.
std::vector<kinerja::common::v1::EventEnvelope> FetchEvents(pqxx::work& tx, const Cursor& after,
                                                            const std::vector<std::string>& types,
                                                            int limit);

}  // namespace kinerja::events
