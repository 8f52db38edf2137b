#include "shared/events/event_stream.h"

#include <deque>
#include <optional>

#include "absl/synchronization/mutex.h"
#include "shared/db/transaction.h"
#include "shared/events/outbox_reader.h"
#include "shared/server/status_mapping.h"

namespace kinerja::events {
namespace {

using kinerja::common::v1::EventEnvelope;

class FailedStream : public grpc::ServerWriteReactor<EventEnvelope> {
 public:
  explicit FailedStream(const grpc::Status& status) { Finish(status); }
  void OnDone() override { delete this; }
};

// Exactly one of: a fetch on the worker pool, a write in flight, a wait on the notifier, or
// finished. Whoever observes cancellation in that state finishes the call, so nothing touches
// the reactor after OnDone.
class OutboxStream : public grpc::ServerWriteReactor<EventEnvelope> {
 public:
  OutboxStream(const StreamDeps& deps, Cursor after, std::vector<std::string> types,
               bool backlog_only)
      : deps_(deps), cursor_(after), types_(std::move(types)), backlog_only_(backlog_only) {
    ScheduleFetch();
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    if (!ok || cancelled_) return FinishLocked(grpc::Status::OK);
    if (deps_.on_sent) deps_.on_sent();
    pending_.pop_front();
    WriteOrFetchLocked();
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    cancelled_ = true;
    if (waiting_ && deps_.notifier->Cancel(wait_token_)) {
      waiting_ = false;
      FinishLocked(grpc::Status::CANCELLED);
    }
  }

  void OnDone() override { delete this; }

 private:
  void ScheduleFetch() {
    deps_.workers->Submit([this] { Fetch(); });
  }

  void Fetch() {
    Cursor from;
    {
      absl::MutexLock lock(&mu_);
      if (cancelled_) return FinishLocked(grpc::Status::CANCELLED);
      from = cursor_;
    }
    // Signals counted before the fetch: one that comes after it started (a commit the fetch may
    // not have seen) must not be missed by the wait below.
    const long long signals_seen = deps_.notifier->signals();
    auto batch =
        db::RunInTransaction(*deps_.pool, [&](pqxx::work& tx) -> absl::StatusOr<EventBatch> {
          return FetchEventBatch(tx, from, types_, deps_.batch_size);
        });
    absl::MutexLock lock(&mu_);
    if (cancelled_) return FinishLocked(grpc::Status::CANCELLED);
    if (!batch.ok()) return FinishLocked(server::ToGrpcStatus(batch.status(), deps_.error_domain));
    cursor_ = batch->scanned;  // past the rows of other types too
    if (batch->events.empty()) {
      if (backlog_only_) return FinishLocked(grpc::Status::OK);
      std::optional<uint64_t> token =
          deps_.notifier->WaitUnlessSignalledSince(signals_seen, [this] { Woken(); });
      if (!token) return ScheduleFetch();
      waiting_ = true;
      wait_token_ = *token;
      return;
    }
    for (auto& e : batch->events) pending_.push_back(std::move(e));
    WriteOrFetchLocked();
  }

  void Woken() {
    absl::MutexLock lock(&mu_);
    waiting_ = false;
    if (cancelled_) return FinishLocked(grpc::Status::CANCELLED);
    ScheduleFetch();
  }

  void WriteOrFetchLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (pending_.empty()) return ScheduleFetch();
    StartWrite(&pending_.front());
  }

  void FinishLocked(const grpc::Status& status) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_) return;
    finished_ = true;
    if (deps_.on_finished) deps_.on_finished(status);
    Finish(status);
  }

  const StreamDeps deps_;
  absl::Mutex mu_;
  Cursor cursor_ ABSL_GUARDED_BY(mu_);
  const std::vector<std::string> types_;
  const bool backlog_only_;
  std::deque<EventEnvelope> pending_ ABSL_GUARDED_BY(mu_);
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  bool waiting_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t wait_token_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace

grpc::ServerWriteReactor<EventEnvelope>* StartEventStream(
    const StreamDeps& deps, const kinerja::common::v1::StreamEventsRequest& request) {
  absl::StatusOr<Cursor> after = DecodeCursor(request.after_cursor());
  if (!after.ok()) return new FailedStream(server::ToGrpcStatus(after.status(), deps.error_domain));
  std::vector<std::string> types(request.types().begin(), request.types().end());
  return new OutboxStream(deps, *after, std::move(types), request.backlog_only());
}

grpc::ServerWriteReactor<EventEnvelope>* FailedEventStream(const grpc::Status& status) {
  return new FailedStream(status);
}

}  // namespace kinerja::events
