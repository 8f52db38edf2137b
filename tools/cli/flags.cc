#include "tools/cli/flags.h"

#include <charconv>
#include <utility>

#include "absl/status/status.h"

namespace kinerja::cli {
namespace {

std::string Dashed(std::string_view name) { return "--" + std::string(name); }

absl::Status Invalid(std::string message) { return absl::InvalidArgumentError(std::move(message)); }

bool IsFlag(const std::string& arg) { return arg.size() > 2 && arg.compare(0, 2, "--") == 0; }

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

FlagSpec Merge(const FlagSpec& a, const FlagSpec& b) {
  FlagSpec merged = a;
  merged.value_flags.insert(b.value_flags.begin(), b.value_flags.end());
  merged.bool_flags.insert(b.bool_flags.begin(), b.bool_flags.end());
  merged.repeated_flags.insert(b.repeated_flags.begin(), b.repeated_flags.end());
  return merged;
}

absl::StatusOr<ParsedArgs> ParsedArgs::Parse(const std::vector<std::string>& args,
                                             const FlagSpec& spec) {
  ParsedArgs parsed;
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_done || !IsFlag(arg)) {
      if (!flags_done && arg == "--") {
        flags_done = true;
        continue;
      }
      if (!flags_done && arg.size() > 1 && arg[0] == '-' && arg != "-") {
        return Invalid("unknown flag " + arg + " (flags are spelled --name)");
      }
      parsed.positionals_.push_back(arg);
      continue;
    }
    size_t eq = arg.find('=');
    std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    std::optional<std::string> value;
    if (eq != std::string::npos) value = arg.substr(eq + 1);

    if (spec.bool_flags.contains(name)) {
      if (value) return Invalid(Dashed(name) + " takes no value");
      value = "";
    } else if (spec.value_flags.contains(name)) {
      if (!value) {
        // "--id --json" is a forgotten value, not an id called "--json".
        if (i + 1 >= args.size() || IsFlag(args[i + 1])) {
          return Invalid(Dashed(name) + " needs a value");
        }
        value = args[++i];
      }
    } else {
      return Invalid("unknown flag " + Dashed(name));
    }
    if (spec.repeated_flags.contains(name)) {
      parsed.repeated_[name].push_back(*value);
      parsed.values_.emplace(name, *std::move(value));  // keeps the first
      continue;
    }
    if (!parsed.values_.emplace(name, *std::move(value)).second) {
      return Invalid(Dashed(name) + " given more than once");
    }
  }
  return parsed;
}

std::optional<std::string> ParsedArgs::Get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

bool ParsedArgs::Has(std::string_view name) const { return values_.contains(name); }

std::vector<std::string> ParsedArgs::GetAll(std::string_view name) const {
  auto it = repeated_.find(name);
  if (it != repeated_.end()) return it->second;
  std::optional<std::string> value = Get(name);
  if (!value) return {};
  return {*std::move(value)};
}

bool WantsHelp(const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (arg == "--") return false;
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
}

absl::StatusOr<OneOf> ExactlyOne(const ParsedArgs& args, std::string_view a, std::string_view b) {
  std::optional<std::string> va = args.Get(a);
  std::optional<std::string> vb = args.Get(b);
  if (va && vb) return Invalid("give only one of " + Dashed(a) + " and " + Dashed(b));
  if (!va && !vb) return Invalid("missing " + Dashed(a) + " or " + Dashed(b));
  OneOf one{std::string(va ? a : b), va ? *va : *vb};
  if (one.value.empty()) return Invalid(Dashed(one.flag) + " must not be empty");
  return one;
}

absl::StatusOr<std::string> Required(const ParsedArgs& args, std::string_view name) {
  std::optional<std::string> value = args.Get(name);
  if (!value) return Invalid("missing required flag " + Dashed(name));
  if (value->empty()) return Invalid(Dashed(name) + " must not be empty");
  return *std::move(value);
}

absl::StatusOr<absl::Duration> ParseTimeout(std::string_view flag, std::string_view text) {
  absl::Duration duration;
  bool ok = false;
  if (AllDigits(text)) {
    int64_t seconds = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    ok = error == std::errc() && end == text.data() + text.size();
    duration = absl::Seconds(seconds);
  } else {
    ok = absl::ParseDuration(std::string(text), &duration);
  }
  if (!ok || duration <= absl::ZeroDuration() || duration == absl::InfiniteDuration()) {
    return Invalid(Dashed(flag) + " must be a positive duration such as 30s, 10m or 1h (got \"" +
                   std::string(text) + "\")");
  }
  return duration;
}

absl::StatusOr<int32_t> ParsePositiveInt(std::string_view flag, std::string_view text,
                                         int32_t max) {
  int64_t value = 0;
  bool ok = AllDigits(text) && text.size() <= 10;
  if (ok) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    ok = error == std::errc() && end == text.data() + text.size();
  }
  if (!ok || value < 1 || value > max) {
    return Invalid(Dashed(flag) + " must be a whole number from 1 to " + std::to_string(max) +
                   " (got \"" + std::string(text) + "\")");
  }
  return static_cast<int32_t>(value);
}

absl::StatusOr<absl::CivilDay> ParseDay(std::string_view flag, std::string_view text) {
  auto bad = [&] {
    return Invalid(Dashed(flag) + " must be a date YYYY-MM-DD (got \"" + std::string(text) + "\")");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return bad();
  int year = std::stoi(std::string(y)), month = std::stoi(std::string(m)),
      day = std::stoi(std::string(d));
  absl::CivilDay civil(year, month, day);
  // CivilDay normalises (2023-02-30 becomes 2023-03-02): a changed field means no such day.
  if (civil.year() != year || civil.month() != month || civil.day() != day) return bad();
  return civil;
}

}  // namespace kinerja::cli
