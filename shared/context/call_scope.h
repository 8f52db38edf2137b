// The call a thread is working for: its deadline and W3C trace context. CallRunner sets a
// ScopedCall on the worker that runs a request's code; the database pool derives each
// transaction's statement_timeout from the deadline, and clients of other services bound their
// own deadline by it and forward the trace (shared/clients). Like log::ScopedRequestId, the slot
// is thread-local: set it again on whatever thread runs the request's code.
#pragma once

#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace kinerja::context {

struct CallScope {
  absl::Time deadline = absl::InfiniteFuture();
  std::string traceparent;  // W3C traceparent of the incoming call (trace_context.h)
};

class ScopedCall {
 public:
  // Sets the current thread's call until destruction, then restores the previous one.
  explicit ScopedCall(CallScope scope);
  ~ScopedCall();
  ScopedCall(const ScopedCall&) = delete;
  ScopedCall& operator=(const ScopedCall&) = delete;

 private:
  CallScope previous_;
};

// The current thread's call; a default CallScope (no deadline, no trace) outside any.
const CallScope& CurrentCall();

// Time left before the current call's deadline (InfiniteDuration without one; may be negative).
absl::Duration RemainingTime(absl::Time now = absl::Now());

}  // namespace kinerja::context
