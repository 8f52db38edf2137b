#include "shared/http/route_pattern.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

namespace kinerja::http {
namespace {

using ::testing::ElementsAre;

bool Matches(const RoutePattern& route, const std::string& path) {
  return std::regex_match(path, std::regex(route.regex));
}

TEST(RoutePatternTest, LiteralPathsMatchOnlyThemselves) {
  RoutePattern route = CompileRoutePattern("/metrics.txt");
  EXPECT_TRUE(route.names.empty());
  EXPECT_TRUE(Matches(route, "/metrics.txt"));
  EXPECT_FALSE(Matches(route, "/metricsXtxt"));
  EXPECT_FALSE(Matches(route, "/metrics.txt/more"));
}

TEST(RoutePatternTest, NamedSegmentsBecomeCaptures) {
  RoutePattern route = CompileRoutePattern("/api/units/:unit_id/periods/:year");
  EXPECT_THAT(route.names, ElementsAre("unit_id", "year"));
  std::smatch m;
  const std::string path = "/api/units/U-1/periods/2026";
  ASSERT_TRUE(std::regex_match(path, m, std::regex(route.regex)));
  EXPECT_EQ(m[1].str(), "U-1");
  EXPECT_EQ(m[2].str(), "2026");
  EXPECT_FALSE(Matches(route, "/api/units//periods/2026"));
  EXPECT_FALSE(Matches(route, "/api/units/a/b/periods/2026"));
}

TEST(RoutePatternTest, ColonInsideASegmentIsLiteral) {
  RoutePattern route = CompileRoutePattern("/a:b");
  EXPECT_TRUE(route.names.empty());
  EXPECT_TRUE(Matches(route, "/a:b"));
}

}  // namespace
}  // namespace kinerja::http
