// A key/value pair attached to a log line: log::Info("listening", {{"port", port}}).
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <variant>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace kinerja::log {

class Field {
 public:
  using Value = std::variant<std::string, int64_t, double, bool>;

  // Separate overloads rather than a variant constructor: a variant would send const char*
  // to bool and refuse size_t (narrowing).
  Field(std::string_view key, std::string_view value) : key_(key), value_(std::string(value)) {}
  Field(std::string_view key, const char* value) : Field(key, std::string_view(value)) {}
  Field(std::string_view key, const std::string& value) : key_(key), value_(value) {}
  // Debian's Abseil has its own string_view (absl::Status::message() returns one).
  Field(std::string_view key, absl::string_view value)
      : key_(key), value_(std::string(value.data(), value.size())) {}
  Field(std::string_view key, const absl::Status& status) : key_(key), value_(status.ToString()) {}
  Field(std::string_view key, double value) : key_(key), value_(value) {}
  Field(std::string_view key, bool value) : key_(key), value_(value) {}

  template <std::integral T>
  requires(!std::same_as<T, bool>) Field(std::string_view key, T value) : key_(key) {
    // Unsigned values past int64 keep their magnitude (approximately) instead of wrapping.
    if constexpr (std::unsigned_integral<T>) {
      if (value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        value_ = static_cast<double>(value);
        return;
      }
    }
    value_ = static_cast<int64_t>(value);
  }

  const std::string& key() const { return key_; }
  const Value& value() const { return value_; }

 private:
  std::string key_;
  Value value_;
};

// Takes a braced list at the call site or a std::vector<Field> built up beforehand.
using Fields = absl::Span<const Field>;

}  // namespace kinerja::log
