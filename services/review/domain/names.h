// Stable names of the review enums (storage, events, logs) and Indonesian display labels
// (DOMAIN.md: official terms in user-facing labels and exports). Parse* accept exactly the names
// below and return INVALID_ARGUMENT "<field>: ..." otherwise. An out-of-range enum value has the
// name "".
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "services/review/domain/types.h"
#include "shared/rating/names.h"

namespace kinerja::review {

// Rating, Predicate and OrgPredicate: names and labels from shared/rating/names.h.
using rating::OrgPredicateLabel;
using rating::OrgPredicateName;
using rating::ParseOrgPredicate;
using rating::ParsePredicate;
using rating::ParseRating;
using rating::PredicateLabel;
using rating::PredicateName;
using rating::RatingLabel;
using rating::RatingName;

// "MONTHLY", "QUARTERLY"
std::string_view CadenceName(Cadence cadence);
absl::StatusOr<Cadence> ParseCadence(std::string_view name, std::string_view field);
// "PERIODIC", "ANNUAL"
std::string_view AssessmentKindName(AssessmentKind kind);
absl::StatusOr<AssessmentKind> ParseAssessmentKind(std::string_view name, std::string_view field);
// "DRAFT", "FINALISED"
std::string_view AssessmentStateName(AssessmentState state);
absl::StatusOr<AssessmentState> ParseAssessmentState(std::string_view name, std::string_view field);
// "DEFINITIVE", "PLT", "PLH", "DELEGATED", "PJ", "HR_FOR_NON_ASN"
std::string_view CapacityName(Capacity capacity);
absl::StatusOr<Capacity> ParseCapacity(std::string_view name, std::string_view field);
// "SERVICE_ORIENTED", "ACCOUNTABLE", "COMPETENT", "HARMONIOUS", "LOYAL", "ADAPTIVE",
// "COLLABORATIVE"
std::string_view CoreValueName(CoreValue value);
absl::StatusOr<CoreValue> ParseCoreValue(std::string_view name, std::string_view field);
// "FILED", "DECIDED"
std::string_view ObjectionStateName(ObjectionState state);
absl::StatusOr<ObjectionState> ParseObjectionState(std::string_view name, std::string_view field);
// "OPEN", "CLOSED"
std::string_view RoundStateName(RoundState state);
absl::StatusOr<RoundState> ParseRoundState(std::string_view name, std::string_view field);
// "PEER", "SUBORDINATE"
std::string_view RaterRelationName(RaterRelation relation);
absl::StatusOr<RaterRelation> ParseRaterRelation(std::string_view name, std::string_view field);
// "EMPLOYEE", "ASSESSOR"
std::string_view NoteAuthorRoleName(NoteAuthorRole role);
absl::StatusOr<NoteAuthorRole> ParseNoteAuthorRole(std::string_view name, std::string_view field);

// Indonesian labels.
// "Bulanan", "Triwulanan"
std::string_view CadenceLabel(Cadence cadence);
// "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif",
// "Kolaboratif"
std::string_view CoreValueLabel(CoreValue value);

}  // namespace kinerja::review
