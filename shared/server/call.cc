#include "shared/server/call.h"

#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "shared/context/call_scope.h"
#include "shared/context/trace_context.h"
#include "shared/errors/errors.h"
#include "shared/log/log.h"
#include "shared/log/request_id.h"
#include "shared/server/request_strings.h"
#include "shared/server/status_mapping.h"

namespace kinerja::server {
namespace {

std::string Metadata(grpc::ServerContextBase* ctx, const char* key) {
  const auto& md = ctx->client_metadata();
  auto it = md.find(key);
  if (it == md.end()) return "";
  return std::string(it->second.data(), it->second.size());
}

// What a refused client is told to wait: long enough for a queue of calls to drain at a
// service's usual pace, short enough that an interactive user barely notices one retry.
constexpr absl::Duration kOverloadRetryDelay = absl::Milliseconds(200);

}  // namespace

auth::Principal AnonymousPrincipal() {
  auth::Principal anonymous;
  anonymous.subject = "anonymous";
  anonymous.roles = {auth::Role::kPublic};
  return anonymous;
}

CallRunner::CallRunner(std::string domain, std::string grpc_service,
                       const auth::JwtVerifier* verifier, WorkerPool* workers,
                       metrics::Registry* registry)
    : domain_(std::move(domain)),
      verifier_(verifier),
      workers_(workers),
      grpc_metrics_(registry->prometheus(), std::move(grpc_service)) {}

absl::StatusOr<CallContext> CallRunner::Begin(grpc::ServerContextBase* ctx, const char* method,
                                              metrics::GrpcType type, CallAccess access) {
  CallContext call;
  call.method = method;
  call.grpc_type = type;
  call.method_metrics = &grpc_metrics_.ForMethod(call.method, type);
  call.method_metrics->Started();
  std::string request_id = Metadata(ctx, "x-request-id");
  call.request_id = log::IsAcceptableRequestId(request_id) ? request_id : log::NewRequestId();
  ctx->AddInitialMetadata("x-request-id", call.request_id);
  call.traceparent = context::ContinueTrace(Metadata(ctx, "traceparent")).ToString();
  if (ctx->deadline() != std::chrono::system_clock::time_point::max()) {
    call.deadline = absl::FromChrono(ctx->deadline());
  }
  std::string authorization = Metadata(ctx, "authorization");
  constexpr absl::string_view kBearer = "Bearer ";
  if (authorization.empty() && access == CallAccess::kAnyone) {
    call.principal = AnonymousPrincipal();
    return call;
  }
  if (!absl::StartsWithIgnoreCase(authorization, kBearer)) {
    return absl::UnauthenticatedError(
        "missing credentials: send \"authorization: Bearer <token>\" metadata");
  }
  auto principal = verifier_->Verify(std::string_view(authorization).substr(kBearer.size()));
  if (!principal.ok()) return principal.status();
  call.principal = *std::move(principal);
  return call;
}

void CallRunner::Observe(const CallContext& call, absl::Duration elapsed,
                         const absl::Status& status) {
  Metrics(call).Handled(status.code(), elapsed);
  if (status.ok()) {
    if (log::Enabled(log::Level::kDebug)) {
      log::Debug("rpc", {{"method", call.method},
                         {"ms", absl::ToDoubleMilliseconds(elapsed)},
                         {"subject", call.principal.subject},
                         {"traceparent", call.traceparent}});
    }
    return;
  }
  bool server_fault = status.code() == absl::StatusCode::kInternal ||
                      status.code() == absl::StatusCode::kUnknown ||
                      status.code() == absl::StatusCode::kDataLoss;
  log::Log(server_fault ? log::Level::kError : log::Level::kInfo, "rpc failed",
           {{"method", call.method},
            {"code", absl::StatusCodeToString(status.code())},
            {"error", status.message()},
            {"ms", absl::ToDoubleMilliseconds(elapsed)},
            {"subject", call.principal.subject},
            {"traceparent", call.traceparent}});
}

grpc::ServerUnaryReactor* CallRunner::Unary(
    grpc::CallbackServerContext* ctx, const google::protobuf::Message& request, const char* method,
    absl::AnyInvocable<absl::Status(const CallContext&) &&> work, CallAccess access) {
  return UnaryDeferred(
      ctx, request, method,
      [this, ctx, work = std::move(work)](const CallContext& call, Finish finish) mutable {
        if (workers_->Full()) {
          std::move(finish)(errors::Overloaded(
              "the service is at capacity: too many calls are waiting; retry after the delay",
              kOverloadRetryDelay));
          return;
        }
        workers_->Submit(
            [ctx, &call, work = std::move(work), finish = std::move(finish)]() mutable {
              absl::Status status = RunUnlessGone(ctx, call, std::move(work));
              std::move(finish)(std::move(status));  // `call` is gone after this
            });
      },
      access);
}

absl::Status CallRunner::RunUnlessGone(
    grpc::CallbackServerContext* ctx, const CallContext& call,
    absl::AnyInvocable<absl::Status(const CallContext&) &&> work) {
  // The deadline first: gRPC also marks a call whose deadline passed as cancelled.
  if (absl::Now() >= call.deadline) {
    return absl::DeadlineExceededError("the call's deadline passed before its work started");
  }
  if (ctx->IsCancelled()) {
    return absl::CancelledError("the client cancelled the call before its work started");
  }
  log::ScopedRequestId scoped(call.request_id);
  context::ScopedCall scope({.deadline = call.deadline, .traceparent = call.traceparent});
  try {
    return std::move(work)(call);
  } catch (const std::exception& e) {
    // A bug, not bad input: keep serving and say so in the log.
    return absl::InternalError(e.what());
  }
}

grpc::ServerUnaryReactor* CallRunner::UnaryDeferred(
    grpc::CallbackServerContext* ctx, const google::protobuf::Message& request, const char* method,
    absl::AnyInvocable<void(const CallContext& call, Finish finish) &&> start, CallAccess access) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  absl::Time start_time = absl::Now();
  absl::StatusOr<CallContext> call = Begin(ctx, method, metrics::GrpcType::kUnary, access);
  if (call.ok()) {
    if (absl::Status strings = CheckRequestStrings(request); !strings.ok()) call = strings;
  }
  if (!call.ok()) {
    CallContext anonymous;
    anonymous.method = method;
    Observe(anonymous, absl::Now() - start_time, call.status());
    reactor->Finish(ToGrpcStatus(call.status(), domain_));
    return reactor;
  }
  // The context lives on the heap, owned by the finisher, so `start` may keep a reference.
  auto owned = std::make_unique<CallContext>(*std::move(call));
  const CallContext& ref = *owned;
  Finish finish = [this, reactor, start_time, owned = std::move(owned)](absl::Status status) {
    log::ScopedRequestId scoped(owned->request_id);
    Observe(*owned, absl::Now() - start_time, status);
    reactor->Finish(ToGrpcStatus(status, domain_));
  };
  std::move(start)(ref, std::move(finish));
  return reactor;
}

}  // namespace kinerja::server
