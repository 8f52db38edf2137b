#include "shared/rating/names.h"

#include "shared/text/name_table.h"

namespace kinerja::rating {
namespace {

using text::Lookup;
using text::NameTable;
using text::Parse;

constexpr NameTable<Rating, 3> kRatingNames = {{
    {Rating::kAbove, "ABOVE"},
    {Rating::kAsExpected, "AS_EXPECTED"},
    {Rating::kBelow, "BELOW"},
}};

constexpr NameTable<Predicate, 5> kPredicateNames = {{
    {Predicate::kSangatBaik, "SANGAT_BAIK"},
    {Predicate::kBaik, "BAIK"},
    {Predicate::kButuhPerbaikan, "BUTUH_PERBAIKAN"},
    {Predicate::kKurang, "KURANG"},
    {Predicate::kSangatKurang, "SANGAT_KURANG"},
}};

constexpr NameTable<OrgPredicate, 5> kOrgPredicateNames = {{
    {OrgPredicate::kIstimewa, "ISTIMEWA"},
    {OrgPredicate::kBaik, "BAIK"},
    {OrgPredicate::kButuhPerbaikan, "BUTUH_PERBAIKAN"},
    {OrgPredicate::kKurang, "KURANG"},
    {OrgPredicate::kSangatKurang, "SANGAT_KURANG"},
}};

constexpr NameTable<Rating, 3> kRatingLabels = {{
    {Rating::kAbove, "Di Atas Ekspektasi"},
    {Rating::kAsExpected, "Sesuai Ekspektasi"},
    {Rating::kBelow, "Di Bawah Ekspektasi"},
}};

constexpr NameTable<Predicate, 5> kPredicateLabels = {{
    {Predicate::kSangatBaik, "Sangat Baik"},
    {Predicate::kBaik, "Baik"},
    {Predicate::kButuhPerbaikan, "Butuh Perbaikan"},
    {Predicate::kKurang, "Kurang/Misconduct"},
    {Predicate::kSangatKurang, "Sangat Kurang"},
}};

constexpr NameTable<OrgPredicate, 5> kOrgPredicateLabels = {{
    {OrgPredicate::kIstimewa, "Istimewa"},
    {OrgPredicate::kBaik, "Baik"},
    {OrgPredicate::kButuhPerbaikan, "Butuh Perbaikan"},
    {OrgPredicate::kKurang, "Kurang"},
    {OrgPredicate::kSangatKurang, "Sangat Kurang"},
}};

}  // namespace

std::string_view RatingName(Rating rating) { return Lookup(kRatingNames, rating); }
absl::StatusOr<Rating> ParseRating(std::string_view name, std::string_view field) {
  return Parse(kRatingNames, name, field);
}
std::string_view PredicateName(Predicate predicate) { return Lookup(kPredicateNames, predicate); }
absl::StatusOr<Predicate> ParsePredicate(std::string_view name, std::string_view field) {
  return Parse(kPredicateNames, name, field);
}
std::string_view OrgPredicateName(OrgPredicate predicate) {
  return Lookup(kOrgPredicateNames, predicate);
}
absl::StatusOr<OrgPredicate> ParseOrgPredicate(std::string_view name, std::string_view field) {
  return Parse(kOrgPredicateNames, name, field);
}

std::string_view RatingLabel(Rating rating) { return Lookup(kRatingLabels, rating); }
std::string_view PredicateLabel(Predicate predicate) { return Lookup(kPredicateLabels, predicate); }
std::string_view OrgPredicateLabel(OrgPredicate predicate) {
  return Lookup(kOrgPredicateLabels, predicate);
}

}  // namespace kinerja::rating
