#include "services/analytics/domain/indicator_health.h"

#include <gtest/gtest.h>

#include <limits>

namespace kinerja::analytics {
namespace {

const IndicatorTarget kHigher{.target_min = 100, .target_max = 100};
const IndicatorTarget kLower{.target_min = 2, .target_max = 2, .lower_is_better = true};

TEST(IndicatorHealthSettingsOf, DefaultsAndEdges) {
  auto d = IndicatorHealthSettingsOf(0, 0);
  ASSERT_TRUE(d.ok());
  EXPECT_DOUBLE_EQ(d->far_above_ratio, 1.5);
  EXPECT_EQ(d->min_windows, 3);
  auto one = IndicatorHealthSettingsOf(1.0, 1);
  ASSERT_TRUE(one.ok());
  EXPECT_DOUBLE_EQ(one->far_above_ratio, 1.0);
  EXPECT_EQ(one->min_windows, 1);
  EXPECT_FALSE(IndicatorHealthSettingsOf(0.99, 3).ok());
  EXPECT_FALSE(IndicatorHealthSettingsOf(-2, 3).ok());
  EXPECT_FALSE(IndicatorHealthSettingsOf(std::numeric_limits<double>::quiet_NaN(), 3).ok());
  EXPECT_FALSE(IndicatorHealthSettingsOf(std::numeric_limits<double>::infinity(), 3).ok());
  EXPECT_FALSE(IndicatorHealthSettingsOf(1.5, -1).ok());
}

TEST(Achievement, HigherIsBetterAgainstTargetMax) {
  EXPECT_DOUBLE_EQ(*Achievement(kHigher, 150), 1.5);
  EXPECT_DOUBLE_EQ(*Achievement({.target_min = 80, .target_max = 100}, 90), 0.9);
  EXPECT_EQ(Achievement({.target_min = 0, .target_max = 0}, 5), std::nullopt);
  EXPECT_DOUBLE_EQ(*Achievement(kHigher, 1e9), kMaxAchievement);
}

TEST(Achievement, LowerIsBetterTargetOverRealisation) {
  EXPECT_DOUBLE_EQ(*Achievement(kLower, 1), 2.0);
  EXPECT_DOUBLE_EQ(*Achievement(kLower, 4), 0.5);
  EXPECT_DOUBLE_EQ(*Achievement(kLower, 0), kMaxAchievement);
  EXPECT_EQ(Achievement({.target_min = 0, .target_max = 3, .lower_is_better = true}, 1),
            std::nullopt);
}

TEST(ClassifyIndicator, AlwaysFarAboveNeedsEveryWindowAtTheRatio) {
  IndicatorHealthSettings s;
  auto at = ClassifyIndicator(kHigher, {.windows = 3, .min_value = 150, .max_value = 400}, s);
  ASSERT_TRUE(at.has_value());
  EXPECT_TRUE(at->always_far_above);
  EXPECT_DOUBLE_EQ(at->min_achievement, 1.5);
  EXPECT_DOUBLE_EQ(at->max_achievement, 4.0);
  EXPECT_FALSE(at->never_reached);
  auto under = ClassifyIndicator(kHigher, {.windows = 3, .min_value = 149, .max_value = 400}, s);
  EXPECT_FALSE(under->always_far_above);
}

TEST(ClassifyIndicator, MinWindows) {
  IndicatorHealthSettings s;
  auto two = ClassifyIndicator(kHigher, {.windows = 2, .min_value = 500, .max_value = 500}, s);
  ASSERT_TRUE(two.has_value());
  EXPECT_FALSE(two->always_far_above);
  EXPECT_DOUBLE_EQ(two->min_achievement, 5.0);
  EXPECT_EQ(ClassifyIndicator(kHigher, {.windows = 0}, s), std::nullopt);
}

TEST(ClassifyIndicator, NeverReachedBelowTargetMinInEveryWindow) {
  IndicatorHealthSettings s;
  const IndicatorTarget range{.target_min = 80, .target_max = 100};
  EXPECT_TRUE(ClassifyIndicator(range, {.windows = 4, .min_value = 10, .max_value = 79.9}, s)
                  ->never_reached);
  // One window at target_min: reached once.
  EXPECT_FALSE(
      ClassifyIndicator(range, {.windows = 4, .min_value = 10, .max_value = 80}, s)->never_reached);
}

TEST(ClassifyIndicator, LowerIsBetterIsInverted) {
  IndicatorHealthSettings s;
  // Realisations 1..1.3 days against 2: achievement 2/1.3 = 1.54 .. 2: far above.
  auto fast = ClassifyIndicator(kLower, {.windows = 3, .min_value = 1, .max_value = 1.3}, s);
  EXPECT_TRUE(fast->always_far_above);
  EXPECT_DOUBLE_EQ(fast->max_achievement, 2.0);
  EXPECT_NEAR(fast->min_achievement, 2 / 1.3, 1e-12);
  // 2.5 .. 4 days against at most 2: never reached; exactly 2 once: reached.
  EXPECT_TRUE(ClassifyIndicator(kLower, {.windows = 3, .min_value = 2.5, .max_value = 4}, s)
                  ->never_reached);
  EXPECT_FALSE(
      ClassifyIndicator(kLower, {.windows = 3, .min_value = 2, .max_value = 4}, s)->never_reached);
}

TEST(ClassifyIndicator, IncomparableTarget) {
  EXPECT_EQ(ClassifyIndicator({.target_min = 0, .target_max = 0},
                              {.windows = 5, .min_value = 1, .max_value = 2}, {}),
            std::nullopt);
}

}  // namespace
}  // namespace kinerja::analytics
