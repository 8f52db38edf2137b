// An error from another service as this service reports it. NOT_FOUND and INVALID_ARGUMENT keep
// their code and message (the request named something that is not there or not valid);
// UNAVAILABLE becomes UNAVAILABLE "<service>: <call>: ..." (retry later); DEADLINE_EXCEEDED
// stays DEADLINE_EXCEEDED (the caller's budget is spent); anything else (PERMISSION_DENIED:
// a misconfigured service identity; INTERNAL) becomes INTERNAL, which the edge hides.
#pragma once

#include <grpcpp/support/status.h>

#include <string_view>

#include "absl/status/status.h"

namespace kinerja::clients {

absl::Status FromRemote(const grpc::Status& status, std::string_view service,
                        std::string_view call);

}  // namespace kinerja::clients
