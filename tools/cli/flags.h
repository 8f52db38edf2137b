// Command-line parsing for the kinerja CLI: "--name value", "--name=value", bool flags, and
// positional arguments in any order ("--" ends the flags). Every error names the flag.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace kinerja::cli {

struct FlagSpec {
  std::set<std::string, std::less<>> value_flags;  // names without "--"
  std::set<std::string, std::less<>> bool_flags;   // present or absent, no value
  // Value flags that may be given more than once (ParsedArgs::GetAll); also in value_flags.
  std::set<std::string, std::less<>> repeated_flags = {};
};

// The union of two specs (e.g. the common connection flags and a command's own).
FlagSpec Merge(const FlagSpec& a, const FlagSpec& b);

class ParsedArgs {
 public:
  // InvalidArgumentError naming the flag for: unknown flags, a value flag without a value (or
  // followed by another flag), a value on a bool flag, a flag given twice (unless repeated).
  static absl::StatusOr<ParsedArgs> Parse(const std::vector<std::string>& args,
                                          const FlagSpec& spec);

  // For a repeated flag, Get returns its first value.
  std::optional<std::string> Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  // Every value of a repeated flag, in command-line order.
  std::vector<std::string> GetAll(std::string_view name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::string, std::less<>> values_;
  std::map<std::string, std::vector<std::string>, std::less<>> repeated_;
  std::vector<std::string> positionals_;
};

// True when "--help" or "-h" appears before a "--" separator.
bool WantsHelp(const std::vector<std::string>& args);

// Exactly one of two flags (e.g. --id / --nip): which one, and its non-empty value.
struct OneOf {
  std::string flag;
  std::string value;
};
absl::StatusOr<OneOf> ExactlyOne(const ParsedArgs& args, std::string_view a, std::string_view b);

// A flag's non-empty value, or "missing required flag --name".
absl::StatusOr<std::string> Required(const ParsedArgs& args, std::string_view name);

// "30s", "10m", "1h30m", "500ms" (Go/Abseil syntax) or a plain number of seconds; must be > 0.
absl::StatusOr<absl::Duration> ParseTimeout(std::string_view flag, std::string_view text);

// A positive decimal integer no greater than max.
absl::StatusOr<int32_t> ParsePositiveInt(std::string_view flag, std::string_view text, int32_t max);

// YYYY-MM-DD, a real calendar day.
absl::StatusOr<absl::CivilDay> ParseDay(std::string_view flag, std::string_view text);

}  // namespace kinerja::cli
