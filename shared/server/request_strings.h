// Every string a request carries, checked once at the edge (CallRunner) before any handler
// sees it: valid UTF-8, no NUL character (it would silently cut a value short in C strings and
// PostgreSQL text), and no longer than its field's limit. A field's limit is declared once, in
// the contract, with the option (kinerja.common.v1.max_length) = N; without it the default
// for the field's kind applies (see field_options.proto). Errors are INVALID_ARGUMENT naming
// the field by its path ("policy.unit_id", "results[2].text") and never quoting the value.
#pragma once

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include "absl/status/status.h"

namespace kinerja::server {

absl::Status CheckRequestStrings(const google::protobuf::Message& request);

// The limit of one field (its declared option or the default for its kind).
int MaxLength(const google::protobuf::FieldDescriptor& field);

}  // namespace kinerja::server
