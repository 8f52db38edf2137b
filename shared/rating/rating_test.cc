#include "shared/rating/rating.h"

#include <gtest/gtest.h>

#include "shared/rating/test_util.h"

namespace kinerja::rating {
namespace {

using test_util::IsInvalid;

TEST(NationalCodes, RatingCodes) {
  EXPECT_EQ(RatingCode(Rating::kAbove), 1);
  EXPECT_EQ(RatingCode(Rating::kAsExpected), 2);
  EXPECT_EQ(RatingCode(Rating::kBelow), 3);
  for (Rating r : kAllRatings) EXPECT_EQ(*RatingFromCode(RatingCode(r), "f"), r);
  EXPECT_TRUE(IsInvalid(RatingFromCode(0, "hasil").status(), "hasil"));
  EXPECT_TRUE(IsInvalid(RatingFromCode(4, "hasil").status(), "hasil"));
}

TEST(NationalCodes, PredicateCodes) {
  EXPECT_EQ(PredicateCode(Predicate::kSangatBaik), 1);
  EXPECT_EQ(PredicateCode(Predicate::kBaik), 2);
  EXPECT_EQ(PredicateCode(Predicate::kButuhPerbaikan), 3);
  EXPECT_EQ(PredicateCode(Predicate::kKurang), 4);
  EXPECT_EQ(PredicateCode(Predicate::kSangatKurang), 5);
  for (Predicate p : kAllPredicates) EXPECT_EQ(*PredicateFromCode(PredicateCode(p), "f"), p);
  EXPECT_TRUE(IsInvalid(PredicateFromCode(0, "kuadran").status(), "kuadran"));
  EXPECT_TRUE(IsInvalid(PredicateFromCode(6, "kuadran").status(), "kuadran"));
}

TEST(OrgPredicates, BestFirst) {
  for (size_t i = 0; i < kAllOrgPredicates.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(kAllOrgPredicates[i]), i + 1);
  }
}

}  // namespace
}  // namespace kinerja::rating
