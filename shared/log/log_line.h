// Formats one JSON log line. Pure, so the exact output is unit-tested.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "shared/log/field.h"

namespace kinerja::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

std::string_view LevelName(Level level);  // "debug", "info", "warn", "error"
// Accepts those names (any case) and "warning"; for --log-level.
absl::StatusOr<Level> ParseLevel(std::string_view name);

// {"ts":"2026-11-23T10:00:00.123Z","level":"info","msg":"...","request_id":"...",<fields>}
// plus '\n'. request_id is left out when empty. A field whose key clashes with one of those
// four is written as "field_<key>" so no line ever has a duplicate key.
std::string FormatLine(Level level, absl::Time time, std::string_view request_id,
                       std::string_view msg, Fields fields);

}  // namespace kinerja::log
