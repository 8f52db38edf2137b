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

// Which target the indicators have: a QUANTITATIVE plan's (target_min..target_max and
// target_unit; target_text optional), a QUALITATIVE plan's (target_text only), or either, per
// indicator (templates: checked against the plan's style when applied).
enum class TargetRule { kNumeric, kText, kEither };
TargetRule TargetRuleFor(PlanStyle style);
// Whether the indicator has a numeric target (target_min, target_max or target_unit set).
bool HasNumericTarget(const Indicator& indicator);

// Appends the violations of `result` to `out`, fields named "<path>.text",
// "<path>.indicators[j].target_max", ... (path e.g. "results[2]").
void CheckResult(const WorkResult& result, const std::string& path, PerspectiveRule perspective,
                 TargetRule targets, std::vector<errors::FieldViolation>& out);

// A survey code (IKM survey): non-empty, at most 64 bytes of [A-Za-z0-9._-].
void CheckSurveyId(const std::string& survey_id, const std::string& field,
                   std::vector<errors::FieldViolation>& out);

// Appends a violation when `text` exceeds `max_bytes`.
void CheckTextLength(const std::string& text, size_t max_bytes, const std::string& field,
                     std::vector<errors::FieldViolation>& out);

}  // namespace kinerja::goals
