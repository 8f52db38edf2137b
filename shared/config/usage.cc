#include "shared/config/usage.h"

#include <cstdint>
#include <limits>

#include "absl/strings/str_cat.h"

namespace kinerja::config {
namespace {

const char* Placeholder(OptionType type) {
  switch (type) {
    case OptionType::kString:
      return "=STRING";
    case OptionType::kInt:
      return "=INT";
    case OptionType::kDuration:
      return "=DURATION";
    case OptionType::kBool:
      return "[=BOOL]";
    case OptionType::kAddress:
      return "=HOST:PORT";
    case OptionType::kTarget:
      return "=TARGET";
  }
  return "";
}

std::string Details(const Option& option) {
  std::string out;
  if (!option.env.empty()) absl::StrAppend(&out, " Env: ", option.env, ".");
  if (option.required) absl::StrAppend(&out, " Required.");
  if (option.default_value) {
    absl::StrAppend(&out, " Default: ", option.secret ? "<secret>" : *option.default_value, ".");
  }
  if (option.type == OptionType::kInt && option.min != std::numeric_limits<int64_t>::min() &&
      option.max != std::numeric_limits<int64_t>::max()) {
    absl::StrAppend(&out, " Range: ", option.min, "..", option.max, ".");
  }
  return out;
}

}  // namespace

std::string Usage(const Spec& spec) {
  std::string out = absl::StrCat("Usage: ", spec.program, " [flags]\n");
  if (!spec.summary.empty()) absl::StrAppend(&out, spec.summary, "\n");
  absl::StrAppend(&out, "\nFlags override environment variables, which override defaults.\n\n");
  for (const Option& option : spec.options) {
    absl::StrAppend(&out, "  --", option.name, Placeholder(option.type), "\n");
    absl::StrAppend(&out, "      ", option.help, Details(option), "\n");
  }
  absl::StrAppend(&out, "  --help\n      Print this text and exit.\n");
  return out;
}

}  // namespace kinerja::config
