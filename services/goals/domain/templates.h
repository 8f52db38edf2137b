// Plan templates (issue "Bulk"): a set of work results with indicators applied to many plans at
// once, idempotently (a plan that already holds results from the template is left as is).
#pragma once

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals {

// agency_id required; name required (<= 200 bytes, "name"); 1..kMaxResults results, each
// valid as in ValidateContent (perspective optional: it is checked against the target plan when
// applied). INVALID_ARGUMENT listing violations ("results[0].indicators[0].text", ...).
absl::Status ValidateTemplate(const PlanTemplate& tmpl);

enum class TemplateOutcome { kApplied, kAlreadyApplied };

// Appends the template's results to `content` with fresh ids (new_id) and template_id set, for
// a plan whose position is JPT or not (`jpt`: a JPT plan needs perspectives, others must not
// have them: FAILED_PRECONDITION "TEMPLATE_PERSPECTIVE_MISMATCH"). kAlreadyApplied (content
// unchanged) when a result of the content already carries this template's id. The result count
// limit applies ("TOO_MANY_RESULTS").
absl::StatusOr<TemplateOutcome> ApplyTemplate(const PlanTemplate& tmpl, bool jpt,
                                              PlanContent& content,
                                              absl::FunctionRef<std::string()> new_id);

}  // namespace kinerja::goals
