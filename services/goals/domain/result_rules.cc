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

constexpr size_t kMaxSurveyIdBytes = 64;
constexpr size_t kMaxIdBytes = 64;  // content ids (plan_results.id)

void CheckTextTarget(const Indicator& indicator, const std::string& path,
                     std::vector<errors::FieldViolation>& out) {
  constexpr char kTextTarget[] =
      "a qualitative indicator has a text target (target_text), not a numeric one";
  if (IsBlank(indicator.target_text)) {
    out.push_back({absl::StrCat(path, ".target_text"), absl::StrCat("required: ", kTextTarget)});
  }
  // NaN != 0 too: any value but 0 is a numeric target.
  if (indicator.target_min != 0) {
    out.push_back(
        {absl::StrCat(path, ".target_min"), absl::StrCat("must not be set: ", kTextTarget)});
  }
  if (indicator.target_max != 0) {
    out.push_back(
        {absl::StrCat(path, ".target_max"), absl::StrCat("must not be set: ", kTextTarget)});
  }
  if (!indicator.target_unit.empty()) {
    out.push_back(
        {absl::StrCat(path, ".target_unit"), absl::StrCat("must not be set: ", kTextTarget)});
  }
}

void CheckNumericTarget(const Indicator& indicator, const std::string& path,
                        std::vector<errors::FieldViolation>& out) {
  const bool min_finite = std::isfinite(indicator.target_min);
  const bool max_finite = std::isfinite(indicator.target_max);
  if (!min_finite) out.push_back({absl::StrCat(path, ".target_min"), "must be a finite number"});
  if (!max_finite) out.push_back({absl::StrCat(path, ".target_max"), "must be a finite number"});
  if (min_finite && max_finite && indicator.target_max < indicator.target_min) {
    out.push_back({absl::StrCat(path, ".target_max"), "must be at least target_min"});
  }
  CheckRequiredText(indicator.target_unit, kMaxUnitBytes, absl::StrCat(path, ".target_unit"), out);
}

void CheckIndicator(const Indicator& indicator, const std::string& path, TargetRule targets,
                    std::vector<errors::FieldViolation>& out) {
  CheckRequiredText(indicator.text, kMaxTextBytes, absl::StrCat(path, ".text"), out);
  if (AspectName(indicator.aspect).empty()) {
    out.push_back({absl::StrCat(path, ".aspect"), "unknown aspect"});
  }
  CheckTextLength(indicator.target_text, kMaxTextBytes, absl::StrCat(path, ".target_text"), out);
  // Either: a text target alone reads as qualitative, anything else as quantitative.
  const bool text = targets == TargetRule::kText ||
                    (targets == TargetRule::kEither && !HasNumericTarget(indicator) &&
                     !IsBlank(indicator.target_text));
  if (text) {
    CheckTextTarget(indicator, path, out);
  } else {
    CheckNumericTarget(indicator, path, out);
  }
  if (!indicator.survey_id.empty()) {
    const std::string field = absl::StrCat(path, ".survey_id");
    if (indicator.aspect != Aspect::kQuality) {
      out.push_back({field, "only a QUALITY indicator is measured by a satisfaction survey"});
    } else {
      CheckSurveyId(indicator.survey_id, field, out);
    }
  }
}

// cascade_type and parent_indicator_id go with a main result's parent_result_id.
void CheckCascadeFields(const WorkResult& result, const std::string& path,
                        std::vector<errors::FieldViolation>& out) {
  const std::string type_field = absl::StrCat(path, ".cascade_type");
  const std::string indicator_field = absl::StrCat(path, ".parent_indicator_id");
  if (CascadeTypeName(result.cascade_type).empty() && result.cascade_type != CascadeType::kNone) {
    out.push_back({type_field, "unknown cascade type"});
  }
  CheckTextLength(result.parent_indicator_id, kMaxIdBytes, indicator_field, out);
  if (result.kind == ResultKind::kMain && !result.parent_result_id.empty()) return;
  if (result.cascade_type != CascadeType::kNone) {
    out.push_back(
        {type_field, "only a MAIN result that names parent_result_id has a cascade type"});
  }
  if (!result.parent_indicator_id.empty()) {
    out.push_back({indicator_field,
                   "only a MAIN result that names parent_result_id names a parent indicator"});
  }
}

}  // namespace

TargetRule TargetRuleFor(PlanStyle style) {
  return style == PlanStyle::kQualitative ? TargetRule::kText : TargetRule::kNumeric;
}

bool HasNumericTarget(const Indicator& indicator) {
  return indicator.target_min != 0 || indicator.target_max != 0 || !indicator.target_unit.empty();
}

void CheckSurveyId(const std::string& survey_id, const std::string& field,
                   std::vector<errors::FieldViolation>& out) {
  if (survey_id.empty()) {
    out.push_back({field, "required"});
    return;
  }
  if (survey_id.size() > kMaxSurveyIdBytes) {
    out.push_back({field, absl::StrCat("must be at most ", kMaxSurveyIdBytes, " bytes, got ",
                                       survey_id.size())});
    return;
  }
  for (char c : survey_id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) {
      out.push_back({field, "only letters, digits, '.', '_' and '-' (a survey's code)"});
      return;
    }
  }
}

void CheckTextLength(const std::string& text, size_t max_bytes, const std::string& field,
                     std::vector<errors::FieldViolation>& out) {
  if (text.size() > max_bytes) {
    out.push_back(
        {field, absl::StrCat("must be at most ", max_bytes, " bytes, got ", text.size())});
  }
}

void CheckResult(const WorkResult& result, const std::string& path, PerspectiveRule perspective,
                 TargetRule targets, std::vector<errors::FieldViolation>& out) {
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
  CheckCascadeFields(result, path, out);

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
    CheckIndicator(result.indicators[j], absl::StrCat(indicators_field, "[", j, "]"), targets, out);
  }
}

}  // namespace kinerja::goals
