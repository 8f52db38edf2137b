// The one place where absl::Status becomes grpc::Status: a google.rpc.Status with ErrorInfo
// (reason, domain) and BadRequest field violations travels in the grpc-status-details-bin
// trailer (AIP-193).
#pragma once

#include <grpcpp/support/status.h>

#include <string>

#include "absl/status/status.h"

namespace kinerja::server {

// domain: the service's name, e.g. "employee.kinerja.go.id".
grpc::Status ToGrpcStatus(const absl::Status& status, const std::string& domain);

}  // namespace kinerja::server
