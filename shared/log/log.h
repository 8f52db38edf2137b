// Structured JSON-lines logging: one object per line, on stderr by default.
//
//   log::ScopedRequestId rid(log::NewRequestId());
//   log::Info("plan submitted", {{"plan_id", id}, {"rhk_count", n}});
//
// Lines below the threshold (default info) cost a comparison and the construction of the
// fields. Each line reaches the sink in one call, and the default sink hands it to one
// write(2), so lines from different threads do not interleave.
#pragma once

#include <functional>
#include <string_view>

#include "shared/log/field.h"
#include "shared/log/log_line.h"
#include "shared/log/request_id.h"

namespace kinerja::log {

void Log(Level level, std::string_view msg, Fields fields = {});

inline void Debug(std::string_view msg, Fields fields = {}) { Log(Level::kDebug, msg, fields); }
inline void Info(std::string_view msg, Fields fields = {}) { Log(Level::kInfo, msg, fields); }
inline void Warn(std::string_view msg, Fields fields = {}) { Log(Level::kWarn, msg, fields); }
inline void Error(std::string_view msg, Fields fields = {}) { Log(Level::kError, msg, fields); }

void SetLevel(Level level);
Level GetLevel();
bool Enabled(Level level);

// Receives complete lines ending in '\n', possibly from several threads at once.
using Sink = std::function<void(std::string_view line)>;
// Replaces the process-wide sink (tests capture lines); nullptr restores stderr.
void SetSink(Sink sink);

}  // namespace kinerja::log
