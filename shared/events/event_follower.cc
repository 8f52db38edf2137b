#include "shared/events/event_follower.h"

#include <algorithm>
#include <deque>
#include <span>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "shared/db/platform_queries.h"
#include "shared/db/run.h"
#include "shared/db/transaction.h"
#include "shared/errors/errors.h"
#include "shared/log/log.h"
#include "shared/log/request_id.h"

namespace kinerja::events {
namespace {

using kinerja::common::v1::EventEnvelope;

absl::Time OccurredAt(const EventEnvelope& event) {
  return absl::FromUnixSeconds(event.occurred_at().seconds()) +
         absl::Nanoseconds(event.occurred_at().nanos());
}

// 1 ms to 60 s: a read model kept within a second shows in the low buckets, a consumer that was
// down and catches up in the high ones.
prometheus::Histogram::BucketBoundaries LagBuckets() {
  return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
}

}  // namespace

// The events read ahead of the apply loop (batches): the reader thread pushes, the apply loop
// takes what is there. Bounded, so that a slow consumer holds the stream back (gRPC flow control)
// rather than filling its memory.
class EventFollower::EventQueue {
 public:
  explicit EventQueue(size_t capacity) : capacity_(capacity) {}

  // Blocks while the queue is full; false once it is closed.
  bool Push(EventEnvelope event) {
    absl::MutexLock lock(&mu_);
    auto room = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return closed_ || events_.size() < capacity_;
    };
    mu_.Await(absl::Condition(&room));
    if (closed_) return false;
    events_.push_back(std::move(event));
    return true;
  }
  // The stream ended: Take hands out what is left, then nothing.
  void EndOfStream() {
    absl::MutexLock lock(&mu_);
    ended_ = true;
  }
  // Ends both sides at once (stopping, or a failed event): Push and Take return.
  void Close() {
    absl::MutexLock lock(&mu_);
    closed_ = true;
  }
  // Waits for at least one event, then moves those already there (up to `max`) into `out`;
  // leaves `out` empty once the stream ended and was drained, or the queue was closed.
  void Take(size_t max, Batch& out) {
    out.clear();
    absl::MutexLock lock(&mu_);
    auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return closed_ || ended_ || !events_.empty();
    };
    mu_.Await(absl::Condition(&ready));
    if (closed_) return;
    while (!events_.empty() && out.size() < max) {
      out.push_back(std::move(events_.front()));
      events_.pop_front();
    }
  }

 private:
  const size_t capacity_;
  absl::Mutex mu_;
  std::deque<EventEnvelope> events_ ABSL_GUARDED_BY(mu_);
  bool ended_ ABSL_GUARDED_BY(mu_) = false;
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
};

EventFollower::EventFollower(db::Pool& pool, EventSource& source, FollowerOptions options,
                             PrepareEvent prepare, metrics::Registry* metrics)
    : EventFollower(pool, source, std::move(options), std::move(prepare), PrepareBatch(), metrics) {
}

EventFollower::EventFollower(db::Pool& pool, EventSource& source, FollowerOptions options,
                             PrepareEvent prepare, PrepareBatch prepare_batch,
                             metrics::Registry* metrics)
    : pool_(pool),
      source_(source),
      options_(std::move(options)),
      prepare_(std::move(prepare)),
      prepare_batch_(std::move(prepare_batch)) {
  status_.name = options_.name;
  if (metrics != nullptr) {
    lag_ = &prometheus::BuildGauge()
                .Name("event_consumer_lag_seconds")
                .Help(
                    "time from an event's commit at its producer to its effect here, for the "
                    "last event applied, by consumer")
                .Register(metrics->prometheus())
                .Add({{"consumer", options_.name}});
    lag_histogram_ = &prometheus::BuildHistogram()
                          .Name("event_consumer_lag_seconds_histogram")
                          .Help(
                              "time from each event's commit at its producer to its effect "
                              "here (events to visible), by consumer")
                          .Register(metrics->prometheus())
                          .Add({{"consumer", options_.name}}, LagBuckets());
    applied_total_ = &metrics
                          ->AddCounter("event_consumer_events_total",
                                       "events applied (with their cursor), by consumer")
                          .Add({{"consumer", options_.name}});
  }
}

EventFollower::EventFollower(db::Pool& pool, EventSource& source, FollowerOptions options,
                             PrepareBatch prepare_batch, metrics::Registry* metrics)
    : EventFollower(pool, source, std::move(options), PrepareEvent(), std::move(prepare_batch),
                    metrics) {}

EventFollower::~EventFollower() { Stop(); }

void EventFollower::Start() {
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void EventFollower::Stop() {
  stopping_ = true;
  {
    absl::MutexLock lock(&mu_);
    if (active_ != nullptr) active_->Cancel();
    if (active_queue_ != nullptr) active_queue_->Close();
  }
  if (thread_.joinable()) thread_.join();
  leadership_.reset();  // the lock goes with the session: a standby replica takes over
}

absl::StatusOr<std::string> EventFollower::Cursor() {
  return db::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<std::string> {
    pqxx::result r = db::Exec(tx, db::queries::kCursorSelect, options_.name);
    if (r.empty()) return std::string();
    return r[0][0].as<std::string>();
  });
}

FollowerStatus EventFollower::Status() const {
  absl::MutexLock lock(&status_mu_);
  FollowerStatus status = status_;
  status.applied = applied_.load();
  return status;
}

absl::Status EventFollower::Apply(const EventEnvelope& event) {
  // The producer's request id ties this effect's log lines and audit rows to the original call.
  log::ScopedRequestId scoped(event.request_id());
  ASSIGN_OR_RETURN(EventEffect effect,
                   prepare_batch_ ? prepare_batch_(std::span(&event, 1)) : prepare_(event));
  const EventEnvelope* events[] = {&event};
  return Commit(std::span(&effect, 1), events);
}

absl::Status EventFollower::Commit(std::span<const EventEffect> effects,
                                   std::span<const EventEnvelope* const> events) {
  RETURN_IF_ERROR(db::RunInTransaction(pool_, [&](pqxx::work& tx) -> absl::Status {
    if (!options_.durable_commit) db::Exec1(tx, db::queries::kSynchronousCommitOff);
    if (expected_cursor_.has_value()) {
      pqxx::result stored = db::Exec(tx, db::queries::kCursorLock, options_.name);
      const std::string now = stored.empty() ? "" : stored[0][0].as<std::string>();
      if (now != *expected_cursor_) {
        return absl::AbortedError(absl::StrCat("consumer ", options_.name,
                                               ": another replica moved the cursor to '", now,
                                               "'; resuming from it"));
      }
    }
    for (size_t i = 0; i < effects.size(); ++i) {
      if (!effects[i]) continue;
      // One effect for several events runs under the last one's request id.
      const EventEnvelope* event = effects.size() == events.size() ? events[i] : events.back();
      log::ScopedRequestId scoped(event->request_id());
      RETURN_IF_ERROR(effects[i](tx));
    }
    db::Exec0(tx, db::queries::kCursorUpsert, options_.name, events.back()->cursor());
    return absl::OkStatus();
  }));
  if (expected_cursor_.has_value()) expected_cursor_ = events.back()->cursor();
  RecordApplied(events);
  return absl::OkStatus();
}

absl::StatusOr<bool> EventFollower::Lead() {
  try {
    if (leadership_ != nullptr && !leadership_->is_open()) leadership_.reset();
    const bool held = leadership_ != nullptr;
    if (!held) leadership_ = std::make_unique<pqxx::connection>(pool_.options().dsn);
    pqxx::nontransaction tx(*leadership_);
    // Taken again while held: the session's lock count grows, it is still this session's.
    const bool leads =
        db::Exec1(tx, db::queries::kFollowerLeadership, pool_.options().schema, options_.name)[0]
            .as<bool>();
    if (held && leads) {
      db::Exec1(tx, db::queries::kFollowerLeadershipRelease, pool_.options().schema, options_.name);
    }
    if (!leads) leadership_.reset();
    return leads;
  } catch (const std::exception& e) {
    leadership_.reset();
    return absl::UnavailableError(absl::StrCat("event follower ", options_.name,
                                               ": cannot take the leadership lock: ", e.what()));
  }
}

void EventFollower::SetStandby(bool standby) {
  absl::MutexLock lock(&status_mu_);
  status_.standby = standby;
}

std::vector<EventEffect> EventFollower::PrepareAll(std::span<const EventEnvelope> batch,
                                                   absl::Status& failed) {
  std::vector<EventEffect> effects;
  if (prepare_batch_) {
    log::ScopedRequestId scoped(batch.back().request_id());
    absl::StatusOr<EventEffect> effect = prepare_batch_(batch);
    if (effect.ok()) {
      effects.push_back(*std::move(effect));
    } else {
      failed = effect.status();
    }
    return effects;
  }
  effects.reserve(batch.size());
  for (const EventEnvelope& event : batch) {
    log::ScopedRequestId scoped(event.request_id());
    absl::StatusOr<EventEffect> effect = prepare_(event);
    if (!effect.ok()) {
      failed = effect.status();  // the events before it are applied, then it is retried
      break;
    }
    effects.push_back(*std::move(effect));
  }
  return effects;
}

absl::Status EventFollower::ApplyBatch(const Batch& batch) {
  absl::Status prepared = absl::OkStatus();
  std::vector<EventEffect> effects = PrepareAll(batch, prepared);
  // The events the effects stand for: all of them for one effect of the whole batch.
  std::vector<const EventEnvelope*> events;
  const size_t covered = prepare_batch_ && !effects.empty() ? batch.size() : effects.size();
  for (size_t i = 0; i < covered; ++i) events.push_back(&batch[i]);
  absl::Status committed = absl::OkStatus();
  if (!events.empty()) committed = Commit(effects, events);
  const bool retry_one_by_one =
      events.size() > 1 && !committed.ok() && !absl::IsUnavailable(committed);
  const bool prepare_one_by_one = prepare_batch_ && !prepared.ok() && batch.size() > 1;
  if (!retry_one_by_one && !prepare_one_by_one) return committed.ok() ? prepared : committed;
  // A lost connection (outcome unknown) resumes from the stored cursor instead. Anything else
  // rolled back: find the failing event, keeping everything before it.
  log::Warn("event follower: batch failed, applying its events one by one",
            {{"consumer", options_.name},
             {"events", static_cast<int64_t>(batch.size())},
             {"error", committed.ok() ? prepared.message() : committed.message()}});
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!prepare_batch_ && i >= effects.size()) return prepared;
    if (prepare_batch_) {
      RETURN_IF_ERROR(Apply(batch[i]));
      continue;
    }
    RETURN_IF_ERROR(Commit(std::span(effects).subspan(i, 1), std::span(events).subspan(i, 1)));
  }
  return absl::OkStatus();
}

void EventFollower::RecordApplied(std::span<const EventEnvelope* const> events) {
  const absl::Time now = absl::Now();
  applied_.fetch_add(static_cast<int64_t>(events.size()));
  if (applied_total_ != nullptr) applied_total_->Increment(static_cast<double>(events.size()));
  double lag = 0;
  for (const EventEnvelope* event : events) {
    if (!event->has_occurred_at()) continue;
    lag = std::max(0.0, absl::ToDoubleSeconds(now - OccurredAt(*event)));
    if (lag_histogram_ != nullptr) lag_histogram_->Observe(lag);
  }
  const EventEnvelope& last = *events.back();
  if (lag_ != nullptr && last.has_occurred_at()) lag_->Set(lag);
  absl::MutexLock lock(&status_mu_);
  status_.cursor = last.cursor();
  status_.last_applied_at = now;
  status_.last_occurred_at = last.has_occurred_at() ? OccurredAt(last) : absl::InfinitePast();
  status_.lag_seconds = last.has_occurred_at() ? lag : 0;
}

void EventFollower::RecordError(const absl::Status& status) {
  absl::MutexLock lock(&status_mu_);
  status_.last_error = std::string(status.message());
  status_.last_error_at = absl::Now();
}

void EventFollower::SetConnected(bool connected) {
  absl::MutexLock lock(&status_mu_);
  status_.connected = connected;
}

void EventFollower::Run() {
  absl::Duration backoff = options_.initial_backoff;
  while (!stopping_) {
    const int64_t before = applied_.load();
    absl::Status status = FollowOnce();
    if (stopping_) break;
    if (applied_.load() > before) backoff = options_.initial_backoff;  // it was making progress
    if (!status.ok()) {
      RecordError(status);
      log::Warn("event follower: stream ended, retrying",
                {{"consumer", options_.name},
                 {"error", status.message()},
                 {"backoff_ms", absl::ToInt64Milliseconds(backoff)}});
    }
    for (absl::Duration slept; slept < backoff && !stopping_; slept += absl::Milliseconds(50)) {
      absl::SleepFor(absl::Milliseconds(50));
    }
    backoff = std::min(backoff * 2, options_.max_backoff);
  }
}

absl::Status EventFollower::FollowOnce() {
  ASSIGN_OR_RETURN(bool leads, Lead());
  SetStandby(!leads);
  if (!leads) return absl::OkStatus();  // another replica follows; try again after the backoff
  ASSIGN_OR_RETURN(std::string cursor, Cursor());
  expected_cursor_ = cursor;
  ASSIGN_OR_RETURN(std::unique_ptr<EventReader> reader, source_.Follow(cursor, options_.types));
  std::unique_ptr<EventQueue> queue;
  if (options_.max_batch > 1) {
    queue = std::make_unique<EventQueue>(2 * static_cast<size_t>(options_.max_batch));
  }
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) {
      reader->Cancel();  // the stream was opened: end it before it is dropped
      reader->Finish().IgnoreError();
      return absl::CancelledError("stopping");
    }
    active_ = reader.get();
    active_queue_ = queue.get();
  }
  SetConnected(true);
  absl::Status applied = queue ? FollowInBatches(*reader, *queue) : FollowOneByOne(*reader);
  absl::Status finished = reader->Finish();
  {
    absl::MutexLock lock(&mu_);
    active_ = nullptr;
    active_queue_ = nullptr;
  }
  SetConnected(false);
  RETURN_IF_ERROR(applied);
  return finished;
}

absl::Status EventFollower::FollowOneByOne(EventReader& reader) {
  EventEnvelope event;
  while (!stopping_ && reader.Read(&event)) {
    absl::Status applied = Apply(event);
    if (!applied.ok()) {
      reader.Cancel();  // retried from the stored cursor after the backoff
      return applied;
    }
  }
  return absl::OkStatus();
}

absl::Status EventFollower::FollowInBatches(EventReader& reader, EventQueue& queue) {
  std::thread read_ahead([&reader, &queue] {
    EventEnvelope event;
    while (reader.Read(&event)) {
      if (!queue.Push(std::move(event))) return;  // closed: the apply loop has ended
    }
    queue.EndOfStream();
  });
  absl::Status applied = absl::OkStatus();
  Batch batch;
  while (!stopping_) {
    queue.Take(static_cast<size_t>(options_.max_batch), batch);
    if (batch.empty()) break;  // the stream ended (its events applied), or stopping
    applied = ApplyBatch(batch);
    if (!applied.ok()) break;  // retried from the stored cursor after the backoff
  }
  queue.Close();
  reader.Cancel();
  read_ahead.join();
  return applied;
}

}  // namespace kinerja::events
