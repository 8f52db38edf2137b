#include "services/analytics/domain/rater_statistics.h"

#include <gtest/gtest.h>

namespace kinerja::analytics {
namespace {

RatingTally Tally(int64_t above, int64_t as_expected, int64_t below) {
  return RatingTally{above, as_expected, below};
}

bool HasFlag(const RaterResult& r, RaterFlag flag) {
  for (RaterFlag f : r.flags) {
    if (f == flag) return true;
  }
  return false;
}

TEST(RatingTally, AddsByNationalCode) {
  RatingTally t;
  t.Add(kRatingAbove);
  t.Add(kRatingBelow);
  t.Add(kRatingBelow);
  t.Add(kRatingAsExpected);
  t.Add(0);  // not rated: ignored
  EXPECT_EQ(t, Tally(1, 1, 2));
  t += Tally(1, 0, 0);
  EXPECT_EQ(t.Total(), 5);
}

TEST(MeanScore, AboveCountsPlusOneBelowMinusOne) {
  EXPECT_EQ(MeanScore(Tally(0, 0, 0)), std::nullopt);
  EXPECT_DOUBLE_EQ(*MeanScore(Tally(3, 1, 0)), 0.75);
  EXPECT_DOUBLE_EQ(*MeanScore(Tally(1, 2, 1)), 0.0);
  EXPECT_DOUBLE_EQ(*MeanScore(Tally(0, 0, 4)), -1.0);
}

TEST(RatingOf360, ThirdsAreTheEdges) {
  EXPECT_EQ(RatingOf360({0, 0, 0}), std::nullopt);
  // (above - below) / answers exactly 1/3: ABOVE; just under: AS_EXPECTED.
  EXPECT_EQ(RatingOf360({.below = 0, .as_expected = 2, .above = 1}), kRatingAbove);
  EXPECT_EQ(RatingOf360({.below = 1, .as_expected = 5, .above = 3}), kRatingAsExpected);
  EXPECT_EQ(RatingOf360({.below = 1, .as_expected = 2, .above = 3}), kRatingAbove);
  EXPECT_EQ(RatingOf360({.below = 0, .as_expected = 7, .above = 3}), kRatingAsExpected);
  // Exactly -1/3: BELOW; just above: AS_EXPECTED.
  EXPECT_EQ(RatingOf360({.below = 1, .as_expected = 2, .above = 0}), kRatingBelow);
  EXPECT_EQ(RatingOf360({.below = 3, .as_expected = 7, .above = 0}), kRatingAsExpected);
  EXPECT_EQ(RatingOf360({.below = 5, .as_expected = 5, .above = 5}), kRatingAsExpected);
}

TEST(MinRatedOf, DefaultAndNegative) {
  EXPECT_EQ(*MinRatedOf(0), 5);
  EXPECT_EQ(*MinRatedOf(1), 1);
  EXPECT_EQ(MinRatedOf(-1).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ComputeRaterStatistics, SharesMeanBaselineAndLeniency) {
  RaterInput in;
  in.rated = 5;
  in.given = Tally(6, 4, 0);     // mean 0.6
  in.baseline = Tally(1, 8, 1);  // mean 0.0
  RaterResult r = ComputeRaterStatistics(in, {});
  EXPECT_DOUBLE_EQ(r.above_share, 0.6);
  EXPECT_DOUBLE_EQ(r.as_expected_share, 0.4);
  EXPECT_DOUBLE_EQ(r.below_share, 0.0);
  EXPECT_DOUBLE_EQ(r.mean_score, 0.6);
  EXPECT_TRUE(r.has_baseline);
  EXPECT_DOUBLE_EQ(r.baseline_score, 0.0);
  EXPECT_DOUBLE_EQ(r.leniency, 0.6);
  EXPECT_TRUE(HasFlag(r, RaterFlag::kLenient));
  EXPECT_FALSE(HasFlag(r, RaterFlag::kSevere));
}

TEST(ComputeRaterStatistics, LeniencyThresholdIsInclusive) {
  RaterInput in;
  in.rated = 5;
  in.given = Tally(5, 5, 0);     // 0.5
  in.baseline = Tally(0, 4, 0);  // 0
  EXPECT_TRUE(HasFlag(ComputeRaterStatistics(in, {}), RaterFlag::kLenient));
  in.given = Tally(4, 6, 0);  // 0.4: under
  EXPECT_TRUE(ComputeRaterStatistics(in, {}).flags.empty());
  in.given = Tally(0, 5, 5);  // -0.5
  EXPECT_TRUE(HasFlag(ComputeRaterStatistics(in, {}), RaterFlag::kSevere));
}

TEST(ComputeRaterStatistics, NoFlagsUnderMinRated) {
  RaterInput in;
  in.rated = 4;
  in.given = Tally(0, 0, 8);
  in.baseline = Tally(4, 0, 0);
  RaterResult r = ComputeRaterStatistics(in, {});
  EXPECT_DOUBLE_EQ(r.leniency, -2.0);
  EXPECT_TRUE(r.flags.empty());
  in.rated = 5;
  EXPECT_TRUE(HasFlag(ComputeRaterStatistics(in, {}), RaterFlag::kSevere));
}

TEST(ComputeRaterStatistics, NoBaselineNoLeniencyFlag) {
  RaterInput in;
  in.rated = 10;
  in.given = Tally(20, 0, 0);
  RaterResult r = ComputeRaterStatistics(in, {});
  EXPECT_FALSE(r.has_baseline);
  EXPECT_DOUBLE_EQ(r.leniency, 0.0);
  EXPECT_TRUE(r.flags.empty());
}

TEST(ComputeRaterStatistics, CentralTendencyAtNinetyPercent) {
  RaterInput in;
  in.rated = 5;
  in.given = Tally(1, 9, 0);  // exactly 0.9
  in.baseline = Tally(1, 9, 0);
  EXPECT_EQ(ComputeRaterStatistics(in, {}).flags,
            std::vector<RaterFlag>{RaterFlag::kCentralTendency});
  in.given = Tally(2, 17, 1);  // 0.85
  EXPECT_TRUE(ComputeRaterStatistics(in, {}).flags.empty());
}

TEST(ComputeRaterStatistics, AgreementWith360) {
  RaterInput in;
  in.rated = 5;
  in.given = Tally(0, 10, 0);
  // 360 says above in all five; the assessor rated behaviour above in two.
  for (int i = 0; i < 5; ++i) {
    in.with_360.push_back({i < 2 ? kRatingAbove : kRatingAsExpected, {0, 1, 4}});
  }
  // A summary with no answers does not count.
  in.with_360.push_back({kRatingAbove, {0, 0, 0}});
  RaterResult r = ComputeRaterStatistics(in, {});
  EXPECT_EQ(r.with_360, 5);
  EXPECT_DOUBLE_EQ(r.agreement_360, 0.4);
  EXPECT_TRUE(HasFlag(r, RaterFlag::kDisagreesWith360));
  EXPECT_TRUE(HasFlag(r, RaterFlag::kCentralTendency));
  // Exactly half agree: not flagged.
  in.with_360.resize(4);
  EXPECT_FALSE(HasFlag(ComputeRaterStatistics(in, {}), RaterFlag::kDisagreesWith360));
}

TEST(ComputeRaterStatistics, DisagreementNeedsMinRated360Assessments) {
  RaterInput in;
  in.rated = 10;
  in.given = Tally(10, 10, 0);
  for (int i = 0; i < 4; ++i) in.with_360.push_back({kRatingBelow, {0, 0, 3}});
  RaterResult r = ComputeRaterStatistics(in, {});
  EXPECT_EQ(r.with_360, 4);
  EXPECT_DOUBLE_EQ(r.agreement_360, 0.0);
  EXPECT_FALSE(HasFlag(r, RaterFlag::kDisagreesWith360));
  RaterThresholds low;
  low.min_rated = 4;
  EXPECT_TRUE(HasFlag(ComputeRaterStatistics(in, low), RaterFlag::kDisagreesWith360));
}

TEST(ComputeRaterStatistics, NothingRated) {
  RaterResult r = ComputeRaterStatistics({}, {});
  EXPECT_DOUBLE_EQ(r.mean_score, 0.0);
  EXPECT_TRUE(r.flags.empty());
}

}  // namespace
}  // namespace kinerja::analytics
