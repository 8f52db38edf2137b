// W3C Trace Context (https://www.w3.org/TR/trace-context/): the `traceparent` header
// "00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>" that ties the log lines of one
// request together across services. A service adopts a valid incoming traceparent (keeping its
// trace id) or starts a trace; every outgoing call carries the same trace id with a new parent id.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kinerja::context {

struct TraceParent {
  std::string trace_id;   // 32 lowercase hex, not all zero
  std::string parent_id;  // 16 lowercase hex, not all zero
  std::string flags;      // 2 lowercase hex

  std::string ToString() const;
};

// nullopt unless `header` is a valid version-00 traceparent (or a later version's prefix).
std::optional<TraceParent> ParseTraceParent(std::string_view header);

// The incoming trace continued with a fresh parent id, or a new trace when `incoming` is invalid.
TraceParent ContinueTrace(std::string_view incoming);

// The traceparent to send on a call made on behalf of `current` (a new parent id, same trace);
// a new trace when `current` is empty or invalid.
std::string OutgoingTraceParent(std::string_view current);

}  // namespace kinerja::context
