// Domain <-> wire (kinerja.goals.v1) conversion of goals resources, used by the store for event
// payloads and stored idempotent answers and by the API for responses, so both agree byte for
// byte. FromProto validates enums and dates and names the field ("plan.results[0].kind: ...");
// field paths are prefixed by `prefix` (e.g. "plan.").
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "kinerja/goals/v1/resources.pb.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals {

namespace pb = ::kinerja::goals::v1;

pb::Period ToProto(const Period& period);
absl::StatusOr<Period> FromProto(const pb::Period& proto, std::string_view prefix = "");

pb::DeadlineExtension ToProto(const DeadlineExtension& extension);
absl::StatusOr<DeadlineExtension> FromProto(const pb::DeadlineExtension& proto,
                                            std::string_view prefix = "");

pb::UnitPolicy ToProto(const UnitPolicy& policy);
absl::StatusOr<UnitPolicy> FromProto(const pb::UnitPolicy& proto, std::string_view prefix = "");

pb::Plan ToProto(const Plan& plan);
absl::StatusOr<Plan> FromProto(const pb::Plan& proto, std::string_view prefix = "");

// The part of a plan the access checks read (domain/access.h: id, agency, employee, assessor,
// assessor's superior), with period_id and position_type; no content, state or times. GetPlan
// checks access on its stored answer with it instead of converting the whole plan.
absl::StatusOr<Plan> PlanPeopleFromProto(const pb::Plan& proto);

pb::PlanVersion ToProto(const PlanVersion& version);
pb::PlanDecision ToProto(const PlanDecision& decision);
pb::PlanPerson ToProto(const PlanPerson& person);

pb::PlanTemplate ToProto(const PlanTemplate& tmpl);
absl::StatusOr<PlanTemplate> FromProto(const pb::PlanTemplate& proto, std::string_view prefix = "");

// The content part of a plan message (results, behaviours, style); used by UpdatePlan.
// Behaviours are passed through NormaliseBehaviours. An UNSPECIFIED style is QUANTITATIVE.
absl::StatusOr<PlanContent> ContentFromProto(const pb::Plan& proto, std::string_view prefix);

// Enum conversions (UNSPECIFIED and unknown numbers are INVALID_ARGUMENT naming `field`).
pb::PeriodState ToProto(PeriodState state);
absl::StatusOr<PeriodState> PeriodStateFromProto(pb::PeriodState state, std::string_view field);
pb::Cadence ToProto(Cadence cadence);
absl::StatusOr<Cadence> CadenceFromProto(pb::Cadence cadence, std::string_view field);
pb::PlanState ToProto(PlanState state);
pb::PlanStyle ToProto(PlanStyle style);
pb::CascadeType ToProto(CascadeType type);
// UNSPECIFIED -> QUANTITATIVE.
absl::StatusOr<PlanStyle> PlanStyleFromProto(pb::PlanStyle style, std::string_view field);
absl::StatusOr<CoreValue> CoreValueFromProto(pb::CoreValue value, std::string_view field);

}  // namespace kinerja::goals
