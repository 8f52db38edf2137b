// Step 3 of kinerja-analytics-bench: events-to-visible lag of the analytics read model under a
// steady write load at a producer.
//
// The load: kinerja.review.v1.AssessmentChanged events of type AssessmentFinalised, written into
// the review service's outbox (its own schema, its own database role) with the kit's outbox
// writer (events::AppendEvent, one event per transaction: the call a review write makes to add
// its event inside its transaction), paced at `rate` per second by `writers` connections. Each
// event finalises (or finalises again, with new ratings) an annual assessment sampled from the
// analytics read model, so the load spreads over the nation's agencies and units and each event
// moves real counters and recomputes a real unit's compliance. The real review service streams
// the outbox (StreamEvents) and the real analytics service follows it.
//
// The lag: every `marker_interval`, one more event finalises an assessment of a new agency of its
// own; a poller asks analytics' GetPredicateDistribution for that agency until it shows the
// assessment. Lag = the time the answer showed it minus the time the marker's transaction
// committed (both on this process's clock). The poller asks for the oldest marker not yet
// visible every `poll_interval`, and for the next ones at once when one shows up (events are
// delivered in commit order), so a figure is late by at most one poll interval and one call.
#pragma once

#include <string>

namespace kinerja::bench::analytics {

struct LagOptions {
  std::string review_dsn;     // the review service's role: its outbox
  std::string analytics_dsn;  // the analytics service's role: assessments to sample
  std::string analytics_addr;
  std::string token;  // an auditor's
  int year = 2025;
  double rate = 2000;  // load events per second
  int seconds = 30;
  int writers = 4;
  int marker_interval_ms = 100;
  int poll_interval_ms = 5;
  int drain_timeout_seconds = 60;  // how long markers may take after the load ends
};

struct LagFigures {
  long events = 0;  // load events committed (markers not included)
  double per_s = 0;
  double behind_max_ms = 0;  // the most a load event's commit started after its schedule
  long markers = 0;
  long visible = 0;  // markers seen by analytics before the drain timeout
  double p50_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
  bool ok = false;  // the run itself worked (the figures may still miss their targets)
};

// Prints progress, a "writes ..." line and a "lag ..." line.
LagFigures MeasureLag(const LagOptions& options);

}  // namespace kinerja::bench::analytics
