#include "services/review/domain/predicate.h"

#include <gtest/gtest.h>

namespace kinerja::review {
namespace {

TEST(UnitHeadResultsRating, DefaultMapping) {
  EXPECT_EQ(UnitHeadResultsRating(OrgPredicate::kIstimewa), Rating::kAbove);
  EXPECT_EQ(UnitHeadResultsRating(OrgPredicate::kBaik), Rating::kAsExpected);
  EXPECT_EQ(UnitHeadResultsRating(OrgPredicate::kButuhPerbaikan), Rating::kBelow);
  EXPECT_EQ(UnitHeadResultsRating(OrgPredicate::kKurang), Rating::kBelow);
  EXPECT_EQ(UnitHeadResultsRating(OrgPredicate::kSangatKurang), Rating::kBelow);
}

TEST(UnitHeadResultsRating, ConfiguredMapping) {
  OrgResultMapping mapping;
  mapping.results[static_cast<size_t>(OrgPredicate::kBaik) - 1] = Rating::kAbove;
  EXPECT_EQ(UnitHeadResultsRating(OrgPredicate::kBaik, mapping), Rating::kAbove);
  EXPECT_EQ(UnitHeadResultsRating(OrgPredicate::kIstimewa, mapping), Rating::kAbove);
  EXPECT_EQ(UnitHeadResultsRating(OrgPredicate::kKurang, mapping), Rating::kBelow);
}

}  // namespace
}  // namespace kinerja::review
