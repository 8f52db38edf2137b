// Typed option values and the parsing of their text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "shared/config/spec.h"

namespace kinerja::config {

struct Address {
  std::string host;  // without IPv6 brackets; empty means all interfaces
  int port = 0;

  friend bool operator==(const Address&, const Address&) = default;
};

// A gRPC client's target (kTarget): a resolver URI kept as written (`uri`: "dns:///employee:50051",
// "ipv4:10.0.0.1:50051,10.0.0.2:50051"), or, when `uri` is empty, a plain address.
struct Target {
  std::string uri;
  Address address;

  friend bool operator==(const Target&, const Target&) = default;
};

// string for kString, int64_t, absl::Duration, bool, Address, Target for the others.
using OptionValue = std::variant<std::string, int64_t, absl::Duration, bool, Address, Target>;

// The error message says what was wrong ("must be between 1 and 256, got 0") and, for
// non-secret options only, echoes the text; the caller adds the option's label.
absl::StatusOr<OptionValue> ParseOptionValue(const Option& option, std::string_view text);

}  // namespace kinerja::config
