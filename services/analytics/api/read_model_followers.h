// The three followers that build the read model from the producers' events (one per producer,
// cursor "analytics.<producer>"), and their state for operators (GetStreamStatus, the dashboard,
// freshness of every report, /healthz and the event_consumer_* metrics).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kinerja/analytics/v1/resources.pb.h"
#include "shared/clients/producer_events.h"
#include "shared/db/pool.h"
#include "shared/events/event_follower.h"
#include "shared/metrics/registry.h"

namespace kinerja::analytics::api {

struct FollowerSettings {
  // Events applied per transaction at most, when they are waiting.
  int max_batch = 256;
  // The read model is derived: a crash loses the last effects and their cursor together, and
  // the events are applied again. Off by default (no wait for the WAL flush per transaction).
  bool durable_commit = false;
};

class ReadModelFollowers {
 public:
  ReadModelFollowers(db::Pool& pool, std::vector<std::unique_ptr<clients::ProducerEvents>> sources,
                     FollowerSettings settings, metrics::Registry* metrics);
  void Start();
  void Stop();
  std::vector<analytics::v1::StreamStatus> Status() const;
  const std::vector<std::unique_ptr<events::EventFollower>>& followers() const {
    return followers_;
  }

 private:
  std::vector<std::unique_ptr<clients::ProducerEvents>> sources_;
  std::vector<std::unique_ptr<events::EventFollower>> followers_;
};

}  // namespace kinerja::analytics::api
