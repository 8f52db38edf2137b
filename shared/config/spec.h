// Declares a service's configuration: every option, its flag, environment variable, type,
// default and constraints. Parse() (config.h) reads a Spec; Usage() prints it.
//
//   Spec spec{"employee-server", "Employee service.", {
//       {.name = "grpc-addr", .env = "GRPC_ADDR", .help = "gRPC listen address.",
//        .type = OptionType::kAddress, .default_value = "0.0.0.0:50051"},
//       {.name = "pg-dsn", .env = "PG_DSN", .help = "PostgreSQL DSN.", .required = true,
//        .secret = true},
//       {.name = "db-pool-size", .env = "DB_POOL_SIZE", .help = "Connections.",
//        .type = OptionType::kInt, .default_value = "8", .min = 1, .max = 256},
//   }};
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace kinerja::config {

enum class OptionType {
  kString,
  kInt,       // int64, checked against [min, max]
  kDuration,  // "5s", "250ms", "1m30s"; not negative, not infinite
  kBool,      // true/false, 1/0, yes/no, on/off; a bare --flag means true
  kAddress,   // host:port, [ipv6]:port, or :port (all interfaces); port 0-65535
  kTarget,    // where a gRPC client dials: an address as above, or dns:///host:port,
              // ipv4:host:port,host:port or ipv6:[addr]:port,... (several replicas)
};

// Every member has a default so designated initialisers may leave any out.
struct Option {
  std::string name = {};  // flag without dashes: "pg-dsn" is --pg-dsn
  std::string env = {};   // "PG_DSN"; empty if the option has no environment variable
  std::string help = {};
  OptionType type = OptionType::kString;
  // Parsed like any other input, so a bad default is reported too.
  std::optional<std::string> default_value = std::nullopt;
  bool required = false;
  // Never shown by Describe(), Usage() or error messages.
  bool secret = false;
  int64_t min = std::numeric_limits<int64_t>::min();
  int64_t max = std::numeric_limits<int64_t>::max();
};

struct Spec {
  std::string program = {};
  std::string summary = {};
  std::vector<Option> options = {};
};

// "--pg-dsn (PG_DSN)", or "--pg-dsn" without an environment variable: how every message
// names an option.
std::string OptionLabel(const Option& option);

// Mistakes in the Spec itself (empty or duplicate names, bad flag spelling, min > max); empty
// when it is sound.
std::vector<std::string> SpecProblems(const Spec& spec);

}  // namespace kinerja::config
