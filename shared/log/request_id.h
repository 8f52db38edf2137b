// The request id that ties together every log line of one request (and the audit record).
//
// The id lives in a thread-local slot set by a scope guard. The gRPC callback API moves work
// between threads: set the guard again in whatever worker runs the request's code.
#pragma once

#include <string>
#include <string_view>

namespace kinerja::log {

class ScopedRequestId {
 public:
  // Sets the current thread's request id until destruction, then restores the previous one
  // (so guards nest).
  explicit ScopedRequestId(std::string id);
  ~ScopedRequestId();
  ScopedRequestId(const ScopedRequestId&) = delete;
  ScopedRequestId& operator=(const ScopedRequestId&) = delete;

 private:
  std::string previous_;
};

// Empty when no guard is active on this thread.
std::string_view CurrentRequestId();

// 32 random hex characters (128 bits).
std::string NewRequestId();

// Whether an id received from a client (x-request-id metadata) is safe to adopt: 1 to 128
// characters of letters, digits and - _ . : only. Otherwise mint a NewRequestId().
bool IsAcceptableRequestId(std::string_view id);

}  // namespace kinerja::log
