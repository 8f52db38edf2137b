// Reads a service's configuration from flags, environment and defaults, in that order of
// precedence, and reports every problem at once.
//
//   absl::StatusOr<config::Config> cfg = config::Parse(spec, argc, argv, config::ProcessEnv());
//   if (!cfg.ok()) { std::cerr << cfg.status().message() << "\n"; return 2; }
//   if (cfg->help_requested()) { std::cout << cfg->usage(); return 0; }
//   log::Info("starting", {{"config", cfg->Describe()}});
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "shared/config/spec.h"
#include "shared/config/value.h"

namespace kinerja::config {

// Returns an environment variable's value, or nullopt when it is not set. Empty values count
// as not set, so `PG_DSN= server` does not silently override a default with "".
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// getenv().
EnvLookup ProcessEnv();

enum class Source { kUnset, kDefault, kEnv, kFlag };

class Config {
 public:
  // --help was given: nothing else was checked; print usage() and exit 0.
  bool help_requested() const { return help_requested_; }
  const std::string& usage() const { return usage_; }

  // Getters take an option name from the Spec ("db-pool-size"). An unknown name or a getter
  // that does not match the option's type aborts: that is a bug in the service, not in its
  // configuration. An optional option that was not set reads as "", 0, zero duration, false
  // or an empty Address; use Has() to tell.
  bool Has(std::string_view name) const;
  Source SourceOf(std::string_view name) const;
  // The raw text, for any type.
  std::string GetString(std::string_view name) const;
  int64_t GetInt(std::string_view name) const;
  absl::Duration GetDuration(std::string_view name) const;
  bool GetBool(std::string_view name) const;
  Address GetAddress(std::string_view name) const;
  Target GetTarget(std::string_view name) const;

  // One line for start-up logs: name=value [source], secrets shown as <redacted>.
  std::string Describe() const;

 private:
  friend absl::StatusOr<Config> Parse(const Spec&, int, const char* const*, const EnvLookup&);

  struct Entry {
    Option option;
    Source source = Source::kUnset;
    std::string text;
    std::optional<OptionValue> value;
  };
  static Entry Resolve(const Option& option, const std::map<std::string, std::string>& flags,
                       const EnvLookup& env, std::vector<std::string>* problems);
  const Entry& Find(std::string_view name) const;
  template <typename T>
  T Get(std::string_view name, OptionType type) const;

  bool help_requested_ = false;
  std::string usage_;
  std::map<std::string, Entry, std::less<>> entries_;
  std::vector<std::string> order_;  // Spec order, for Describe()
};

// InvalidArgument listing every problem, one per line, each naming the flag and environment
// variable ("--db-pool-size (DB_POOL_SIZE): must be between 1 and 256, got 0"). A faulty
// Spec gives Internal instead.
absl::StatusOr<Config> Parse(const Spec& spec, int argc, const char* const* argv,
                             const EnvLookup& env);
// main()'s argv is char**; this spares every service a cast.
inline absl::StatusOr<Config> Parse(const Spec& spec, int argc, char** argv, const EnvLookup& env) {
  return Parse(spec, argc, const_cast<const char* const*>(argv), env);
}

}  // namespace kinerja::config
