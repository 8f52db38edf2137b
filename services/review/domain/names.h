// Stable names of the review enums (storage, events, logs) and Indonesian display labels
// (DOMAIN.md: official terms in user-facing labels and exports). Parse* accept exactly the names
// below and return INVALID_ARGUMENT "<field>: ..." otherwise. An out-of-range enum value has the
// name "".
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "services/review/domain/types.h"

namespace kinerja::review {

// "ABOVE", "AS_EXPECTED", "BELOW"
std::string_view RatingName(Rating rating);
absl::StatusOr<Rating> ParseRating(std::string_view name, std::string_view field);
// "SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"
std::string_view PredicateName(Predicate predicate);
absl::StatusOr<Predicate> ParsePredicate(std::string_view name, std::string_view field);
// "ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"
std::string_view OrgPredicateName(OrgPredicate predicate);
absl::StatusOr<OrgPredicate> ParseOrgPredicate(std::string_view name, std::string_view field);
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
// "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"
std::string_view RatingLabel(Rating rating);
// "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"
std::string_view PredicateLabel(Predicate predicate);
// "Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"
std::string_view OrgPredicateLabel(OrgPredicate predicate);
// "Bulanan", "Triwulanan"
std::string_view CadenceLabel(Cadence cadence);
// "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif",
// "Kolaboratif"
std::string_view CoreValueLabel(CoreValue value);

}  // namespace kinerja::review
