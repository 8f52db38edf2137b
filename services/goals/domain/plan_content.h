// Rules of a plan's content (DOMAIN.md "Planning: SKP"): work results (RHK), their indicators
// (IKI) and the 7 BerAKHLAK behaviour expectations.
#pragma once

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals {

// Limits (documented in the API): at most 50 results per plan, 20 indicators per result;
// texts at most 2000 bytes (result, indicator, expectation), target_unit at most 50 bytes.
inline constexpr int kMaxResults = 50;
inline constexpr int kMaxIndicators = 20;
inline constexpr size_t kMaxTextBytes = 2000;
inline constexpr size_t kMaxUnitBytes = 50;

// The content of a new plan: no results, the 7 core values with empty expectations.
PlanContent NewContent(PlanStyle style);

// The behaviours as given (any order, each core value at most once) completed to all 7 in
// CoreValue order; missing values get an empty expectation. INVALID_ARGUMENT
// "behaviours[i].value: ..." for a repeated value, "behaviours[i].expectation: ..." too long.
absl::StatusOr<std::vector<BehaviourExpectation>> NormaliseBehaviours(
    const std::vector<BehaviourExpectation>& given);

// Shape of the content, INVALID_ARGUMENT listing every violation with paths such as
// "results[2].indicators[0].target_max":
// - at most kMaxResults results; each: text required; at least one indicator, at most
//   kMaxIndicators; an ADDITIONAL result names no parent_result_id; a result of a JPT plan
//   (`jpt`) needs a perspective, others must not have one; no result names itself as parent;
//   cascade_type and parent_indicator_id only on a MAIN result that names parent_result_id;
// - each indicator, by the content's style: QUANTITATIVE: target_min and target_max finite,
//   min <= max, target_unit required, target_text optional; QUALITATIVE: target_text required,
//   no target_min, target_max or target_unit ("a qualitative indicator has a text target");
//   text required; target_text within kMaxTextBytes; survey_id only on a QUALITY indicator, a
//   survey code (CheckSurveyId);
// - texts within the limits above; behaviours exactly the 7 values in CoreValue order
//   (NormaliseBehaviours produces that).
absl::Status ValidateContent(const PlanContent& content, bool jpt);

// Gives ids to the results and indicators of `next` (an edit of `previous`): an id that names
// one of `previous`' results (or of that result's indicators) is kept; an empty id gets
// new_id(); any other id is INVALID_ARGUMENT "results[i].id: ..." /
// "results[i].indicators[j].id: ...". Ids must not repeat within next. template_id of kept
// results is carried over from previous (clients cannot set it).
absl::Status AssignIds(const PlanContent& previous, PlanContent& next,
                       absl::FunctionRef<std::string()> new_id);

// Ids of previous' results that next no longer has.
std::vector<std::string> RemovedResultIds(const PlanContent& previous, const PlanContent& next);

// A main result that names a parent without a cascade type contributes directly: sets
// CascadeType::kDirect on those (the stored default, documented in the API).
void DefaultCascadeTypes(std::vector<WorkResult>& results);

// True when some indicator of the content has the QUALITY aspect.
bool HasQualityIndicator(const PlanContent& content);
// True when some QUALITY indicator of the content names this survey.
bool HasSurveyIndicator(const PlanContent& content, const std::string& survey_id);

// A random 32-hex-digit id (128 bits from a CSPRNG-seeded generator), for results/indicators.
std::string NewContentId();

}  // namespace kinerja::goals
