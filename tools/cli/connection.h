// Where the server is and how to call it: --addr / EMPLOYEE_ADDR, --token / KINERJA_TOKEN
// (sent as "authorization: Bearer <token>"), --timeout (a deadline on every call).
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "tools/cli/command.h"
#include "tools/cli/flags.h"

namespace kinerja::cli {

inline constexpr absl::Duration kDefaultTimeout = absl::Seconds(30);
inline constexpr absl::Duration kImportTimeout = absl::Minutes(10);

// Flags every command that calls the server accepts: --addr, --token, --timeout, --json.
const FlagSpec& ConnectionFlags();

struct ConnectionOptions {
  std::string addr;
  std::string token;  // empty: the call goes out unauthenticated
  // nullopt: no deadline (only for commands that follow a stream, and only when --timeout is
  // not given).
  std::optional<absl::Duration> timeout;
  bool json = false;
};

// Where a command finds its server's address: a flag, else an environment variable.
struct AddressSource {
  std::string_view flag;     // without "--", e.g. "addr"
  std::string_view env_var;  // e.g. "EMPLOYEE_ADDR"
  std::string_view service;  // e.g. "the employee service"
};

// Flags win over the environment. `default_timeout` applies when --timeout is absent.
absl::StatusOr<ConnectionOptions> ResolveConnectionFrom(
    const AddressSource& source, const ParsedArgs& args, const CliEnv& env,
    std::optional<absl::Duration> default_timeout);

// The employee service: --addr / EMPLOYEE_ADDR.
absl::StatusOr<ConnectionOptions> ResolveConnection(const ParsedArgs& args, const CliEnv& env,
                                                    std::optional<absl::Duration> default_timeout);

// Sets the deadline and the authorization metadata on a fresh context.
void PrepareContext(const ConnectionOptions& options, grpc::ClientContext* context);

class Connection {
 public:
  Connection(const ConnectionOptions& options, const CliEnv& env);

  // Sets the deadline and the authorization metadata on a fresh context.
  void Prepare(grpc::ClientContext* context) const;

  kinerja::employee::v1::EmployeeService::Stub& stub() { return *stub_; }
  const ConnectionOptions& options() const { return options_; }

 private:
  ConnectionOptions options_;
  std::unique_ptr<kinerja::employee::v1::EmployeeService::Stub> stub_;
};

}  // namespace kinerja::cli
