// The gRPC server metrics that Prometheus gRPC dashboards and alerts expect, named and
// labelled as go-grpc-prometheus (grpc-ecosystem) writes them:
//   grpc_server_started_total{grpc_service,grpc_method,grpc_type}
//   grpc_server_handled_total{grpc_service,grpc_method,grpc_type,grpc_code}
//   grpc_server_handling_seconds{grpc_service,grpc_method,grpc_type} (histogram)
//   grpc_server_msg_received_total / grpc_server_msg_sent_total (streaming methods only)
// grpc_code is the Go name of the code ("OK", "NotFound", "Canceled"), as those dashboards
// filter on it.
//
// prometheus-cpp resolves a child from a std::map of labels under a mutex on every Add(); on
// the call path that costs several allocations. ForMethod() resolves a method's instruments
// once, so a call pays one hash lookup (docs/design.md has the figures).
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace kinerja::metrics {

enum class GrpcType { kUnary, kClientStream, kServerStream, kBidiStream };

// "unary", "client_stream", "server_stream", "bidi_stream".
std::string_view GrpcTypeName(GrpcType type);
// Go's codes.Code.String(): "OK", "Canceled", "InvalidArgument", ...
std::string_view GrpcCodeName(absl::StatusCode code);

// Seconds: 0.5 ms to 10 s, for RPC and query latency (finer at the low end than the Go
// defaults, as most calls here take a millisecond or two).
prometheus::Histogram::BucketBoundaries LatencyBuckets();

// One method's instruments. Stable address for the GrpcServerMetrics' lifetime; safe from any
// thread.
class GrpcMethodMetrics {
 public:
  void Started() { started_->Increment(); }
  void Handled(absl::StatusCode code, absl::Duration elapsed);
  // No-ops for unary methods: their single message each way says nothing the counts don't.
  void MsgReceived();
  void MsgSent();

 private:
  friend class GrpcServerMetrics;
  static constexpr int kCodes = 17;  // OK .. UNAUTHENTICATED

  prometheus::Labels labels_;  // grpc_service, grpc_method, grpc_type
  prometheus::Family<prometheus::Counter>* handled_family_ = nullptr;
  // Created on first use so that only codes a method returned become series.
  std::array<std::atomic<prometheus::Counter*>, kCodes> handled_{};
  prometheus::Counter* started_ = nullptr;
  prometheus::Histogram* handling_ = nullptr;
  prometheus::Counter* received_ = nullptr;  // null for unary
  prometheus::Counter* sent_ = nullptr;      // null for unary
};

class GrpcServerMetrics {
 public:
  // grpc_service: the full service name, e.g. "kinerja.employee.v1.EmployeeService".
  GrpcServerMetrics(prometheus::Registry& registry, std::string grpc_service);

  // `method` is the short name ("GetEmployee"); a method has one type, fixed by its first use.
  GrpcMethodMetrics& ForMethod(std::string_view method, GrpcType type) ABSL_LOCKS_EXCLUDED(mu_);

 private:
  const std::string grpc_service_;
  prometheus::Family<prometheus::Counter>& started_;
  prometheus::Family<prometheus::Counter>& handled_;
  prometheus::Family<prometheus::Histogram>& handling_;
  prometheus::Family<prometheus::Counter>& received_;
  prometheus::Family<prometheus::Counter>& sent_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::unique_ptr<GrpcMethodMetrics>> methods_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace kinerja::metrics
