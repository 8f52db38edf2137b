#include "shared/log/log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <memory>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"

namespace kinerja::log {
namespace {

std::atomic<Level> g_level{Level::kInfo};

struct SinkSlot {
  absl::Mutex mu;
  std::shared_ptr<const Sink> sink ABSL_GUARDED_BY(mu);  // null: stderr
};

SinkSlot& Slot() {
  // Never destroyed: threads may still log while static destructors run at exit.
  static SinkSlot* slot = new SinkSlot;
  return *slot;
}

void WriteToStderr(std::string_view line) {
  while (!line.empty()) {
    ssize_t n = ::write(STDERR_FILENO, line.data(), line.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere left to report a failing stderr
    line.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

void Log(Level level, std::string_view msg, Fields fields) {
  if (!Enabled(level)) return;
  std::string line = FormatLine(level, absl::Now(), CurrentRequestId(), msg, fields);
  std::shared_ptr<const Sink> sink;
  {
    absl::MutexLock lock(&Slot().mu);
    sink = Slot().sink;
  }
  // Called outside the lock: a slow sink must not serialise every logging thread on it.
  if (sink) {
    (*sink)(line);
  } else {
    WriteToStderr(line);
  }
}

void SetLevel(Level level) { g_level.store(level, std::memory_order_relaxed); }

Level GetLevel() { return g_level.load(std::memory_order_relaxed); }

bool Enabled(Level level) { return level >= GetLevel(); }

void SetSink(Sink sink) {
  auto shared = sink ? std::make_shared<const Sink>(std::move(sink)) : nullptr;
  absl::MutexLock lock(&Slot().mu);
  Slot().sink = std::move(shared);
}

}  // namespace kinerja::log
