#include "shared/config/config.h"

#include <cstdio>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "shared/config/args.h"
#include "shared/config/usage.h"

namespace kinerja::config {
namespace {

[[noreturn]] void DieMisuse(std::string_view name, std::string_view what) {
  std::fprintf(stderr, "config: option \"%.*s\": %.*s\n", static_cast<int>(name.size()),
               name.data(), static_cast<int>(what.size()), what.data());
  std::abort();
}

const char* SourceName(Source source) {
  switch (source) {
    case Source::kUnset:
      return "unset";
    case Source::kDefault:
      return "default";
    case Source::kEnv:
      return "env";
    case Source::kFlag:
      return "flag";
  }
  return "?";
}

}  // namespace

EnvLookup ProcessEnv() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Config::Entry Config::Resolve(const Option& option, const std::map<std::string, std::string>& flags,
                              const EnvLookup& env, std::vector<std::string>* problems) {
  Entry entry{option, Source::kUnset, "", std::nullopt};
  std::optional<std::string> env_value = option.env.empty() ? std::nullopt : env(option.env);
  if (auto it = flags.find(option.name); it != flags.end()) {
    entry.source = Source::kFlag;
    entry.text = it->second;
  } else if (env_value && !env_value->empty()) {
    entry.source = Source::kEnv;
    entry.text = *env_value;
  } else if (option.default_value) {
    entry.source = Source::kDefault;
    entry.text = *option.default_value;
  } else {
    if (option.required) problems->push_back(absl::StrCat(OptionLabel(option), ": required"));
    return entry;
  }
  absl::StatusOr<OptionValue> value = ParseOptionValue(option, entry.text);
  if (!value.ok()) {
    problems->push_back(absl::StrCat(OptionLabel(option), ": ", value.status().message()));
  } else {
    entry.value = *std::move(value);
  }
  return entry;
}

absl::StatusOr<Config> Parse(const Spec& spec, int argc, const char* const* argv,
                             const EnvLookup& env) {
  if (std::vector<std::string> bad = SpecProblems(spec); !bad.empty()) {
    return absl::InternalError(absl::StrCat("config spec: ", absl::StrJoin(bad, "\n")));
  }
  ScannedArgs args = ScanArgs(spec, argc, argv);
  Config config;
  config.usage_ = Usage(spec);
  if (args.help) {
    config.help_requested_ = true;  // the user wants the text, not a list of complaints
    return config;
  }
  std::vector<std::string> problems = std::move(args.problems);
  for (const Option& option : spec.options) {
    config.entries_.emplace(option.name, Config::Resolve(option, args.flags, env, &problems));
    config.order_.push_back(option.name);
  }
  if (!problems.empty()) return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
  return config;
}

const Config::Entry& Config::Find(std::string_view name) const {
  auto it = entries_.find(name);
  if (it == entries_.end()) DieMisuse(name, "not in the Spec");
  return it->second;
}

template <typename T>
T Config::Get(std::string_view name, OptionType type) const {
  const Entry& entry = Find(name);
  if (entry.option.type != type) DieMisuse(name, "getter does not match the option's type");
  return entry.value ? std::get<T>(*entry.value) : T{};
}

bool Config::Has(std::string_view name) const { return Find(name).value.has_value(); }

Source Config::SourceOf(std::string_view name) const { return Find(name).source; }

std::string Config::GetString(std::string_view name) const { return Find(name).text; }

int64_t Config::GetInt(std::string_view name) const { return Get<int64_t>(name, OptionType::kInt); }

absl::Duration Config::GetDuration(std::string_view name) const {
  return Get<absl::Duration>(name, OptionType::kDuration);
}

bool Config::GetBool(std::string_view name) const { return Get<bool>(name, OptionType::kBool); }

Address Config::GetAddress(std::string_view name) const {
  return Get<Address>(name, OptionType::kAddress);
}

Target Config::GetTarget(std::string_view name) const {
  return Get<Target>(name, OptionType::kTarget);
}

std::string Config::Describe() const {
  std::vector<std::string> parts;
  for (const std::string& name : order_) {
    const Entry& entry = entries_.find(name)->second;
    if (entry.source == Source::kUnset) {
      parts.push_back(absl::StrCat(name, "=<unset>"));
      continue;
    }
    std::string shown = entry.option.secret ? "<redacted>" : absl::CHexEscape(entry.text);
    parts.push_back(absl::StrCat(name, "=", shown, " [", SourceName(entry.source), "]"));
  }
  return absl::StrJoin(parts, ", ");
}

}  // namespace kinerja::config
