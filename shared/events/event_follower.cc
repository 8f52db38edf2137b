#include "shared/events/event_follower.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "shared/db/platform_queries.h"
#include "shared/db/run.h"
#include "shared/db/transaction.h"
#include "shared/errors/errors.h"
#include "shared/log/log.h"
#include "shared/log/request_id.h"

namespace kinerja::events {

EventFollower::EventFollower(db::Pool& pool, EventSource& source, FollowerOptions options,
                             PrepareEvent prepare, metrics::Registry* metrics)
    : pool_(pool), source_(source), options_(std::move(options)), prepare_(std::move(prepare)) {
  if (metrics != nullptr) {
    lag_ = &prometheus::BuildGauge()
                .Name("event_consumer_lag_seconds")
                .Help(
                    "time from an event's commit at its producer to its effect here, for the "
                    "last event applied, by consumer")
                .Register(metrics->prometheus())
                .Add({{"consumer", options_.name}});
    applied_total_ = &metrics
                          ->AddCounter("event_consumer_events_total",
                                       "events applied (with their cursor), by consumer")
                          .Add({{"consumer", options_.name}});
  }
}

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
  }
  if (thread_.joinable()) thread_.join();
}

absl::StatusOr<std::string> EventFollower::Cursor() {
  return db::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<std::string> {
    pqxx::result r = db::Exec(tx, db::queries::kCursorSelect, options_.name);
    if (r.empty()) return std::string();
    return r[0][0].as<std::string>();
  });
}

absl::Status EventFollower::Apply(const kinerja::common::v1::EventEnvelope& event) {
  // The producer's request id ties this effect's log lines and audit rows to the original call.
  log::ScopedRequestId scoped(event.request_id());
  ASSIGN_OR_RETURN(EventEffect effect, prepare_(event));
  RETURN_IF_ERROR(db::RunInTransaction(pool_, [&](pqxx::work& tx) -> absl::Status {
    if (effect) RETURN_IF_ERROR(effect(tx));
    db::Exec0(tx, db::queries::kCursorUpsert, options_.name, event.cursor());
    return absl::OkStatus();
  }));
  applied_.fetch_add(1);
  if (applied_total_ != nullptr) applied_total_->Increment();
  if (lag_ != nullptr && event.has_occurred_at()) {
    absl::Time occurred = absl::FromUnixSeconds(event.occurred_at().seconds()) +
                          absl::Nanoseconds(event.occurred_at().nanos());
    lag_->Set(std::max(0.0, absl::ToDoubleSeconds(absl::Now() - occurred)));
  }
  return absl::OkStatus();
}

void EventFollower::Run() {
  absl::Duration backoff = options_.initial_backoff;
  while (!stopping_) {
    const int64_t before = applied_.load();
    absl::Status status = FollowOnce();
    if (stopping_) break;
    if (applied_.load() > before) backoff = options_.initial_backoff;  // it was making progress
    if (!status.ok()) {
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
  ASSIGN_OR_RETURN(std::string cursor, Cursor());
  ASSIGN_OR_RETURN(std::unique_ptr<EventReader> reader, source_.Follow(cursor, options_.types));
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) {
      reader->Cancel();  // the stream was opened: end it before it is dropped
      reader->Finish().IgnoreError();
      return absl::CancelledError("stopping");
    }
    active_ = reader.get();
  }
  kinerja::common::v1::EventEnvelope event;
  absl::Status applied = absl::OkStatus();
  while (!stopping_ && reader->Read(&event)) {
    applied = Apply(event);
    if (!applied.ok()) {
      reader->Cancel();  // retried from the stored cursor after the backoff
      break;
    }
  }
  absl::Status finished = reader->Finish();
  {
    absl::MutexLock lock(&mu_);
    active_ = nullptr;
  }
  RETURN_IF_ERROR(applied);
  return finished;
}

}  // namespace kinerja::events
