#include "shared/rpc/page_token.h"

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "shared/crypto/encoding.h"

namespace kinerja::rpc {
namespace {

using ::testing::HasSubstr;

const std::string kKey = "0123456789abcdef0123456789abcdef";

TEST(PageTokenCodecTest, RoundTrips) {
  PageTokenCodec codec(kKey);
  PageCursor cursor{{"2024-01-02", "", std::string("a\0b", 3)}, QueryFingerprint({"p", "f"})};
  absl::StatusOr<PageCursor> decoded = codec.Decode(codec.Encode(cursor), cursor.query_fingerprint);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, cursor);
}

TEST(PageTokenCodecTest, TokenIsUrlSafe) {
  PageTokenCodec codec(kKey);
  std::string token = codec.Encode({{"x"}, "fp"});
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
}

TEST(PageTokenCodecTest, RejectsEveryFlippedByte) {
  PageTokenCodec codec(kKey);
  std::string raw = *crypto::Base64UrlDecode(codec.Encode({{"42", "b"}, "fp"}));
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string bad = raw;
    bad[i] ^= 0x01;
    absl::StatusOr<PageCursor> decoded = codec.Decode(crypto::Base64UrlEncode(bad), "fp");
    ASSERT_FALSE(decoded.ok()) << "byte " << i;
    EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(decoded.status().message(), "page_token: invalid or tampered");
  }
}

TEST(PageTokenCodecTest, RejectsTokenFromAnotherKey) {
  PageTokenCodec codec(kKey);
  PageTokenCodec other("another key of enough length!!");
  EXPECT_FALSE(codec.Decode(other.Encode({{"1"}, "fp"}), "fp").ok());
}

TEST(PageTokenCodecTest, RejectsGarbage) {
  PageTokenCodec codec(kKey);
  for (std::string_view garbage : {"", "!!!", "abc", "a", "AAAA"}) {
    absl::StatusOr<PageCursor> decoded = codec.Decode(garbage, "fp");
    ASSERT_FALSE(decoded.ok()) << garbage;
    EXPECT_THAT(std::string(decoded.status().message()), testing::StartsWith("page_token: "));
  }
  EXPECT_EQ(codec.Decode(std::string(5000, 'A'), "fp").status().message(), "page_token: too long");
}

TEST(PageTokenCodecTest, RejectsTokenFromDifferentQuery) {
  PageTokenCodec codec(kKey);
  std::string token = codec.Encode({{"1"}, QueryFingerprint({"agencies/1", "grade = 1", ""})});
  absl::StatusOr<PageCursor> decoded =
      codec.Decode(token, QueryFingerprint({"agencies/1", "grade = 2", ""}));
  EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(decoded.status().message()), HasSubstr("does not match this request"));
}

TEST(PageTokenCodecDeathTest, ShortKeyAborts) {
  EXPECT_DEATH(PageTokenCodec("short"), "at least 16 bytes");
}

TEST(QueryFingerprintTest, FramesParts) {
  EXPECT_EQ(QueryFingerprint({"a", "b"}), QueryFingerprint({"a", "b"}));
  EXPECT_NE(QueryFingerprint({"ab", "c"}), QueryFingerprint({"a", "bc"}));
  EXPECT_NE(QueryFingerprint({"a", ""}), QueryFingerprint({"a"}));
  EXPECT_EQ(QueryFingerprint({"x"}).size(), 32u);
}

TEST(ClampPageSizeTest, AppliesAip158Rules) {
  EXPECT_EQ(*ClampPageSize(0, 50, 1000), 50);
  EXPECT_EQ(*ClampPageSize(7, 50, 1000), 7);
  EXPECT_EQ(*ClampPageSize(1000, 50, 1000), 1000);
  EXPECT_EQ(*ClampPageSize(5000, 50, 1000), 1000);
  absl::StatusOr<int> negative = ClampPageSize(-1, 50, 1000);
  EXPECT_EQ(negative.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(negative.status().message(), "page_size: must not be negative");
}

}  // namespace
}  // namespace kinerja::rpc
