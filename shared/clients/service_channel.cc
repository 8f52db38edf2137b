#include "shared/clients/service_channel.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "shared/clients/channel_arguments.h"
#include "shared/context/call_scope.h"
#include "shared/context/trace_context.h"
#include "shared/log/request_id.h"
#include "shared/tls/grpc_credentials.h"

namespace kinerja::clients {

std::shared_ptr<grpc::Channel> Dial(const ChannelOptions& options) {
  return grpc::CreateCustomChannel(options.addr, tls::GrpcChannelCredentials(options.tls),
                                   ServiceChannelArguments());
}

ServiceChannel::ServiceChannel(ChannelOptions options) : ServiceChannel(options, Dial(options)) {}

ServiceChannel::ServiceChannel(ChannelOptions options, std::shared_ptr<grpc::Channel> channel)
    : options_(std::move(options)), channel_(std::move(channel)) {}

absl::StatusOr<std::string> ServiceChannel::Token() {
  absl::MutexLock lock(&mu_);
  // Re-check the file at most once a second; re-read it only when it changed.
  if (absl::Now() - token_checked_ < absl::Seconds(1) && !token_.empty()) return token_;
  struct stat st;
  if (::stat(options_.token_file.c_str(), &st) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("service token file ", options_.token_file, " cannot be read"));
  }
  token_checked_ = absl::Now();
  const int64_t mtime = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  if (mtime == token_mtime_ && !token_.empty()) return token_;
  std::ifstream in(options_.token_file);
  std::stringstream text;
  text << in.rdbuf();
  std::string token(absl::StripAsciiWhitespace(text.str()));
  if (token.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("service token file ", options_.token_file, " is empty"));
  }
  token_ = std::move(token);
  token_mtime_ = mtime;
  return token_;
}

absl::StatusOr<std::unique_ptr<grpc::ClientContext>> ServiceChannel::Context(
    absl::Duration deadline) {
  absl::StatusOr<std::string> token = Token();
  if (!token.ok()) return token.status();
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->AddMetadata("authorization", absl::StrCat("Bearer ", *token));
  std::string_view request_id = log::CurrentRequestId();
  if (!request_id.empty()) ctx->AddMetadata("x-request-id", std::string(request_id));
  ctx->AddMetadata("traceparent", context::OutgoingTraceParent(context::CurrentCall().traceparent));
  if (deadline != absl::InfiniteDuration()) {
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  }
  return ctx;
}

absl::StatusOr<std::unique_ptr<grpc::ClientContext>> ServiceChannel::UnaryContext() {
  const absl::Duration remaining = context::RemainingTime();
  if (remaining <= absl::ZeroDuration()) {
    return absl::DeadlineExceededError("the call's deadline passed before calling another service");
  }
  return Context(std::min(options_.deadline, remaining));
}

absl::StatusOr<std::unique_ptr<grpc::ClientContext>> ServiceChannel::StreamContext() {
  return Context(absl::InfiniteDuration());
}

std::string DialAddress(const std::string& host, int port) {
  const std::string h = host.empty()                          ? "127.0.0.1"
                        : host.find(':') != std::string::npos ? absl::StrCat("[", host, "]")
                                                              : host;
  return absl::StrCat(h, ":", port);
}

}  // namespace kinerja::clients
