// How the other services' events become the analytics read model (migrations/0001_analytics.sql).
// Each batch's effect runs in the transaction that stores the follower's cursor
// (shared/events/event_follower.h), so a replayed event is never applied twice; and every row
// remembers the producer's sequence of the last event applied to it, so an old event delivered
// again after a newer one (a cursor reset, a producer replaying its outbox) changes nothing.
//
// Counters (predicate_counts, agency_predicate_counts) and each unit's compliance with the bands
// of its organisation predicate (unit_compliance) are kept up to date by the same transactions,
// so that reports over an agency or the whole nation read a few thousand rows.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/transaction>

#include "absl/status/status.h"
#include "kinerja/common/v1/events.pb.h"

namespace kinerja::analytics::store {

// The producers the read model follows, as ApplyEvent's `producer`.
inline constexpr char kEmployeeProducer[] = "employee";
inline constexpr char kGoalsProducer[] = "goals";
inline constexpr char kReviewProducer[] = "review";

// The event types of `producer` that change the read model (the followers ask only for these).
std::vector<std::string> EventTypesOf(std::string_view producer);

// Applies a batch of `producer`'s events, in order (the same rows, counters and compliance as
// applying them one at a time; ingest_batch.h says what is done once per batch). Types that
// change nothing here are accepted and ignored. A payload that does not decode is
// INVALID_ARGUMENT (the follower retries it rather than skip).
absl::Status ApplyEvents(pqxx::work& tx, std::string_view producer,
                         std::span<const kinerja::common::v1::EventEnvelope> events);

// ApplyEvents of one event.
absl::Status ApplyEvent(pqxx::work& tx, std::string_view producer,
                        const kinerja::common::v1::EventEnvelope& event);

}  // namespace kinerja::analytics::store
