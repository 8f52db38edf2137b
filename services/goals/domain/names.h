// Stable names of the goal-setting enums (storage, events, logs) and Indonesian display labels
// (DOMAIN.md: official terms in user-facing labels). Parse* accept exactly the names below and
// return INVALID_ARGUMENT "<field>: ..." otherwise.
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals {

// "MONTHLY", "QUARTERLY"
std::string_view CadenceName(Cadence cadence);
absl::StatusOr<Cadence> ParseCadence(std::string_view name, std::string_view field);
// "OPEN", "CLOSED", "LOCKED"
std::string_view PeriodStateName(PeriodState state);
absl::StatusOr<PeriodState> ParsePeriodState(std::string_view name, std::string_view field);
// "DRAFT", "SUBMITTED", "APPROVED", "RETURNED", "CLOSED"
std::string_view PlanStateName(PlanState state);
absl::StatusOr<PlanState> ParsePlanState(std::string_view name, std::string_view field);
// "QUANTITATIVE", "QUALITATIVE"
std::string_view PlanStyleName(PlanStyle style);
absl::StatusOr<PlanStyle> ParsePlanStyle(std::string_view name, std::string_view field);
// "MAIN", "ADDITIONAL"
std::string_view ResultKindName(ResultKind kind);
absl::StatusOr<ResultKind> ParseResultKind(std::string_view name, std::string_view field);
// "", "SERVICE_RECIPIENTS", "BUSINESS_PROCESS", "INTERNAL_STRENGTHENING", "BUDGET"
std::string_view PerspectiveName(Perspective perspective);
absl::StatusOr<Perspective> ParsePerspective(std::string_view name, std::string_view field);
// "QUANTITY", "QUALITY", "TIME", "COST"
std::string_view AspectName(Aspect aspect);
absl::StatusOr<Aspect> ParseAspect(std::string_view name, std::string_view field);
// "", "DIRECT", "INDIRECT"
std::string_view CascadeTypeName(CascadeType type);
absl::StatusOr<CascadeType> ParseCascadeType(std::string_view name, std::string_view field);
// "SERVICE_ORIENTED", "ACCOUNTABLE", "COMPETENT", "HARMONIOUS", "LOYAL", "ADAPTIVE",
// "COLLABORATIVE"
std::string_view CoreValueName(CoreValue value);
absl::StatusOr<CoreValue> ParseCoreValue(std::string_view name, std::string_view field);

// "DEFINITIVE", "PLT", "PLH", "DELEGATED", "PJ", "HR_FOR_NON_ASN"
std::string_view DecisionCapacityName(DecisionCapacity capacity);
absl::StatusOr<DecisionCapacity> ParseDecisionCapacity(std::string_view name,
                                                       std::string_view field);
// "APPROVE", "RETURN"
std::string_view DecisionActionName(DecisionAction action);
absl::StatusOr<DecisionAction> ParseDecisionAction(std::string_view name, std::string_view field);

// Indonesian labels: "Kuantitas", "Kualitas", "Waktu", "Biaya"; "Berorientasi Pelayanan",
// "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"; "Utama", "Tambahan".
std::string_view AspectLabel(Aspect aspect);
std::string_view CoreValueLabel(CoreValue value);
std::string_view ResultKindLabel(ResultKind kind);

}  // namespace kinerja::goals
