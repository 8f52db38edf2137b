// Stable names of the rating enums (storage, events, logs, filters) and their Indonesian display
// labels (DOMAIN.md: official terms in user-facing labels and exports). Parse* accept exactly the
// names below and return INVALID_ARGUMENT "<field>: ..." otherwise. An out-of-range enum value
// has the name "".
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "shared/rating/rating.h"

namespace kinerja::rating {

// "ABOVE", "AS_EXPECTED", "BELOW"
std::string_view RatingName(Rating rating);
absl::StatusOr<Rating> ParseRating(std::string_view name, std::string_view field);
// "SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"
std::string_view PredicateName(Predicate predicate);
absl::StatusOr<Predicate> ParsePredicate(std::string_view name, std::string_view field);
// "ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"
std::string_view OrgPredicateName(OrgPredicate predicate);
absl::StatusOr<OrgPredicate> ParseOrgPredicate(std::string_view name, std::string_view field);

// Indonesian labels.
// "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"
std::string_view RatingLabel(Rating rating);
// "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"
std::string_view PredicateLabel(Predicate predicate);
// "Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"
std::string_view OrgPredicateLabel(OrgPredicate predicate);

}  // namespace kinerja::rating
