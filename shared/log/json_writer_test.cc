#include "shared/log/json_writer.h"

#include <limits>

#include "gtest/gtest.h"

namespace kinerja::log {
namespace {

std::string Json(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

TEST(AppendJsonStringTest, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(Json("plain"), "\"plain\"");
  EXPECT_EQ(Json("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(Json("l1\nl2\r\t"), "\"l1\\nl2\\r\\t\"");
  EXPECT_EQ(Json(std::string_view("\0\x01\x1f", 3)), "\"\\u0000\\u0001\\u001f\"");
  // DEL is not a JSON control character (RFC 8259 section 7): it passes through.
  EXPECT_EQ(Json("\x7f"), "\"\x7f\"");
}

TEST(AppendJsonStringTest, PassesValidUtf8Through) {
  EXPECT_EQ(Json("Penilaian \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            "\"Penilaian \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
}

TEST(AppendJsonStringTest, ReplacesInvalidUtf8) {
  const std::string r = "\xEF\xBF\xBD";
  EXPECT_EQ(Json("a\xFF"
                 "b"),
            "\"a" + r + "b\"");
  EXPECT_EQ(Json("\xC3"), "\"" + r + "\"");                          // truncated sequence
  EXPECT_EQ(Json("\xC0\xAF"), "\"" + r + r + "\"");                  // overlong '/'
  EXPECT_EQ(Json("\xED\xA0\x80"), "\"" + r + r + r + "\"");          // surrogate
  EXPECT_EQ(Json("\xF4\x90\x80\x80"), "\"" + r + r + r + r + "\"");  // above U+10FFFF
}

TEST(AppendJsonNumberTest, FiniteAndSpecial) {
  std::string out;
  AppendJsonNumber(&out, 0.25);
  out += ' ';
  AppendJsonNumber(&out, std::numeric_limits<double>::quiet_NaN());
  out += ' ';
  AppendJsonNumber(&out, -std::numeric_limits<double>::infinity());
  EXPECT_EQ(out, "0.25 \"NaN\" \"-Infinity\"");
}

}  // namespace
}  // namespace kinerja::log
