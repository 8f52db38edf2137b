#include "services/analytics/domain/development.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kinerja::analytics {
namespace {

TEST(CoreValueThemes, SevenValuesInOfficialOrderWithThemes) {
  const auto& themes = CoreValueThemes();
  EXPECT_EQ(themes[0].label, "Berorientasi Pelayanan");
  EXPECT_EQ(themes[0].theme, "Pelayanan publik prima");
  EXPECT_EQ(themes[6].label, "Kolaboratif");
  std::set<std::string> distinct;
  for (const CoreValueTheme& t : themes) {
    EXPECT_FALSE(t.theme.empty()) << t.name;
    distinct.insert(std::string(t.theme));
  }
  EXPECT_EQ(distinct.size(), 7u);
}

TEST(CoreValueIndex, StableNamesWithOrWithoutPrefix) {
  EXPECT_EQ(CoreValueIndex("SERVICE_ORIENTED"), 0);
  EXPECT_EQ(CoreValueIndex("CORE_VALUE_COLLABORATIVE"), 6);
  EXPECT_EQ(CoreValueIndex("LOYAL"), 4);
  EXPECT_EQ(CoreValueIndex("CORE_VALUE_UNSPECIFIED"), std::nullopt);
  EXPECT_EQ(CoreValueIndex("loyal"), std::nullopt);
  EXPECT_EQ(CoreValueIndex(""), std::nullopt);
}

TEST(Peer360Below, MoreBelowThanAbove) {
  EXPECT_TRUE(Peer360Below(2, 1));
  EXPECT_FALSE(Peer360Below(1, 1));
  EXPECT_FALSE(Peer360Below(0, 0));
  EXPECT_FALSE(Peer360Below(1, 2));
}

TEST(SharePercent, PerHundredAssessed) {
  EXPECT_DOUBLE_EQ(SharePercent(3, 12), 25.0);
  EXPECT_DOUBLE_EQ(SharePercent(0, 12), 0.0);
  EXPECT_DOUBLE_EQ(SharePercent(3, 0), 0.0);
}

}  // namespace
}  // namespace kinerja::analytics
