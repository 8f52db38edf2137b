#include "services/analytics/domain/suppression.h"

#include <gtest/gtest.h>

namespace kinerja::analytics {
namespace {

std::vector<bool> Suppressed(const std::vector<int64_t>& sizes, int k) {
  auto s = SuppressSmallGroups(sizes, k);
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? s->group_suppressed : std::vector<bool>{};
}

TEST(SuppressSmallGroups, NothingUnderK) {
  auto s = SuppressSmallGroups({5, 6, 100}, 5);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->group_suppressed, (std::vector<bool>{false, false, false}));
  EXPECT_FALSE(s->total_suppressed);
  EXPECT_EQ(s->suppressed_groups, 0);
}

TEST(SuppressSmallGroups, ExactlyKIsPublishedOneLessIsNot) {
  // Two small groups: they hide each other, no companion needed.
  EXPECT_EQ(Suppressed({4, 5, 4, 10}, 5), (std::vector<bool>{true, false, true, false}));
}

TEST(SuppressSmallGroups, ASingleSuppressedGroupTakesTheNextSmallestWithIt) {
  auto s = SuppressSmallGroups({20, 3, 7, 9}, 5);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->group_suppressed, (std::vector<bool>{false, true, true, false}));
  EXPECT_EQ(s->suppressed_groups, 2);
  EXPECT_FALSE(s->total_suppressed);
}

TEST(SuppressSmallGroups, CompanionTiesGoToTheFirst) {
  EXPECT_EQ(Suppressed({8, 1, 8}, 5), (std::vector<bool>{true, true, false}));
}

TEST(SuppressSmallGroups, OneSmallAndOneLargeGroupHideBoth) {
  // The total (13) is published; with one group suppressed the other would give it away.
  auto s = SuppressSmallGroups({3, 10}, 5);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->group_suppressed, (std::vector<bool>{true, true}));
  EXPECT_FALSE(s->total_suppressed);
}

TEST(SuppressSmallGroups, TotalUnderKIsSuppressedAndNeedsNoCompanion) {
  auto s = SuppressSmallGroups({4}, 5);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->group_suppressed, std::vector<bool>{true});
  EXPECT_TRUE(s->total_suppressed);
  EXPECT_EQ(s->suppressed_groups, 1);
  auto two = SuppressSmallGroups({1, 3}, 5);
  ASSERT_TRUE(two.ok());
  EXPECT_TRUE(two->total_suppressed);
  EXPECT_EQ(two->suppressed_groups, 2);
  // Total exactly k: published, and its one small group needs the other.
  auto at_k = SuppressSmallGroups({1, 4}, 5);
  ASSERT_TRUE(at_k.ok());
  EXPECT_FALSE(at_k->total_suppressed);
  EXPECT_EQ(at_k->group_suppressed, (std::vector<bool>{true, true}));
}

TEST(SuppressSmallGroups, SingleGroupAtKIsPublished) {
  auto s = SuppressSmallGroups({5}, 5);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->group_suppressed, std::vector<bool>{false});
  EXPECT_FALSE(s->total_suppressed);
}

TEST(SuppressSmallGroups, NoGroups) {
  auto s = SuppressSmallGroups({}, 5);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->total_suppressed);  // 0 < k
  EXPECT_EQ(s->suppressed_groups, 0);
}

TEST(SuppressSmallGroups, KOfOneSuppressesNothing) {
  EXPECT_EQ(Suppressed({1, 1, 2}, 1), (std::vector<bool>{false, false, false}));
}

TEST(SuppressSmallGroups, RejectsBadInput) {
  EXPECT_EQ(SuppressSmallGroups({5}, 0).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SuppressSmallGroups({5, 0}, 5).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kinerja::analytics
