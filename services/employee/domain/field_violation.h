// Collecting bad input fields in the employee domain's parsers (shared/errors/errors.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "shared/errors/errors.h"

namespace kinerja::employee {

// The platform's violation (field, e.g. "nip", "birth_date", "nipBaru"; description without the
// field name).
using FieldViolation = ::kinerja::errors::FieldViolation;

// Turns an InvalidArgument-style status whose message is "<word>: <reason>" into a violation
// of `field`, dropping the original "<word>: " prefix. Parsers in this folder name their own
// field ("nip: ..."); callers re-label it with the name their input uses (e.g. "nipBaru").
FieldViolation ViolationFromStatus(std::string_view field, const absl::Status& status);

// Like ViolationFromStatus, keeping the message's own "<word>" as the field ("" if none).
FieldViolation ViolationFromPrefixedStatus(const absl::Status& status);

// OK when empty; otherwise InvalidArgument "<field>: <description>; <field>: ..." listing all,
// so the message starts with the first violated field's name.
absl::Status ViolationsToStatus(const std::vector<FieldViolation>& violations);

}  // namespace kinerja::employee
