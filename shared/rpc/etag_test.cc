#include "shared/rpc/etag.h"

#include <cstdint>
#include <limits>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::rpc {
namespace {

TEST(EtagTest, RoundTrips) {
  for (int64_t v : {int64_t{0}, int64_t{1}, int64_t{-5}, int64_t{123456789},
                    std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()}) {
    absl::StatusOr<int64_t> back = VersionFromEtag(EtagFor(v));
    ASSERT_TRUE(back.ok()) << EtagFor(v) << ": " << back.status();
    EXPECT_EQ(*back, v);
  }
}

TEST(EtagTest, Format) { EXPECT_EQ(EtagFor(7), "W/\"7\""); }

TEST(EtagTest, DifferentVersionsDifferentEtags) { EXPECT_NE(EtagFor(1), EtagFor(2)); }

TEST(EtagTest, RejectsGarbage) {
  for (std::string_view bad :
       {"", "7", "\"7\"", "W/\"\"", "W/\"", "W/\"07\"", "W/\"-0\"", "W/\"+7\"", "W/\"7 \"",
        "W/\"abc\"", "W/\"99999999999999999999\"", "w/\"7\"", "W/\"7\"x"}) {
    absl::StatusOr<int64_t> version = VersionFromEtag(bad);
    ASSERT_FALSE(version.ok()) << bad;
    EXPECT_EQ(version.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(version.status().message()), testing::StartsWith("etag: "));
  }
}

}  // namespace
}  // namespace kinerja::rpc
