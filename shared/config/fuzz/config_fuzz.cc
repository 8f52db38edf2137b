// Fuzzes the configuration loader (config::Parse) over a Spec with an option of every type, a
// required one and two secrets. The input is one entry per line: "$NAME=value" sets an
// environment variable, any other line is a command-line argument. Properties, besides no crash
// and no sanitizer finding:
//  - a rejected configuration is INVALID_ARGUMENT (the Spec itself is sound);
//  - an accepted one answers every getter of the option's type with a value within the
//    option's constraints;
//  - a secret's value appears neither in an error message nor in Describe(): replacing it by a
//    canary that parses the same way changes nothing that Parse shows.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "shared/config/config.h"
#include "shared/text/text.h"
#include "tests/harness/fuzz_check.h"

namespace {

namespace config = ::kinerja::config;
using config::OptionType;

const config::Spec& TheSpec() {
  static const auto* spec =
      new config::Spec{"fuzz-server",
                       "A service with an option of every kind.",
                       {
                           {.name = "listen",
                            .env = "LISTEN_ADDR",
                            .type = OptionType::kAddress,
                            .default_value = "127.0.0.1:50051"},
                           {.name = "pg-dsn", .env = "PG_DSN", .required = true, .secret = true},
                           {.name = "api-key",
                            .env = "API_KEY",
                            .type = OptionType::kInt,
                            .secret = true,
                            .min = 1,
                            .max = 1000000},
                           {.name = "db-pool-size",
                            .env = "DB_POOL_SIZE",
                            .type = OptionType::kInt,
                            .default_value = "8",
                            .min = 1,
                            .max = 256},
                           {.name = "rpc-timeout",
                            .env = "RPC_TIMEOUT",
                            .type = OptionType::kDuration,
                            .default_value = "5s"},
                           {.name = "reflection", .type = OptionType::kBool},
                           {.name = "employee-addr",
                            .env = "EMPLOYEE_ADDR",
                            .type = OptionType::kTarget,
                            .default_value = "127.0.0.1:50052"},
                           {.name = "jwks-url", .env = "JWKS_URL"},
                       }};
  return *spec;
}

struct Input {
  std::vector<std::string> args = {"fuzz-server"};
  std::map<std::string, std::string> env;
};

// A line ends at '\n', and also at a NUL byte: neither arguments nor environment variables can
// hold one.
Input Split(std::string_view text) {
  Input input;
  for (absl::string_view line : absl::StrSplit(kinerja::ToAbsl(text), '\n')) {
    line = line.substr(0, line.find('\0'));
    if (absl::ConsumePrefix(&line, "$")) {
      std::vector<std::string> kv = absl::StrSplit(line, absl::MaxSplits('=', 1));
      if (kv.size() == 2) input.env[kv[0]] = kv[1];
    } else {
      input.args.emplace_back(line);
    }
  }
  return input;
}

void CheckGetters(const config::Config& cfg) {
  for (const config::Option& option : TheSpec().options) {
    cfg.Has(option.name);
    cfg.GetString(option.name);
    switch (option.type) {
      case OptionType::kString:
        break;
      case OptionType::kInt: {
        const int64_t value = cfg.GetInt(option.name);
        KINERJA_FUZZ_CHECK(!cfg.Has(option.name) || (value >= option.min && value <= option.max));
        break;
      }
      case OptionType::kDuration: {
        const absl::Duration value = cfg.GetDuration(option.name);
        KINERJA_FUZZ_CHECK(value >= absl::ZeroDuration() && value < absl::InfiniteDuration());
        break;
      }
      case OptionType::kBool:
        cfg.GetBool(option.name);
        break;
      case OptionType::kAddress: {
        const config::Address value = cfg.GetAddress(option.name);
        KINERJA_FUZZ_CHECK(value.port >= 0 && value.port <= 65535);
        break;
      }
      case OptionType::kTarget: {
        const config::Target value = cfg.GetTarget(option.name);
        // A resolver URI, or a plain address with a port in range.
        KINERJA_FUZZ_CHECK(!value.uri.empty() ||
                           (value.address.port >= 0 && value.address.port <= 65535));
        break;
      }
    }
  }
}

// Whether args[i] is the value of the flag before it ("--rpc-timeout 5s"), not a flag itself.
bool IsValueOfPrevious(const std::vector<std::string>& args, size_t i) {
  const std::string& previous = args[i - 1];
  if (!previous.starts_with("--") || previous.find('=') != std::string::npos) {
    return false;
  }
  for (const config::Option& option : TheSpec().options) {
    if (previous == "--" + option.name) return option.type != OptionType::kBool;
  }
  return false;
}

// The input with the values of secret options replaced by a canary of the same length that
// parses the same way ('#'s for the string secret; for the int secret, only a value that is not
// an integer at all, replaced by 'x's). What Parse shows must not change: it never shows a
// secret. Only "--name=value" and environment forms are replaced.
Input Canaried(const Input& input) {
  auto canary = [](const config::Option& option, std::string& value) {
    if (option.type == OptionType::kString) {
      value.assign(value.size(), '#');
      return;
    }
    int64_t number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size()) {
      value.assign(value.size(), 'x');
    }
  };
  Input out = input;
  for (const config::Option& option : TheSpec().options) {
    if (!option.secret) continue;
    const std::string flag = "--" + option.name + "=";
    for (size_t i = 1; i < out.args.size(); ++i) {
      std::string& arg = out.args[i];
      if (!arg.starts_with(flag) || IsValueOfPrevious(input.args, i)) continue;
      std::string value = arg.substr(flag.size());
      canary(option, value);
      arg = flag + value;
    }
    if (auto it = out.env.find(option.env); it != out.env.end()) canary(option, it->second);
  }
  return out;
}

// What Parse shows of a configuration: its error message, or Describe() when accepted.
std::string Shown(const absl::StatusOr<config::Config>& cfg) {
  return cfg.ok() ? cfg->Describe() : std::string(cfg.status().message());
}

absl::StatusOr<config::Config> ParseInput(const Input& input) {
  std::vector<const char*> argv;
  for (const std::string& arg : input.args) argv.push_back(arg.c_str());
  config::EnvLookup env = [&input](const std::string& name) -> std::optional<std::string> {
    auto it = input.env.find(name);
    if (it == input.env.end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
  return config::Parse(TheSpec(), static_cast<int>(argv.size()), argv.data(), env);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Input input = Split(std::string_view(reinterpret_cast<const char*>(data), size));
  absl::StatusOr<config::Config> cfg = ParseInput(input);
  KINERJA_FUZZ_CHECK(Shown(cfg) == Shown(ParseInput(Canaried(input))));
  if (!cfg.ok()) {
    KINERJA_FUZZ_CHECK(cfg.status().code() == absl::StatusCode::kInvalidArgument);
    return 0;
  }
  if (!cfg->help_requested()) CheckGetters(*cfg);
  return 0;
}
