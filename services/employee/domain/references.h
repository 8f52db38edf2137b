// Errors for ids that a request names but that do not exist (the store finds out; the rules
// decide what that means).
#pragma once

#include <string_view>

#include "absl/status/status.h"

namespace kinerja::employee {

// FAILED_PRECONDITION with reason REFERENCE_NOT_FOUND: "<field>: <what> <id> does not exist".
absl::Status ReferenceNotFound(std::string_view field, std::string_view what, std::string_view id);

}  // namespace kinerja::employee
