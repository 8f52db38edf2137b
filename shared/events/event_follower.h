// Follows another service's events and applies each one here exactly once in effect: the effect
// and the consumer's cursor commit in one transaction (table event_cursors, a platform table of
// every schema), so a restart resumes after the last applied event and a replayed event changes
// nothing. Reconnects with exponential backoff while the producer is down; a failing event is
// retried (from the stored cursor) rather than skipped. Lag (commit of the event at the producer
// to its effect here) and events applied are exported per consumer, and Status() tells an
// operator (or /healthz, ServiceHost::WatchFollower) where the follower is.
//
// An event is handled in two steps: `prepare` runs outside any transaction and may call other
// services; it returns the write to make (or nullptr when the event changes nothing here), which
// then runs in the cursor's transaction. A consumer may instead prepare a whole batch as one write
// (PrepareBatch), to apply its events with set-based statements.
//
// Batches (FollowerOptions::max_batch > 1), for a consumer that must keep up with a busy
// producer: a reader thread reads the stream into a bounded queue while the apply loop takes the
// events already there (at least one, at most max_batch; it never waits to fill a batch), runs
// `prepare` for each in order, then all their effects in ONE transaction that stores the cursor of
// the batch's last event: one commit per batch instead of one per event. When that transaction
// fails, the same events are applied again one per transaction, so that the failing event is
// found and everything before it is kept; the failing event itself is treated as without batches
// (retried from the stored cursor after the backoff, never skipped, nothing after it applied).
// When `prepare` fails for an event, the events before it in the batch are applied first. A
// connection lost while committing a batch (outcome unknown) is not retried one by one: the
// follower reconnects and resumes from whatever cursor was stored.
//
// Replicas: every replica of a service runs the same followers. One leads each consumer: it holds
// a session advisory lock named after the schema and the consumer on a connection of its own;
// the others are on standby (Status().standby) and try again after each backoff (at most
// max_backoff), so a standby takes over within that time after the leader stops or dies (its
// session ends, the lock goes with it). As a second guard, each transaction locks the cursor row
// and checks it is still the cursor this follower last read or stored; if another replica moved
// it (a leader that lost its lock's session without noticing), nothing is written and the
// follower resumes from the stored cursor.
//
// Non-durable commits (FollowerOptions::durable_commit = false) run each of the follower's
// transactions with `SET LOCAL synchronous_commit = off` (as set_config(..., true), a prepared
// statement): the commit does not wait for its WAL flush. Only for read models derived from events:
// a crash of the database may lose the last commits, but each loses its effect and its cursor
// together (they are one transaction), so after the restart the follower resumes from the older
// cursor and applies those events again. Never for an effect that must survive on its own (a reply
// sent, a mail, another service called).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/connection>
#include <pqxx/transaction>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "kinerja/common/v1/events.pb.h"
#include "shared/db/pool.h"
#include "shared/events/event_source.h"
#include "shared/metrics/registry.h"

namespace kinerja::events {

// The write an event causes, run inside the transaction that stores the cursor (again, if that
// transaction is retried after a serialization failure, or one by one after its batch failed).
// A std::function: GCC 12 reports false -Wmaybe-uninitialized inside absl::AnyInvocable held in
// a StatusOr at -O3.
using EventEffect = std::function<absl::Status(pqxx::work&)>;
using PrepareEvent =
    std::function<absl::StatusOr<EventEffect>(const kinerja::common::v1::EventEnvelope&)>;
// For a consumer that applies a batch's events together (set-based statements, a derived row
// recomputed once per batch rather than once per event): one write for all the events, in order.
// Called with the whole batch, and with one event at a time when the batch's transaction failed.
// The events outlive the effect's transaction (retries included), so the effect may refer to
// them rather than copy them; nothing may keep them beyond it.
using PrepareBatch =
    std::function<absl::StatusOr<EventEffect>(std::span<const kinerja::common::v1::EventEnvelope>)>;

struct FollowerOptions {
  std::string name;                // the cursor's key, e.g. "goals.employee-transfers"
  std::vector<std::string> types;  // event types to receive (all if empty)
  absl::Duration initial_backoff = absl::Milliseconds(200);
  absl::Duration max_backoff = absl::Seconds(10);
  // Events applied in one transaction, at most (1: one transaction per event, read in the apply
  // loop; more: a reader thread and batches, see the top of this file).
  int max_batch = 1;
  // false: SET LOCAL synchronous_commit = off in each transaction (read models only, see above).
  bool durable_commit = true;
};

// What an operator wants to know about a follower (Status(); /healthz shows it).
struct FollowerStatus {
  std::string name;
  bool connected = false;  // the producer's stream is open
  int64_t applied = 0;     // events applied by this process since it started
  // The last event applied by this process ("" and InfinitePast() before the first).
  std::string cursor;
  absl::Time last_occurred_at = absl::InfinitePast();  // its commit at the producer
  absl::Time last_applied_at = absl::InfinitePast();   // its effect's commit here
  double lag_seconds = 0;  // last_applied_at - last_occurred_at (0 before the first)
  // The last failure (stream, database or event), kept after later successes: compare
  // last_error_at with last_applied_at.
  std::string last_error;
  absl::Time last_error_at = absl::InfinitePast();
  // Another replica leads this consumer; this one waits (see Replicas above).
  bool standby = false;
};

class EventFollower {
 public:
  // `metrics` may be null.
  EventFollower(db::Pool& pool, EventSource& source, FollowerOptions options, PrepareEvent prepare,
                metrics::Registry* metrics = nullptr);
  // Each batch (and each event without batches) as one effect.
  EventFollower(db::Pool& pool, EventSource& source, FollowerOptions options,
                PrepareBatch prepare_batch, metrics::Registry* metrics = nullptr);
  ~EventFollower();  // Stop()

  void Start();
  // Ends the stream (and the reader thread) and returns once the follower has stopped; an event
  // being applied finishes first.
  void Stop();

  // The stored cursor ("" before the first event).
  absl::StatusOr<std::string> Cursor();
  // Prepares and applies one event with its cursor (the loop's step without batches; tests call
  // it directly).
  absl::Status Apply(const kinerja::common::v1::EventEnvelope& event);

  // Thread-safe.
  FollowerStatus Status() const;

  int64_t applied() const { return applied_.load(); }
  const std::string& name() const { return options_.name; }

 private:
  class EventQueue;
  EventFollower(db::Pool& pool, EventSource& source, FollowerOptions options, PrepareEvent prepare,
                PrepareBatch prepare_batch, metrics::Registry* metrics);
  using Batch = std::vector<kinerja::common::v1::EventEnvelope>;

  void Run();
  absl::Status FollowOnce();
  absl::Status FollowOneByOne(EventReader& reader);
  absl::Status FollowInBatches(EventReader& reader, EventQueue& queue);
  absl::Status ApplyBatch(const Batch& batch);
  // The batch's effects: one per event, up to the first whose `prepare` failed (returned apart);
  // or one for all (prepare_batch_).
  std::vector<EventEffect> PrepareAll(std::span<const kinerja::common::v1::EventEnvelope> batch,
                                      absl::Status& failed);
  // One transaction: the effects in order, then the cursor of the last event. As many effects as
  // events (each under its event's request id), or one for all of them.
  absl::Status Commit(std::span<const EventEffect> effects,
                      std::span<const kinerja::common::v1::EventEnvelope* const> events);
  void RecordApplied(std::span<const kinerja::common::v1::EventEnvelope* const> events);
  // True when this follower leads its consumer (takes the lock if free; keeps it once held).
  absl::StatusOr<bool> Lead();
  void SetStandby(bool standby);
  void RecordError(const absl::Status& status);
  void SetConnected(bool connected);

  db::Pool& pool_;
  EventSource& source_;
  const FollowerOptions options_;
  const PrepareEvent prepare_;
  const PrepareBatch prepare_batch_;
  prometheus::Gauge* lag_ = nullptr;
  prometheus::Histogram* lag_histogram_ = nullptr;
  prometheus::Counter* applied_total_ = nullptr;
  std::atomic<bool> stopping_{false};
  std::atomic<int64_t> applied_{0};
  absl::Mutex mu_;
  EventReader* active_ ABSL_GUARDED_BY(mu_) = nullptr;
  EventQueue* active_queue_ ABSL_GUARDED_BY(mu_) = nullptr;
  mutable absl::Mutex status_mu_;
  FollowerStatus status_ ABSL_GUARDED_BY(status_mu_);
  std::thread thread_;
  // The session holding the leadership lock (apply thread only).
  std::unique_ptr<pqxx::connection> leadership_;
  // The cursor stored when this follower last read or wrote it (apply thread only); unset for
  // Apply() called on its own.
  std::optional<std::string> expected_cursor_;
};

}  // namespace kinerja::events
