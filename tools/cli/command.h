// What every kinerja command shares: where output goes, how the environment and the server are
// reached (injectable, so tests run commands against an in-process server), exit codes, and
// the reporting of usage and RPC errors.
#pragma once

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace kinerja::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // an RPC failed, or an import had failed records
inline constexpr int kExitUsage = 2;    // bad command line

struct CliEnv {
  std::ostream* out;
  std::ostream* err;
  // Environment lookup (EMPLOYEE_ADDR, GOALS_ADDR, KINERJA_TOKEN); nullopt when unset.
  std::function<std::optional<std::string>(const std::string& name)> getenv;
  // Opens a channel to host:port.
  std::function<std::shared_ptr<grpc::ChannelInterface>(const std::string& addr)> open_channel;
};

// The process environment and insecure channels (the local stack has no TLS).
CliEnv ProcessEnv();

// A command: its arguments after the command word (for "get"/"list", starting with the
// subcommand word). Returns the exit code.
using CommandFn = int (*)(const std::vector<std::string>& args, const CliEnv& env);

// Prints "kinerja <command>: <message>" and a pointer to --help; returns kExitUsage.
int UsageError(const CliEnv& env, std::string_view command, const absl::Status& status);
int UsageError(const CliEnv& env, std::string_view command, std::string_view message);

// Prints the failed RPC (code, message, error details) to env.err; returns kExitFailure.
int RpcError(const CliEnv& env, std::string_view command, const std::string& addr,
             const grpc::Status& status, const grpc::ClientContext* context = nullptr);

// Prints a local failure (e.g. unreadable file) to env.err; returns kExitFailure.
int Failure(const CliEnv& env, std::string_view command, std::string_view message);

}  // namespace kinerja::cli
