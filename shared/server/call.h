// Running one RPC: request id, authentication, work on the worker pool, error mapping, metrics
// and the access log, in one place so every service's adapters stay thin.
#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <string>

#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "shared/auth/jwt_verifier.h"
#include "shared/auth/principal.h"
#include "shared/db/change_context.h"
#include "shared/metrics/grpc_server_metrics.h"
#include "shared/metrics/registry.h"
#include "shared/server/worker_pool.h"

namespace kinerja::server {

// What a domain call needs to know about its caller.
struct CallContext {
  auth::Principal principal;
  std::string request_id;
  std::string method;                            // short name, e.g. "GetEmployee"
  absl::Time deadline = absl::InfiniteFuture();  // the client's, if it set one
  std::string traceparent;  // W3C trace context of this call (shared/context/trace_context.h)
  metrics::GrpcType grpc_type = metrics::GrpcType::kUnary;
  // Resolved by Begin, so that Observe does not look the method up again.
  metrics::GrpcMethodMetrics* method_metrics = nullptr;
  db::ChangeContext change() const { return {principal.subject, request_id}; }
};

// Who may make a call: only authenticated callers (every RPC but a few), or anyone. A call open
// to anyone without an authorization header runs as the anonymous public caller
// (AnonymousPrincipal); a token that is sent must still be valid.
enum class CallAccess { kAuthenticated, kAnyone };

// subject "anonymous", the public role only (auth::IsPublicOnly).
auth::Principal AnonymousPrincipal();

class CallRunner {
 public:
  // domain: ErrorInfo.domain of this service's errors, e.g. "employee.kinerja"; grpc_service:
  // the full service name metrics are labelled with, e.g. "kinerja.employee.v1.EmployeeService".
  CallRunner(std::string domain, std::string grpc_service, const auth::JwtVerifier* verifier,
             WorkerPool* workers, metrics::Registry* registry);

  // Both unary forms authenticate the caller and check every string of `request` at the edge
  // (request_strings.h) before anything else runs.
  //
  // Authenticates, then runs `work` on the worker pool and finishes the call with its status.
  // `work` fills the response it captured. Work is not started for a caller that has gone:
  // CANCELLED when the client cancelled while it waited for a worker, DEADLINE_EXCEEDED when its
  // deadline passed; when the pool's queue is full the call is refused at once with
  // RESOURCE_EXHAUSTED and a retry delay. While `work` runs, the thread's call scope carries the
  // request id, deadline and trace (database statement_timeout, calls to other services).
  grpc::ServerUnaryReactor* Unary(grpc::CallbackServerContext* ctx,
                                  const google::protobuf::Message& request, const char* method,
                                  absl::AnyInvocable<absl::Status(const CallContext&) &&> work,
                                  CallAccess access = CallAccess::kAuthenticated);

  // Finishes a deferred call (below) with its status; call it exactly once, from any thread.
  using Finish = absl::AnyInvocable<void(absl::Status) &&>;

  // Authenticates, then runs `start` on the gRPC thread, which must not block: it validates the
  // request and hands the call to something that finishes it later on a worker (a
  // ReadCoalescer), or finishes it at once. `call` is valid until `finish` runs. Unlike `work`
  // in Unary, `start` and what it hands on must not throw: nothing is left to finish the call.
  grpc::ServerUnaryReactor* UnaryDeferred(
      grpc::CallbackServerContext* ctx, const google::protobuf::Message& request,
      const char* method, absl::AnyInvocable<void(const CallContext& call, Finish finish) &&> start,
      CallAccess access = CallAccess::kAuthenticated);

  // For streaming calls: authentication and request id only (the caller drives the stream).
  // Counts the call as started.
  absl::StatusOr<CallContext> Begin(grpc::ServerContextBase* ctx, const char* method,
                                    metrics::GrpcType type = metrics::GrpcType::kUnary,
                                    CallAccess access = CallAccess::kAuthenticated);
  // Records the outcome of a call in metrics and the log.
  void Observe(const CallContext& call, absl::Duration elapsed, const absl::Status& status);
  // A streaming call's instruments, for its message counts.
  metrics::GrpcMethodMetrics& Metrics(const CallContext& call) {
    return call.method_metrics ? *call.method_metrics
                               : grpc_metrics_.ForMethod(call.method, call.grpc_type);
  }

  const std::string& domain() const { return domain_; }
  WorkerPool& workers() { return *workers_; }

 private:
  // Runs `work` for `call` on this (worker) thread unless its client has gone.
  static absl::Status RunUnlessGone(grpc::CallbackServerContext* ctx, const CallContext& call,
                                    absl::AnyInvocable<absl::Status(const CallContext&) &&> work);

  const std::string domain_;
  const auth::JwtVerifier* verifier_;
  WorkerPool* workers_;
  metrics::GrpcServerMetrics grpc_metrics_;
};

}  // namespace kinerja::server
