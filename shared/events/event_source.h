// Where a consumer reads another service's events from: that service's StreamEvents (backlog
// after a cursor, then live). An interface, so that the follower is tested against a real
// producer or a scripted one, and so that it never names a producer's generated stub
// (shared/clients/stub_event_source.h adapts any service stub).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "kinerja/common/v1/events.pb.h"

namespace kinerja::events {

class EventReader {
 public:
  virtual ~EventReader() = default;
  // Blocks for the next event; false when the stream ended (then call Finish).
  virtual bool Read(kinerja::common::v1::EventEnvelope* event) = 0;
  // Ends a blocked Read from another thread.
  virtual void Cancel() = 0;
  // Why the stream ended (OK for a producer that finished it).
  virtual absl::Status Finish() = 0;
};

class EventSource {
 public:
  virtual ~EventSource() = default;
  // Events after `cursor` ("" from the beginning) whose type is one of `types` (all if empty).
  virtual absl::StatusOr<std::unique_ptr<EventReader>> Follow(
      const std::string& cursor, const std::vector<std::string>& types) = 0;
};

}  // namespace kinerja::events
