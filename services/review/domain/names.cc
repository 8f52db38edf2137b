#include "services/review/domain/names.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "shared/errors/errors.h"
#include "shared/text/name_table.h"
#include "shared/text/text.h"

namespace kinerja::review {
namespace {

using text::Lookup;
using text::NameTable;
using text::Parse;

constexpr NameTable<Cadence, 2> kCadenceNames = {{
    {Cadence::kMonthly, "MONTHLY"},
    {Cadence::kQuarterly, "QUARTERLY"},
}};

constexpr NameTable<AssessmentKind, 2> kAssessmentKindNames = {{
    {AssessmentKind::kPeriodic, "PERIODIC"},
    {AssessmentKind::kAnnual, "ANNUAL"},
}};

constexpr NameTable<AssessmentState, 2> kAssessmentStateNames = {{
    {AssessmentState::kDraft, "DRAFT"},
    {AssessmentState::kFinalised, "FINALISED"},
}};

constexpr NameTable<Capacity, 6> kCapacityNames = {{
    {Capacity::kDefinitive, "DEFINITIVE"},
    {Capacity::kPlt, "PLT"},
    {Capacity::kPlh, "PLH"},
    {Capacity::kDelegated, "DELEGATED"},
    {Capacity::kPj, "PJ"},
    {Capacity::kHrForNonAsn, "HR_FOR_NON_ASN"},
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

constexpr NameTable<ObjectionState, 2> kObjectionStateNames = {{
    {ObjectionState::kOpen, "FILED"},
    {ObjectionState::kDecided, "DECIDED"},
}};

constexpr NameTable<RoundState, 2> kRoundStateNames = {{
    {RoundState::kOpen, "OPEN"},
    {RoundState::kClosed, "CLOSED"},
}};

constexpr NameTable<RaterRelation, 2> kRaterRelationNames = {{
    {RaterRelation::kPeer, "PEER"},
    {RaterRelation::kSubordinate, "SUBORDINATE"},
}};

constexpr NameTable<NoteAuthorRole, 2> kNoteAuthorRoleNames = {{
    {NoteAuthorRole::kEmployee, "EMPLOYEE"},
    {NoteAuthorRole::kAssessor, "ASSESSOR"},
}};

constexpr NameTable<Cadence, 2> kCadenceLabels = {{
    {Cadence::kMonthly, "Bulanan"},
    {Cadence::kQuarterly, "Triwulanan"},
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

}  // namespace

#define KINERJA_REVIEW_NAMES(Type, table)                                           \
  std::string_view Type##Name(Type value) { return Lookup(table, value); }          \
  absl::StatusOr<Type> Parse##Type(std::string_view name, std::string_view field) { \
    return Parse(table, name, field);                                               \
  }

KINERJA_REVIEW_NAMES(Cadence, kCadenceNames)
KINERJA_REVIEW_NAMES(AssessmentKind, kAssessmentKindNames)
KINERJA_REVIEW_NAMES(AssessmentState, kAssessmentStateNames)
KINERJA_REVIEW_NAMES(Capacity, kCapacityNames)
KINERJA_REVIEW_NAMES(CoreValue, kCoreValueNames)
KINERJA_REVIEW_NAMES(ObjectionState, kObjectionStateNames)
KINERJA_REVIEW_NAMES(RoundState, kRoundStateNames)
KINERJA_REVIEW_NAMES(RaterRelation, kRaterRelationNames)
KINERJA_REVIEW_NAMES(NoteAuthorRole, kNoteAuthorRoleNames)

#undef KINERJA_REVIEW_NAMES

std::string_view CadenceLabel(Cadence cadence) { return Lookup(kCadenceLabels, cadence); }
std::string_view CoreValueLabel(CoreValue value) { return Lookup(kCoreValueLabels, value); }

}  // namespace kinerja::review
