#include "shared/context/call_scope.h"

#include <utility>

namespace kinerja::context {
namespace {

CallScope& Slot() {
  thread_local CallScope current;
  return current;
}

}  // namespace

ScopedCall::ScopedCall(CallScope scope) : previous_(std::exchange(Slot(), std::move(scope))) {}

ScopedCall::~ScopedCall() { Slot() = std::move(previous_); }

const CallScope& CurrentCall() { return Slot(); }

absl::Duration RemainingTime(absl::Time now) {
  absl::Time deadline = Slot().deadline;
  if (deadline == absl::InfiniteFuture()) return absl::InfiniteDuration();
  return deadline - now;
}

}  // namespace kinerja::context
