#include "services/analytics/api/read_model_followers.h"

#include "services/analytics/store/ingest.h"
#include "shared/db/transaction.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::analytics::api {

ReadModelFollowers::ReadModelFollowers(
    db::Pool& pool, std::vector<std::unique_ptr<clients::ProducerEvents>> sources,
    FollowerSettings settings, metrics::Registry* metrics)
    : sources_(std::move(sources)) {
  for (const std::unique_ptr<clients::ProducerEvents>& source : sources_) {
    const std::string producer = source->producer();
    followers_.push_back(std::make_unique<events::EventFollower>(
        pool, source->source(),
        events::FollowerOptions{.name = "analytics." + producer,
                                .types = store::EventTypesOf(producer),
                                .max_batch = settings.max_batch,
                                .durable_commit = settings.durable_commit},
        events::PrepareBatch([producer](std::span<const kinerja::common::v1::EventEnvelope> batch)
                                 -> absl::StatusOr<events::EventEffect> {
          // Everything the read model needs is in the events: nothing to ask anyone first.
          // The batch's events are applied together (set-based, store/ingest.h).
          return events::EventEffect([producer, batch](pqxx::work& tx) {
            return store::ApplyEvents(tx, producer, batch);
          });
        }),
        metrics));
  }
}

void ReadModelFollowers::Start() {
  for (auto& f : followers_) f->Start();
}

void ReadModelFollowers::Stop() {
  for (auto& f : followers_) f->Stop();
}

std::vector<analytics::v1::StreamStatus> ReadModelFollowers::Status() const {
  std::vector<analytics::v1::StreamStatus> out;
  for (size_t i = 0; i < followers_.size(); ++i) {
    const events::FollowerStatus s = followers_[i]->Status();
    analytics::v1::StreamStatus& status = out.emplace_back();
    status.set_name(s.name);
    status.set_producer(sources_[i]->producer());
    status.set_connected(s.connected);
    status.set_applied(s.applied);
    status.set_lag_seconds(s.lag_seconds);
    if (s.last_occurred_at != absl::InfinitePast()) {
      rpc::TimeToProto(s.last_occurred_at, status.mutable_last_event_time());
    }
    if (s.last_applied_at != absl::InfinitePast()) {
      rpc::TimeToProto(s.last_applied_at, status.mutable_last_applied_time());
    }
    if (s.last_error_at != absl::InfinitePast() && s.last_error_at > s.last_applied_at) {
      status.set_last_error(s.last_error);
    }
  }
  return out;
}

}  // namespace kinerja::analytics::api
