#include "services/review/domain/types.h"

#include <gtest/gtest.h>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
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

TEST(NationalCodes, PeriodikId) {
  EXPECT_EQ(PeriodikId(Cadence::kMonthly), 1);
  EXPECT_EQ(PeriodikId(Cadence::kQuarterly), 2);
  EXPECT_EQ(*CadenceFromPeriodikId(1, "f"), Cadence::kMonthly);
  EXPECT_EQ(*CadenceFromPeriodikId(2, "f"), Cadence::kQuarterly);
  EXPECT_TRUE(IsInvalid(CadenceFromPeriodikId(3, "periodik_id").status(), "periodik_id"));
}

}  // namespace
}  // namespace kinerja::review
