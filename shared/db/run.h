// Running store work on a pooled connection: single-statement reads without BEGIN/COMMIT, and
// mutating work in one transaction honouring the request_id idempotency key (the answer stored
// as given, or as the record's resource proto).
#pragma once

#include <exception>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include <pqxx/nontransaction>
#include <pqxx/transaction>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "shared/db/event_writes.h"
#include "shared/db/idempotency.h"
#include "shared/db/pool.h"
#include "shared/db/transaction.h"
#include "shared/db/write_options.h"
#include "shared/errors/errors.h"

namespace kinerja::db {

// Runs `fn(pqxx::transaction_base&)` on a pooled connection WITHOUT BEGIN/COMMIT (one statement
// = one round trip); for single-statement reads. Maps exceptions like RunInTransaction.
template <typename Fn>
auto RunRead(Pool& pool, Fn&& fn) -> std::invoke_result_t<Fn&, pqxx::transaction_base&> {
  absl::StatusOr<Lease> lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::nontransaction tx(lease->conn());
    return fn(tx);
  } catch (const std::exception& e) {
    absl::Status status = StatusFromException(e);
    if (absl::IsUnavailable(status)) lease->MarkBroken();
    return status;
  }
}

// Runs `fn(pqxx::transaction_base&)`, which issues exactly ONE data-modifying statement, on a
// pooled connection without BEGIN/COMMIT: the statement is its own transaction, so the write is
// one round trip instead of at least three (BEGIN, the work, COMMIT). For a write whose reads and
// decisions are done beforehand and whose statement re-checks what they relied on (a version),
// e.g. a data-modifying CTE that updates a row and inserts its audit row and event together. A
// statement that wrote events (CountEventWrite) wakes the event streams after it commits.
template <typename Fn>
auto RunStatementWrite(Pool& pool, Fn&& fn) -> std::invoke_result_t<Fn&, pqxx::transaction_base&> {
  absl::StatusOr<Lease> lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  const uint64_t events_before = EventWritesOnThisThread();
  try {
    pqxx::nontransaction tx(lease->conn());
    auto result = fn(tx);
    if (internal::StatusOf(result).ok() && EventWritesOnThisThread() != events_before) {
      pool.EventsCommitted();
    }
    return result;
  } catch (const std::exception& e) {
    absl::Status status = StatusFromException(e);
    if (absl::IsUnavailable(status)) {
      lease->MarkBroken();
      // The statement may or may not have committed: the caller cannot know.
      return absl::UnavailableError(
          "connection lost during the write; the outcome is unknown, read the record again");
    }
    return status;
  }
}

// Runs a mutating `fn(pqxx::work&) -> StatusOr<Record>` in one transaction. With an idempotency
// key, a replay returns the first answer: `encode(record) -> std::string` stores it with the
// write, `decode(bytes) -> StatusOr<Record>` turns a stored answer back into a record.
template <typename Record, typename Fn, typename Encode, typename Decode>
absl::StatusOr<Record> RunIdempotentWrite(Pool& pool, const WriteOptions& write, Fn&& fn,
                                          Encode&& encode, Decode&& decode) {
  return RunInTransaction(pool, [&](pqxx::work& tx) -> absl::StatusOr<Record> {
    if (write.idempotency) {
      ASSIGN_OR_RETURN(std::optional<std::string> stored, LookupResponse(tx, *write.idempotency));
      if (stored) return decode(*stored);
    }
    ASSIGN_OR_RETURN(Record record, fn(tx));
    if (write.idempotency) StoreResponse(tx, *write.idempotency, encode(record));
    return record;
  });
}

// RunIdempotentWrite for a record whose stored answer is its resource proto. `ToProto(record)`
// is found by argument-dependent lookup (it lives next to Record); `from_proto(proto) ->
// StatusOr<Record>` turns a stored answer back (ADL cannot find a FromProto: its argument lives
// in the contract's namespace, not the service's).
template <typename Record, typename Fn, typename FromProtoFn>
absl::StatusOr<Record> RunProtoWrite(Pool& pool, const WriteOptions& write, Fn&& fn,
                                     FromProtoFn&& from_proto) {
  using Proto = decltype(ToProto(std::declval<const Record&>()));
  return RunIdempotentWrite<Record>(
      pool, write, std::forward<Fn>(fn),
      [](const Record& record) { return ToProto(record).SerializeAsString(); },
      [&from_proto](const std::string& stored) -> absl::StatusOr<Record> {
        Proto proto;
        if (!proto.ParseFromString(stored)) {
          return absl::InternalError("stored idempotent response does not parse");
        }
        return from_proto(proto);
      });
}

}  // namespace kinerja::db
