// One reused channel to another Kinerja service (load-balanced over its replicas:
// channel_arguments.h), with this service's identity: a bearer token
// read from a file (re-read when it changes, so an operator rotates it without a restart; mTLS
// adds the caller's certificate where the peer asks for it). Every call's context carries
//  - a deadline: the configured one, bounded by what remains of the incoming call this thread
//    works for (shared/context/call_scope.h), so a caller's budget is never exceeded downstream;
//  - the incoming request id (x-request-id) and a W3C traceparent continuing its trace, so one
//    request's log lines can be followed across services.
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "shared/tls/tls_settings.h"

namespace kinerja::clients {

struct ChannelOptions {
  // A gRPC target: host:port, or dns:///host:port (every address the name resolves to, calls
  // spread round-robin: channel_arguments.h), or ipv4:host:port,host:port.
  std::string addr;
  std::string token_file;  // file holding this service's bearer token for the other service
  absl::Duration deadline = absl::Seconds(5);  // of each unary call, at most
  // TLS (the other service's certificate checked, optionally this one's presented), or
  // cleartext when tls.insecure.
  tls::ClientTls tls = {};
};

class ServiceChannel {
 public:
  explicit ServiceChannel(ChannelOptions options);
  // For tests: an existing channel.
  ServiceChannel(ChannelOptions options, std::shared_ptr<grpc::Channel> channel);

  // A context for one unary call (deadline as above).
  absl::StatusOr<std::unique_ptr<grpc::ClientContext>> UnaryContext();
  // A context for a stream that lives until cancelled (no deadline).
  absl::StatusOr<std::unique_ptr<grpc::ClientContext>> StreamContext();

  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  const ChannelOptions& options() const { return options_; }

 private:
  absl::StatusOr<std::unique_ptr<grpc::ClientContext>> Context(absl::Duration deadline);
  absl::StatusOr<std::string> Token();

  const ChannelOptions options_;
  const std::shared_ptr<grpc::Channel> channel_;
  absl::Mutex mu_;
  std::string token_ ABSL_GUARDED_BY(mu_);
  absl::Time token_checked_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  int64_t token_mtime_ ABSL_GUARDED_BY(mu_) = -1;
};

// A channel to options.addr with options.tls (TLS, or cleartext when tls.insecure).
std::shared_ptr<grpc::Channel> Dial(const ChannelOptions& options);

// "host:port" for a configured address whose host may be empty (all interfaces: dial loopback)
// or an IPv6 literal.
std::string DialAddress(const std::string& host, int port);

}  // namespace kinerja::clients
