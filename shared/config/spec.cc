#include "shared/config/spec.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace kinerja::config {
namespace {

// Lowercase words joined by single dashes, like the rest of the Unix world.
bool IsFlagName(const std::string& name) {
  if (name.empty() || name.front() == '-' || name.back() == '-' || name == "help") return false;
  for (char c : name) {
    if (!absl::ascii_islower(static_cast<unsigned char>(c)) &&
        !absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != '-') {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string OptionLabel(const Option& option) {
  if (option.env.empty()) return absl::StrCat("--", option.name);
  return absl::StrCat("--", option.name, " (", option.env, ")");
}

std::vector<std::string> SpecProblems(const Spec& spec) {
  std::vector<std::string> problems;
  std::set<std::string> names, envs;
  for (const Option& option : spec.options) {
    if (!IsFlagName(option.name)) {
      problems.push_back(absl::StrCat("option name \"", option.name,
                                      "\" must be lowercase words joined by '-' (not help)"));
    }
    if (!names.insert(option.name).second) {
      problems.push_back(absl::StrCat("option --", option.name, " declared twice"));
    }
    if (!option.env.empty() && !envs.insert(option.env).second) {
      problems.push_back(absl::StrCat("environment variable ", option.env, " used twice"));
    }
    if (option.min > option.max) {
      problems.push_back(absl::StrCat(OptionLabel(option), ": min is greater than max"));
    }
  }
  return problems;
}

}  // namespace kinerja::config
