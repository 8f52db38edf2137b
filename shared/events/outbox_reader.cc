#include "shared/events/outbox_reader.h"

#include <limits>

#include <pqxx/pqxx>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "shared/db/sql_array.h"
#include "shared/errors/errors.h"

namespace kinerja::events {
namespace {

// One row per event, or one row of NULLs when there is none: the snapshot's xmin (the horizon
// below which every transaction has finished) comes back either way, from the same snapshot
// as the events.
constexpr char kFetchSql[] =
    "WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) "
    "SELECT e.sequence, e.txid::text AS txid_text, e.event_id::text, e.type, e.aggregate_type, "
    "e.aggregate_id, e.payload_type, e.payload, e.actor, e.request_id, "
    "extract(epoch from e.occurred_at)::float8, h.xmin::text AS horizon "
    "FROM h LEFT JOIN LATERAL ("
    "  SELECT * FROM outbox "
    "  WHERE (txid, sequence) > ($1::text::xid8, $2::bigint) AND txid < h.xmin "
    "  AND (cardinality($3::text[]) = 0 OR type = ANY($3::text[])) "
    "  ORDER BY outbox.txid, outbox.sequence LIMIT $4) e ON true "
    "ORDER BY e.txid, e.sequence";

}  // namespace

std::string EncodeCursor(const Cursor& cursor) {
  return absl::StrCat(cursor.txid, ".", cursor.sequence);
}

absl::StatusOr<Cursor> DecodeCursor(absl::string_view text) {
  Cursor cursor;
  if (text.empty()) return cursor;
  std::vector<absl::string_view> parts = absl::StrSplit(text, '.');
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &cursor.txid) ||
      !absl::SimpleAtoi(parts[1], &cursor.sequence) || cursor.sequence < 0) {
    return errors::InvalidField("after_cursor",
                                "not a cursor returned by this service (use an event's cursor)");
  }
  return cursor;
}

EventBatch FetchEventBatch(pqxx::work& tx, const Cursor& after,
                           const std::vector<std::string>& types, int limit) {
  pqxx::result rows = tx.exec_params(kFetchSql, std::to_string(after.txid), after.sequence,
                                     db::TextArrayLiteral(types), limit);
  EventBatch batch;
  batch.scanned = after;
  batch.events.reserve(rows.size());
  for (const auto& row : rows) {
    if (row[0].is_null()) break;  // no event: the one row carries only the horizon
    kinerja::common::v1::EventEnvelope& e = batch.events.emplace_back();
    Cursor c{row[1].as<uint64_t>(), row[0].as<int64_t>()};
    batch.scanned = c;
    e.set_sequence(c.sequence);
    e.set_cursor(EncodeCursor(c));
    e.set_event_id(row[2].as<std::string>());
    e.set_type(row[3].as<std::string>());
    e.set_aggregate_type(row[4].as<std::string>());
    e.set_aggregate_id(row[5].as<std::string>());
    e.mutable_payload()->set_type_url(row[6].as<std::string>());
    e.mutable_payload()->set_value(pqxx::binarystring(row[7]).str());
    e.set_actor(row[8].as<std::string>());
    e.set_request_id(row[9].as<std::string>());
    double epoch = row[10].as<double>();
    e.mutable_occurred_at()->set_seconds(static_cast<int64_t>(epoch));
    e.mutable_occurred_at()->set_nanos(
        static_cast<int32_t>((epoch - static_cast<double>(static_cast<int64_t>(epoch))) * 1e9));
  }
  // Fewer events than asked: every row below the horizon was examined. Rows still to commit
  // have a txid at or above it, so the scan may resume there.
  if (static_cast<int>(batch.events.size()) < limit && !rows.empty()) {
    const uint64_t horizon = rows[0][11].as<uint64_t>();
    if (horizon > 0 && (horizon - 1 > batch.scanned.txid)) {
      batch.scanned = {horizon - 1, std::numeric_limits<int64_t>::max()};
    }
  }
  return batch;
}

std::vector<kinerja::common::v1::EventEnvelope> FetchEvents(pqxx::work& tx, const Cursor& after,
                                                            const std::vector<std::string>& types,
                                                            int limit) {
  return FetchEventBatch(tx, after, types, limit).events;
}

}  // namespace kinerja::events
