// Checks of one work result (RHK) and its indicators (IKI), shared by plan content and templates.
// Private to the goals domain.
#pragma once

#include <string>
#include <vector>

#include "services/goals/domain/types.h"
#include "shared/errors/errors.h"

namespace kinerja::goals {

// Whether a result must, must not or may carry a perspective.
enum class PerspectiveRule { kRequired, kForbidden, kAny };

// Appends the violations of `result` to `out`, fields named "<path>.text",
// "<path>.indicators[j].target_max", ... (path e.g. "results[2]").
void CheckResult(const WorkResult& result, const std::string& path, PerspectiveRule perspective,
                 std::vector<errors::FieldViolation>& out);

// Appends a violation when `text` exceeds `max_bytes`.
void CheckTextLength(const std::string& text, size_t max_bytes, const std::string& field,
                     std::vector<errors::FieldViolation>& out);

}  // namespace kinerja::goals
