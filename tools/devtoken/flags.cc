#include "tools/devtoken/flags.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace kinerja::devtoken {

absl::StatusOr<Flags> Flags::Parse(const std::vector<std::string>& args, const FlagSpec& spec) {
  Flags flags;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      return absl::InvalidArgumentError(absl::StrCat("unexpected argument \"", arg, "\""));
    }
    size_t eq = arg.find('=');
    std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    std::optional<std::string> value;
    if (eq != std::string::npos) value = arg.substr(eq + 1);

    if (spec.bool_flags.contains(name)) {
      if (value) return absl::InvalidArgumentError(absl::StrCat("--", name, " takes no value"));
      value = "";
    } else if (spec.value_flags.contains(name)) {
      if (!value) {
        // "--issuer --audience x" is a forgotten value, not an issuer named "--audience".
        if (i + 1 >= args.size() || args[i + 1].compare(0, 2, "--") == 0) {
          return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value"));
        }
        value = args[++i];
      }
    } else {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag --", name));
    }
    if (!flags.values_.emplace(name, *std::move(value)).second) {
      return absl::InvalidArgumentError(absl::StrCat("--", name, " given more than once"));
    }
  }
  return flags;
}

std::optional<std::string> Flags::Get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

absl::StatusOr<std::string> Flags::Required(std::string_view name) const {
  std::optional<std::string> value = Get(name);
  if (!value) {
    return absl::InvalidArgumentError(absl::StrCat("missing required flag --", std::string(name)));
  }
  if (value->empty()) {
    return absl::InvalidArgumentError(absl::StrCat("--", std::string(name), " must not be empty"));
  }
  return *std::move(value);
}

bool Flags::Has(std::string_view name) const { return values_.find(name) != values_.end(); }

}  // namespace kinerja::devtoken
