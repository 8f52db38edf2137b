#ifndef KINERJA_TOOLS_GEN_FLAGS_H_
#define KINERJA_TOOLS_GEN_FLAGS_H_

#include <span>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "tools/gen/generator.h"

namespace kinerja::gen {

inline constexpr int64_t kMinEmployees = 100;
inline constexpr int64_t kMaxEmployees = 5'000'000;

struct ParsedFlags {
  GenOptions options;
  bool help = false;
};

// Parses the command line (without the program name). Accepts "--flag value" and
// "--flag=value"; errors name the offending flag.
absl::StatusOr<ParsedFlags> ParseFlags(std::span<const std::string_view> args);

std::string UsageText();

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_FLAGS_H_
