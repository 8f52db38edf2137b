// A report as JSON: protobuf's JSON printer over the same message the gRPC API answers, so the
// HTTP JSON and gRPC carry one contract (lowerCamelCase field names, enums by name, 64-bit
// counts as strings, as the proto3 JSON mapping says). Fields at their default (0, false, "")
// are printed too: a dashboard reads "plansOverdue": 0 rather than a missing key.
#pragma once

#include <google/protobuf/message.h>

#include <string>

#include "absl/status/statusor.h"

namespace kinerja::analytics::web {

absl::StatusOr<std::string> ReportJson(const google::protobuf::Message& report);

}  // namespace kinerja::analytics::web
