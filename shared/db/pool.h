// A fixed-size PostgreSQL connection pool (libpqxx has none).
//
// Connections are opened lazily and set search_path to the service's schema; named queries
// (query.h) are prepared on each connection when first run there. A connection that breaks is
// discarded and replaced on the next acquire, so the pool recovers by itself after a server
// restart.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <pqxx/connection>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace kinerja::db {

struct PoolOptions {
  std::string dsn;
  // Schema that unqualified names resolve to (the service's own).
  std::string schema;
  int size = 8;
  absl::Duration acquire_timeout = absl::Seconds(5);
  std::string application_name = "kinerja";
  // statement_timeout of work that has no deadline (statement_timeout.h); work done for a call
  // runs under the call's remaining deadline (shared/context/call_scope.h).
  absl::Duration statement_timeout = absl::Seconds(60);
};

struct PoolStats {
  int size = 0;
  int in_use = 0;
  int open = 0;
  int waiting = 0;
  long long acquired_total = 0;
  long long connections_opened_total = 0;
};

class Pool;

// Exclusive use of one connection; returns it to the pool when destroyed.
class Lease {
 public:
  Lease(Lease&& other) noexcept;
  Lease& operator=(Lease&&) = delete;
  Lease(const Lease&) = delete;
  ~Lease();

  pqxx::connection& conn() { return *conn_; }
  // The connection is unusable (server restart, network): drop it instead of reusing it.
  void MarkBroken() { broken_ = true; }

 private:
  friend class Pool;
  Lease(Pool* pool, int slot, pqxx::connection* conn) : pool_(pool), slot_(slot), conn_(conn) {}
  Pool* pool_;
  int slot_;
  pqxx::connection* conn_;
  bool broken_ = false;
};

class Pool {
 public:
  static absl::StatusOr<std::unique_ptr<Pool>> Create(PoolOptions options);
  ~Pool();

  // Waits up to acquire_timeout (or the current call's deadline, if sooner) for a free
  // connection; UNAVAILABLE if none or the database is unreachable, DEADLINE_EXCEEDED when the
  // call's deadline has passed. The connection's statement_timeout is set for the current call.
  absl::StatusOr<Lease> Acquire();
  PoolStats Stats() const;
  const PoolOptions& options() const { return options_; }

  // Runs after every commit that wrote events (event_writes.h): the service host wakes its
  // event streams with it. Set it before the pool is shared and clear it only once nothing
  // writes any more; it runs on the committing thread and must be quick.
  void SetEventCommitListener(std::function<void()> listener) { on_events_ = std::move(listener); }
  void EventsCommitted() const {
    if (on_events_) on_events_();
  }

 private:
  explicit Pool(PoolOptions options);
  absl::StatusOr<std::unique_ptr<pqxx::connection>> Open();
  absl::Status SetStatementTimeout(int slot, pqxx::connection& conn, absl::Duration remaining);
  void Release(int slot, bool broken);
  friend class Lease;

  const PoolOptions options_;
  std::function<void()> on_events_;
  mutable absl::Mutex mu_;
  std::vector<std::unique_ptr<pqxx::connection>> conns_ ABSL_GUARDED_BY(mu_);
  std::vector<bool> busy_ ABSL_GUARDED_BY(mu_);
  // statement_timeout (ms) each slot's connection runs under, -1 when unknown; read and written
  // only by the slot's current lease holder, so not guarded by mu_.
  std::vector<int64_t> timeout_ms_;
  int in_use_ ABSL_GUARDED_BY(mu_) = 0;
  int waiting_ ABSL_GUARDED_BY(mu_) = 0;
  long long acquired_total_ ABSL_GUARDED_BY(mu_) = 0;
  long long connections_opened_total_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace kinerja::db
