#include "tools/cli/connection.h"

#include <chrono>
#include <utility>

namespace kinerja::cli {

const FlagSpec& ConnectionFlags() {
  static const FlagSpec* const kSpec = new FlagSpec{{"addr", "token", "timeout"}, {"json"}};
  return *kSpec;
}

absl::StatusOr<ConnectionOptions> ResolveConnectionFrom(
    const AddressSource& source, const ParsedArgs& args, const CliEnv& env,
    std::optional<absl::Duration> default_timeout) {
  ConnectionOptions options;
  const std::string flag = "--" + std::string(source.flag);
  std::optional<std::string> addr = args.Get(source.flag);
  if (!addr) addr = env.getenv(std::string(source.env_var));
  if (!addr || addr->empty()) {
    return absl::InvalidArgumentError("missing " + flag + " (or " + std::string(source.env_var) +
                                      "): " + std::string(source.service) + "'s host:port");
  }
  if (addr->find(':') == std::string::npos) {
    return absl::InvalidArgumentError(flag + " must be host:port (got \"" + *addr + "\")");
  }
  options.addr = *addr;

  std::optional<std::string> token = args.Get("token");
  if (token && token->empty()) return absl::InvalidArgumentError("--token must not be empty");
  if (!token) token = env.getenv("KINERJA_TOKEN");
  options.token = token.value_or("");

  options.timeout = default_timeout;
  if (std::optional<std::string> text = args.Get("timeout")) {
    absl::StatusOr<absl::Duration> timeout = ParseTimeout("timeout", *text);
    if (!timeout.ok()) return timeout.status();
    options.timeout = *timeout;
  }
  options.json = args.Has("json");
  return options;
}

absl::StatusOr<ConnectionOptions> ResolveConnection(const ParsedArgs& args, const CliEnv& env,
                                                    std::optional<absl::Duration> default_timeout) {
  return ResolveConnectionFrom({"addr", "EMPLOYEE_ADDR", "the employee service"}, args, env,
                               default_timeout);
}

void PrepareContext(const ConnectionOptions& options, grpc::ClientContext* context) {
  if (options.timeout) {
    context->set_deadline(absl::ToChronoTime(absl::Now() + *options.timeout));
  }
  if (!options.token.empty()) {
    context->AddMetadata("authorization", "Bearer " + options.token);
  }
}

Connection::Connection(const ConnectionOptions& options, const CliEnv& env)
    : options_(options),
      stub_(kinerja::employee::v1::EmployeeService::NewStub(env.open_channel(options.addr))) {}

void Connection::Prepare(grpc::ClientContext* context) const { PrepareContext(options_, context); }

}  // namespace kinerja::cli
