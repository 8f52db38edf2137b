// The bits of JSON a log line needs, written straight into a string.
#pragma once

#include <string>
#include <string_view>

namespace kinerja::log {

// Appends s as a quoted JSON string (escaped by nlohmann::json): quotes, backslashes and
// control characters escaped, valid UTF-8 passed through, invalid UTF-8 replaced by U+FFFD so
// the line stays parseable whatever a client sent us.
void AppendJsonString(std::string* out, std::string_view s);

// Shortest round-trip form. JSON has no NaN or infinity; those become the strings "NaN",
// "Infinity" and "-Infinity".
void AppendJsonNumber(std::string* out, double value);

}  // namespace kinerja::log
