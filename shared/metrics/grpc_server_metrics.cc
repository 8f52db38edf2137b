#include "shared/metrics/grpc_server_metrics.h"

#include "absl/strings/string_view.h"

namespace kinerja::metrics {
namespace {

constexpr std::string_view kCodeNames[] = {
    "OK",       "Canceled",       "Unknown",          "InvalidArgument",   "DeadlineExceeded",
    "NotFound", "AlreadyExists",  "PermissionDenied", "ResourceExhausted", "FailedPrecondition",
    "Aborted",  "OutOfRange",     "Unimplemented",    "Internal",          "Unavailable",
    "DataLoss", "Unauthenticated"};

int CodeIndex(absl::StatusCode code) {
  int i = static_cast<int>(code);
  // Codes outside gRPC's range are reported to clients as UNKNOWN (status_mapping.cc).
  return i >= 0 && i < static_cast<int>(std::size(kCodeNames))
             ? i
             : static_cast<int>(absl::StatusCode::kUnknown);
}

}  // namespace

std::string_view GrpcTypeName(GrpcType type) {
  switch (type) {
    case GrpcType::kUnary:
      return "unary";
    case GrpcType::kClientStream:
      return "client_stream";
    case GrpcType::kServerStream:
      return "server_stream";
    case GrpcType::kBidiStream:
      return "bidi_stream";
  }
  return "unary";
}

std::string_view GrpcCodeName(absl::StatusCode code) { return kCodeNames[CodeIndex(code)]; }

prometheus::Histogram::BucketBoundaries LatencyBuckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

void GrpcMethodMetrics::Handled(absl::StatusCode code, absl::Duration elapsed) {
  const int i = CodeIndex(code);
  prometheus::Counter* counter = handled_[i].load(std::memory_order_acquire);
  if (counter == nullptr) {
    // Two threads may both get here; Family::Add returns the same child for the same labels.
    prometheus::Labels labels = labels_;
    labels.emplace("grpc_code", kCodeNames[i]);
    counter = &handled_family_->Add(labels);
    handled_[i].store(counter, std::memory_order_release);
  }
  counter->Increment();
  handling_->Observe(absl::ToDoubleSeconds(elapsed));
}

void GrpcMethodMetrics::MsgReceived() {
  if (received_ != nullptr) received_->Increment();
}

void GrpcMethodMetrics::MsgSent() {
  if (sent_ != nullptr) sent_->Increment();
}

GrpcServerMetrics::GrpcServerMetrics(prometheus::Registry& registry, std::string grpc_service)
    : grpc_service_(std::move(grpc_service)),
      started_(prometheus::BuildCounter()
                   .Name("grpc_server_started_total")
                   .Help("Total number of RPCs started on the server.")
                   .Register(registry)),
      handled_(prometheus::BuildCounter()
                   .Name("grpc_server_handled_total")
                   .Help("Total number of RPCs completed on the server, regardless of success or "
                         "failure.")
                   .Register(registry)),
      handling_(prometheus::BuildHistogram()
                    .Name("grpc_server_handling_seconds")
                    .Help("Histogram of response latency (seconds) of gRPC that had been "
                          "application-level handled by the server.")
                    .Register(registry)),
      received_(prometheus::BuildCounter()
                    .Name("grpc_server_msg_received_total")
                    .Help("Total number of RPC stream messages received on the server.")
                    .Register(registry)),
      sent_(prometheus::BuildCounter()
                .Name("grpc_server_msg_sent_total")
                .Help("Total number of gRPC stream messages sent by the server.")
                .Register(registry)) {}

GrpcMethodMetrics& GrpcServerMetrics::ForMethod(std::string_view method, GrpcType type) {
  const absl::string_view key(method.data(), method.size());
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = methods_.find(key);
    if (it != methods_.end()) return *it->second;
  }
  absl::MutexLock lock(&mu_);
  auto [it, inserted] = methods_.try_emplace(key);
  if (!inserted) return *it->second;
  auto m = std::make_unique<GrpcMethodMetrics>();
  m->labels_ = {{"grpc_service", grpc_service_},
                {"grpc_method", std::string(method)},
                {"grpc_type", std::string(GrpcTypeName(type))}};
  m->handled_family_ = &handled_;
  m->started_ = &started_.Add(m->labels_);
  m->handling_ = &handling_.Add(m->labels_, LatencyBuckets());
  if (type != GrpcType::kUnary) {
    m->received_ = &received_.Add(m->labels_);
    m->sent_ = &sent_.Add(m->labels_);
  }
  it->second = std::move(m);
  return *it->second;
}

}  // namespace kinerja::metrics
