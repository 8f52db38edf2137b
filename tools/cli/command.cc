#include "tools/cli/command.h"

#include <cstdlib>
#include <iostream>

#include "shared/tls/grpc_credentials.h"
#include "tools/cli/print.h"

namespace kinerja::cli {
namespace {

// The server's request id (x-request-id, initial or trailing metadata) to find the call in its
// logs. Only for a finished call: gRPC asserts that initial metadata was asked for, which every
// finished call (unary or stream Finish) has done.
std::string ServerRequestId(const grpc::ClientContext& context) {
  for (const auto* metadata :
       {&context.GetServerTrailingMetadata(), &context.GetServerInitialMetadata()}) {
    auto it = metadata->find("x-request-id");
    if (it != metadata->end()) return std::string(it->second.data(), it->second.size());
  }
  return "";
}

std::string EnvOrEmpty(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

// TLS against KINERJA_TLS_CA, presenting KINERJA_TLS_CLIENT_CERT/_KEY when set (what a stack
// started with `tools/stack up --tls` writes to endpoints.env); cleartext without a CA.
std::shared_ptr<grpc::ChannelCredentials> CredentialsFromEnv() {
  tls::ClientTls settings{.ca_file = EnvOrEmpty("KINERJA_TLS_CA"),
                          .cert_file = EnvOrEmpty("KINERJA_TLS_CLIENT_CERT"),
                          .key_file = EnvOrEmpty("KINERJA_TLS_CLIENT_KEY")};
  settings.insecure = settings.ca_file.empty();
  return tls::GrpcChannelCredentials(settings);
}

}  // namespace

CliEnv ProcessEnv() {
  CliEnv env;
  env.out = &std::cout;
  env.err = &std::cerr;
  env.getenv = [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
  env.open_channel = [](const std::string& addr) -> std::shared_ptr<grpc::ChannelInterface> {
    return grpc::CreateChannel(addr, CredentialsFromEnv());
  };
  return env;
}

int UsageError(const CliEnv& env, std::string_view command, std::string_view message) {
  *env.err << "kinerja " << command << ": " << message << "\n"
           << "Run 'kinerja " << command << " --help' for usage.\n";
  return kExitUsage;
}

int UsageError(const CliEnv& env, std::string_view command, const absl::Status& status) {
  return UsageError(env, command,
                    std::string_view(status.message().data(), status.message().size()));
}

int RpcError(const CliEnv& env, std::string_view command, const std::string& addr,
             const grpc::Status& status, const grpc::ClientContext* context) {
  *env.err << "kinerja " << command << ": call to " << addr
           << " failed: " << FormatRpcStatus(status);
  if (context != nullptr) {
    std::string request_id = ServerRequestId(*context);
    if (!request_id.empty()) *env.err << "  request id: " << request_id << "\n";
  }
  return kExitFailure;
}

int Failure(const CliEnv& env, std::string_view command, std::string_view message) {
  *env.err << "kinerja " << command << ": " << message << "\n";
  return kExitFailure;
}

}  // namespace kinerja::cli
