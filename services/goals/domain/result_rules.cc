#include "services/goals/domain/result_rules.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "services/goals/domain/names.h"
#include "services/goals/domain/plan_content.h"
#include "shared/text/text.h"

namespace kinerja::goals {
namespace {

void CheckRequiredText(const std::string& text, size_t max_bytes, const std::string& field,
                       std::vector<errors::FieldViolation>& out) {
  if (IsBlank(text)) {
    out.push_back({field, "required"});
    return;
  }
  CheckTextLength(text, max_bytes, field, out);
}

void CheckIndicator(const Indicator& indicator, const std::string& path,
                    std::vector<errors::FieldViolation>& out) {
  CheckRequiredText(indicator.text, kMaxTextBytes, absl::StrCat(path, ".text"), out);
  if (AspectName(indicator.aspect).empty()) {
    out.push_back({absl::StrCat(path, ".aspect"), "unknown aspect"});
  }
  const bool min_finite = std::isfinite(indicator.target_min);
  const bool max_finite = std::isfinite(indicator.target_max);
  if (!min_finite) out.push_back({absl::StrCat(path, ".target_min"), "must be a finite number"});
  if (!max_finite) out.push_back({absl::StrCat(path, ".target_max"), "must be a finite number"});
  if (min_finite && max_finite && indicator.target_max < indicator.target_min) {
    out.push_back({absl::StrCat(path, ".target_max"), "must be at least target_min"});
  }
  CheckRequiredText(indicator.target_unit, kMaxUnitBytes, absl::StrCat(path, ".target_unit"), out);
}

}  // namespace

void CheckTextLength(const std::string& text, size_t max_bytes, const std::string& field,
                     std::vector<errors::FieldViolation>& out) {
  if (text.size() > max_bytes) {
    out.push_back(
        {field, absl::StrCat("must be at most ", max_bytes, " bytes, got ", text.size())});
  }
}

void CheckResult(const WorkResult& result, const std::string& path, PerspectiveRule perspective,
                 std::vector<errors::FieldViolation>& out) {
  if (ResultKindName(result.kind).empty()) {
    out.push_back({absl::StrCat(path, ".kind"), "unknown result kind"});
  }
  CheckRequiredText(result.text, kMaxTextBytes, absl::StrCat(path, ".text"), out);

  const std::string parent_field = absl::StrCat(path, ".parent_result_id");
  if (result.kind == ResultKind::kAdditional && !result.parent_result_id.empty()) {
    out.push_back({parent_field, "an ADDITIONAL result does not cascade from a parent result"});
  }
  if (!result.parent_result_id.empty() && result.parent_result_id == result.id) {
    out.push_back({parent_field, "a result cannot be its own parent"});
  }

  const std::string perspective_field = absl::StrCat(path, ".perspective");
  if (PerspectiveName(result.perspective).empty() && result.perspective != Perspective::kNone) {
    out.push_back({perspective_field, "unknown perspective"});
  } else if (perspective == PerspectiveRule::kRequired &&
             result.perspective == Perspective::kNone) {
    out.push_back({perspective_field, "required for a JPT plan's result"});
  } else if (perspective == PerspectiveRule::kForbidden &&
             result.perspective != Perspective::kNone) {
    out.push_back({perspective_field, "only results of JPT plans carry a perspective"});
  }

  const std::string indicators_field = absl::StrCat(path, ".indicators");
  if (result.indicators.empty()) {
    out.push_back({indicators_field, "at least one indicator is required"});
  } else if (result.indicators.size() > static_cast<size_t>(kMaxIndicators)) {
    out.push_back({indicators_field, absl::StrCat("at most ", kMaxIndicators, " indicators, got ",
                                                  result.indicators.size())});
  }
  for (size_t j = 0; j < result.indicators.size(); ++j) {
    CheckIndicator(result.indicators[j], absl::StrCat(indicators_field, "[", j, "]"), out);
  }
}

}  // namespace kinerja::goals
