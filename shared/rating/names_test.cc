#include "shared/rating/names.h"

#include <gtest/gtest.h>

#include <array>

#include "shared/rating/test_util.h"

namespace kinerja::rating {
namespace {

using test_util::IsInvalid;

// Every value's name parses back to the value, and names are distinct and non-empty.
template <typename Enum, size_t N, typename NameFn, typename ParseFn>
void ExpectRoundTrip(const std::array<Enum, N>& values, NameFn name, ParseFn parse) {
  for (Enum v : values) {
    EXPECT_FALSE(name(v).empty());
    auto parsed = parse(name(v), "f");
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(*parsed, v) << name(v);
  }
}

TEST(Names, StableNames) {
  EXPECT_EQ(RatingName(Rating::kAbove), "ABOVE");
  EXPECT_EQ(RatingName(Rating::kAsExpected), "AS_EXPECTED");
  EXPECT_EQ(RatingName(Rating::kBelow), "BELOW");
  EXPECT_EQ(PredicateName(Predicate::kSangatBaik), "SANGAT_BAIK");
  EXPECT_EQ(PredicateName(Predicate::kBaik), "BAIK");
  EXPECT_EQ(PredicateName(Predicate::kButuhPerbaikan), "BUTUH_PERBAIKAN");
  EXPECT_EQ(PredicateName(Predicate::kKurang), "KURANG");
  EXPECT_EQ(PredicateName(Predicate::kSangatKurang), "SANGAT_KURANG");
  EXPECT_EQ(OrgPredicateName(OrgPredicate::kIstimewa), "ISTIMEWA");
  EXPECT_EQ(OrgPredicateName(OrgPredicate::kBaik), "BAIK");
  EXPECT_EQ(OrgPredicateName(OrgPredicate::kButuhPerbaikan), "BUTUH_PERBAIKAN");
  EXPECT_EQ(OrgPredicateName(OrgPredicate::kKurang), "KURANG");
  EXPECT_EQ(OrgPredicateName(OrgPredicate::kSangatKurang), "SANGAT_KURANG");
}

TEST(Names, RoundTrip) {
  ExpectRoundTrip(kAllRatings, RatingName, ParseRating);
  ExpectRoundTrip(kAllPredicates, PredicateName, ParsePredicate);
  ExpectRoundTrip(kAllOrgPredicates, OrgPredicateName, ParseOrgPredicate);
}

TEST(Names, UnknownNamesNameTheField) {
  EXPECT_TRUE(IsInvalid(ParseRating("above", "results_rating").status(), "results_rating"));
  EXPECT_TRUE(IsInvalid(ParsePredicate("", "predicate").status(), "predicate"));
  EXPECT_TRUE(IsInvalid(ParseOrgPredicate("SANGAT_BAIK", "org").status(), "org"));
  EXPECT_EQ(RatingName(static_cast<Rating>(9)), "");
  EXPECT_EQ(PredicateName(static_cast<Predicate>(0)), "");
}

TEST(Names, IndonesianLabels) {
  EXPECT_EQ(PredicateLabel(Predicate::kSangatBaik), "Sangat Baik");
  EXPECT_EQ(PredicateLabel(Predicate::kBaik), "Baik");
  EXPECT_EQ(PredicateLabel(Predicate::kButuhPerbaikan), "Butuh Perbaikan");
  EXPECT_EQ(PredicateLabel(Predicate::kKurang), "Kurang/Misconduct");
  EXPECT_EQ(PredicateLabel(Predicate::kSangatKurang), "Sangat Kurang");
  EXPECT_EQ(OrgPredicateLabel(OrgPredicate::kIstimewa), "Istimewa");
  EXPECT_EQ(OrgPredicateLabel(OrgPredicate::kKurang), "Kurang");
  EXPECT_EQ(RatingLabel(Rating::kAbove), "Di Atas Ekspektasi");
  EXPECT_EQ(RatingLabel(Rating::kAsExpected), "Sesuai Ekspektasi");
  EXPECT_EQ(RatingLabel(Rating::kBelow), "Di Bawah Ekspektasi");
}

}  // namespace
}  // namespace kinerja::rating
