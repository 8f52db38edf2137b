// A deliberately small "--name value" / "--name=value" parser for kinerja-devtoken: enough
// for a dev tool, with errors that name the offending flag.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace kinerja::devtoken {

struct FlagSpec {
  std::set<std::string, std::less<>> value_flags;  // names without "--"
  std::set<std::string, std::less<>> bool_flags;   // present or absent, no value
};

class Flags {
 public:
  // InvalidArgumentError naming the flag for: unknown flags, positional arguments, a value
  // flag without a value (or followed by another flag), a value on a bool flag, repeats.
  static absl::StatusOr<Flags> Parse(const std::vector<std::string>& args, const FlagSpec& spec);

  std::optional<std::string> Get(std::string_view name) const;
  // InvalidArgumentError "missing required flag --name" or "--name must not be empty".
  absl::StatusOr<std::string> Required(std::string_view name) const;
  bool Has(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace kinerja::devtoken
