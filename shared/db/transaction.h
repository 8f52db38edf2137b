// Runs a unit of work in one transaction on a pooled connection, mapping database failures to
// absl::Status. Nothing is half-written: the transaction commits only if the work returns OK.
#pragma once

#include <exception>
#include <type_traits>
#include <utility>

#include <pqxx/transaction>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "shared/db/event_writes.h"
#include "shared/db/pool.h"

namespace kinerja::db {

// Maps a libpqxx / PostgreSQL failure to a status a client may read: unique violation ->
// ALREADY_EXISTS, foreign key / check violation -> FAILED_PRECONDITION, bad data ->
// INVALID_ARGUMENT, lost connection -> UNAVAILABLE, serialization failure / deadlock -> ABORTED,
// statement timeout -> DEADLINE_EXCEEDED, anything else -> INTERNAL. The message is fixed per
// class: the server's own text (tables, constraints, quoted values) goes to the log only, with
// the request id of the thread's call.
absl::Status StatusFromException(const std::exception& e);

// The same code with the server's first message line, for operators (start-up, migrations,
// provisioning): never for an answer to a client.
absl::Status DetailedStatusFromException(const std::exception& e);

// True when the whole transaction may be run again: it failed before commit and the cause is
// transient (serialization failure, deadlock, connection lost before commit).
bool IsRetryable(const absl::Status& status);

namespace internal {
template <typename T>
struct IsStatusOr : std::false_type {};
template <typename T>
struct IsStatusOr<absl::StatusOr<T>> : std::true_type {};

inline const absl::Status& StatusOf(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& StatusOf(const absl::StatusOr<T>& s) {
  return s.status();
}
}  // namespace internal

// fn: (pqxx::work&) -> absl::Status or absl::StatusOr<T>. Retried up to `attempts` times when
// the failure is retryable, so fn must have no effects outside the transaction. A commit that
// wrote events wakes the pool's event streams (Pool::EventsCommitted).
template <typename Fn>
auto RunInTransaction(Pool& pool, Fn&& fn, int attempts = 3)
    -> std::invoke_result_t<Fn&, pqxx::work&> {
  using Result = std::invoke_result_t<Fn&, pqxx::work&>;
  static_assert(std::is_same_v<Result, absl::Status> || internal::IsStatusOr<Result>::value,
                "transaction work must return absl::Status or absl::StatusOr<T>");
  absl::Status last;
  for (int attempt = 0; attempt < attempts; ++attempt) {
    absl::StatusOr<Lease> lease = pool.Acquire();
    if (!lease.ok()) return lease.status();
    bool committing = false;
    const uint64_t events_before = EventWritesOnThisThread();
    try {
      pqxx::work tx(lease->conn());
      Result result = fn(tx);
      if (!internal::StatusOf(result).ok()) return result;  // ~work rolls back
      committing = true;
      tx.commit();
      if (EventWritesOnThisThread() != events_before) pool.EventsCommitted();
      return result;
    } catch (const std::exception& e) {
      last = StatusFromException(e);
      if (absl::IsUnavailable(last)) lease->MarkBroken();
      if (committing && absl::IsUnavailable(last)) {
        return absl::UnavailableError(
            "connection lost while committing; the outcome is unknown, retry with the same "
            "request_id");
      }
      if (!IsRetryable(last)) return last;
    }
  }
  return last;
}

}  // namespace kinerja::db
