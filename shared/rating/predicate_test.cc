#include "shared/rating/predicate.h"

#include <gtest/gtest.h>

#include <vector>

#include "shared/rating/names.h"

namespace kinerja::rating {
namespace {

struct Cell {
  Rating results;
  Rating behaviour;
  Predicate predicate;
  int code;
};

// All 9 cells of DOMAIN.md's matrix, with the national codes.
TEST(DerivePredicate, MatrixOfDomainMd) {
  const std::vector<Cell> cells = {
      {Rating::kAbove, Rating::kBelow, Predicate::kKurang, 4},
      {Rating::kAbove, Rating::kAsExpected, Predicate::kBaik, 2},
      {Rating::kAbove, Rating::kAbove, Predicate::kSangatBaik, 1},
      {Rating::kAsExpected, Rating::kBelow, Predicate::kKurang, 4},
      {Rating::kAsExpected, Rating::kAsExpected, Predicate::kBaik, 2},
      {Rating::kAsExpected, Rating::kAbove, Predicate::kBaik, 2},
      {Rating::kBelow, Rating::kBelow, Predicate::kSangatKurang, 5},
      {Rating::kBelow, Rating::kAsExpected, Predicate::kButuhPerbaikan, 3},
      {Rating::kBelow, Rating::kAbove, Predicate::kButuhPerbaikan, 3},
  };
  for (const Cell& c : cells) {
    const Predicate got = DerivePredicate(c.results, c.behaviour);
    EXPECT_EQ(got, c.predicate) << RatingName(c.results) << " x " << RatingName(c.behaviour)
                                << " -> " << PredicateName(got);
    EXPECT_EQ(PredicateCode(got), c.code)
        << RatingName(c.results) << " x " << RatingName(c.behaviour);
  }
}

// The known integration bug returns 3 for behaviour below: never.
TEST(DerivePredicate, BehaviourBelowIsNeverButuhPerbaikan) {
  for (Rating results : kAllRatings) {
    EXPECT_NE(PredicateCode(DerivePredicate(results, Rating::kBelow)), 3) << RatingName(results);
  }
}

}  // namespace
}  // namespace kinerja::rating
