#include "services/goals/domain/names.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "shared/errors/errors.h"
#include "shared/text/name_table.h"
#include "shared/text/text.h"

namespace kinerja::goals {
namespace {

using text::Lookup;
using text::NameTable;
using text::Parse;

constexpr NameTable<Cadence, 2> kCadenceNames = {{
    {Cadence::kMonthly, "MONTHLY"},
    {Cadence::kQuarterly, "QUARTERLY"},
}};

constexpr NameTable<PeriodState, 3> kPeriodStateNames = {{
    {PeriodState::kOpen, "OPEN"},
    {PeriodState::kClosed, "CLOSED"},
    {PeriodState::kLocked, "LOCKED"},
}};

constexpr NameTable<PlanState, 5> kPlanStateNames = {{
    {PlanState::kDraft, "DRAFT"},
    {PlanState::kSubmitted, "SUBMITTED"},
    {PlanState::kApproved, "APPROVED"},
    {PlanState::kReturned, "RETURNED"},
    {PlanState::kClosed, "CLOSED"},
}};

constexpr NameTable<PlanStyle, 2> kPlanStyleNames = {{
    {PlanStyle::kQuantitative, "QUANTITATIVE"},
    {PlanStyle::kQualitative, "QUALITATIVE"},
}};

constexpr NameTable<ResultKind, 2> kResultKindNames = {{
    {ResultKind::kMain, "MAIN"},
    {ResultKind::kAdditional, "ADDITIONAL"},
}};

constexpr NameTable<Perspective, 5> kPerspectiveNames = {{
    {Perspective::kNone, ""},
    {Perspective::kServiceRecipients, "SERVICE_RECIPIENTS"},
    {Perspective::kBusinessProcess, "BUSINESS_PROCESS"},
    {Perspective::kInternalStrengthening, "INTERNAL_STRENGTHENING"},
    {Perspective::kBudget, "BUDGET"},
}};

constexpr NameTable<Aspect, 4> kAspectNames = {{
    {Aspect::kQuantity, "QUANTITY"},
    {Aspect::kQuality, "QUALITY"},
    {Aspect::kTime, "TIME"},
    {Aspect::kCost, "COST"},
}};

constexpr NameTable<CascadeType, 3> kCascadeTypeNames = {{
    {CascadeType::kNone, ""},
    {CascadeType::kDirect, "DIRECT"},
    {CascadeType::kIndirect, "INDIRECT"},
}};

constexpr NameTable<CoreValue, kCoreValueCount> kCoreValueNames = {{
    {CoreValue::kServiceOriented, "SERVICE_ORIENTED"},
    {CoreValue::kAccountable, "ACCOUNTABLE"},
    {CoreValue::kCompetent, "COMPETENT"},
    {CoreValue::kHarmonious, "HARMONIOUS"},
    {CoreValue::kLoyal, "LOYAL"},
    {CoreValue::kAdaptive, "ADAPTIVE"},
    {CoreValue::kCollaborative, "COLLABORATIVE"},
}};

constexpr NameTable<DecisionCapacity, 6> kDecisionCapacityNames = {{
    {DecisionCapacity::kDefinitive, "DEFINITIVE"},
    {DecisionCapacity::kPlt, "PLT"},
    {DecisionCapacity::kPlh, "PLH"},
    {DecisionCapacity::kDelegated, "DELEGATED"},
    {DecisionCapacity::kPj, "PJ"},
    {DecisionCapacity::kHrForNonAsn, "HR_FOR_NON_ASN"},
}};

constexpr NameTable<DecisionAction, 2> kDecisionActionNames = {{
    {DecisionAction::kApprove, "APPROVE"},
    {DecisionAction::kReturn, "RETURN"},
}};

constexpr NameTable<Aspect, 4> kAspectLabels = {{
    {Aspect::kQuantity, "Kuantitas"},
    {Aspect::kQuality, "Kualitas"},
    {Aspect::kTime, "Waktu"},
    {Aspect::kCost, "Biaya"},
}};

constexpr NameTable<CoreValue, kCoreValueCount> kCoreValueLabels = {{
    {CoreValue::kServiceOriented, "Berorientasi Pelayanan"},
    {CoreValue::kAccountable, "Akuntabel"},
    {CoreValue::kCompetent, "Kompeten"},
    {CoreValue::kHarmonious, "Harmonis"},
    {CoreValue::kLoyal, "Loyal"},
    {CoreValue::kAdaptive, "Adaptif"},
    {CoreValue::kCollaborative, "Kolaboratif"},
}};

constexpr NameTable<ResultKind, 2> kResultKindLabels = {{
    {ResultKind::kMain, "Utama"},
    {ResultKind::kAdditional, "Tambahan"},
}};

}  // namespace

std::string_view CadenceName(Cadence cadence) { return Lookup(kCadenceNames, cadence); }
absl::StatusOr<Cadence> ParseCadence(std::string_view name, std::string_view field) {
  return Parse(kCadenceNames, name, field);
}

std::string_view PeriodStateName(PeriodState state) { return Lookup(kPeriodStateNames, state); }
absl::StatusOr<PeriodState> ParsePeriodState(std::string_view name, std::string_view field) {
  return Parse(kPeriodStateNames, name, field);
}

std::string_view PlanStateName(PlanState state) { return Lookup(kPlanStateNames, state); }
absl::StatusOr<PlanState> ParsePlanState(std::string_view name, std::string_view field) {
  return Parse(kPlanStateNames, name, field);
}

std::string_view PlanStyleName(PlanStyle style) { return Lookup(kPlanStyleNames, style); }
absl::StatusOr<PlanStyle> ParsePlanStyle(std::string_view name, std::string_view field) {
  return Parse(kPlanStyleNames, name, field);
}

std::string_view ResultKindName(ResultKind kind) { return Lookup(kResultKindNames, kind); }
absl::StatusOr<ResultKind> ParseResultKind(std::string_view name, std::string_view field) {
  return Parse(kResultKindNames, name, field);
}

std::string_view PerspectiveName(Perspective perspective) {
  return Lookup(kPerspectiveNames, perspective);
}
absl::StatusOr<Perspective> ParsePerspective(std::string_view name, std::string_view field) {
  return Parse(kPerspectiveNames, name, field);
}

std::string_view AspectName(Aspect aspect) { return Lookup(kAspectNames, aspect); }
absl::StatusOr<Aspect> ParseAspect(std::string_view name, std::string_view field) {
  return Parse(kAspectNames, name, field);
}

std::string_view CascadeTypeName(CascadeType type) { return Lookup(kCascadeTypeNames, type); }
absl::StatusOr<CascadeType> ParseCascadeType(std::string_view name, std::string_view field) {
  return Parse(kCascadeTypeNames, name, field);
}

std::string_view CoreValueName(CoreValue value) { return Lookup(kCoreValueNames, value); }
absl::StatusOr<CoreValue> ParseCoreValue(std::string_view name, std::string_view field) {
  return Parse(kCoreValueNames, name, field);
}

std::string_view DecisionCapacityName(DecisionCapacity capacity) {
  return Lookup(kDecisionCapacityNames, capacity);
}
absl::StatusOr<DecisionCapacity> ParseDecisionCapacity(std::string_view name,
                                                       std::string_view field) {
  return Parse(kDecisionCapacityNames, name, field);
}
std::string_view DecisionActionName(DecisionAction action) {
  return Lookup(kDecisionActionNames, action);
}
absl::StatusOr<DecisionAction> ParseDecisionAction(std::string_view name, std::string_view field) {
  return Parse(kDecisionActionNames, name, field);
}

std::string_view AspectLabel(Aspect aspect) { return Lookup(kAspectLabels, aspect); }
std::string_view CoreValueLabel(CoreValue value) { return Lookup(kCoreValueLabels, value); }
std::string_view ResultKindLabel(ResultKind kind) { return Lookup(kResultKindLabels, kind); }

}  // namespace kinerja::goals
