#include "shared/text/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace kinerja::text {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Split(std::string_view line) {
  CsvLineSplitter splitter;
  absl::Status status = splitter.Split(line);
  EXPECT_TRUE(status.ok()) << status << " for " << line;
  return std::vector<std::string>(splitter.fields().begin(), splitter.fields().end());
}

std::string Error(std::string_view line) {
  CsvLineSplitter splitter;
  absl::Status status = splitter.Split(line);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << line;
  EXPECT_TRUE(splitter.fields().empty());
  return std::string(status.message());
}

TEST(CsvLineSplitter, PlainFields) {
  EXPECT_THAT(Split("a,b,c"), ElementsAre("a", "b", "c"));
  EXPECT_THAT(Split(""), ElementsAre(""));
  EXPECT_THAT(Split(","), ElementsAre("", ""));
  EXPECT_THAT(Split("a,,c,"), ElementsAre("a", "", "c", ""));
  EXPECT_THAT(Split(" a , b "), ElementsAre(" a ", " b "));  // spaces are data
  EXPECT_THAT(Split("a,b\r"), ElementsAre("a", "b"));
}

TEST(CsvLineSplitter, QuotedFields) {
  EXPECT_THAT(Split("\"a,b\",c"), ElementsAre("a,b", "c"));
  EXPECT_THAT(Split("\"He said \"\"hi\"\"\",x"), ElementsAre("He said \"hi\"", "x"));
  EXPECT_THAT(Split("\"\""), ElementsAre(""));
  EXPECT_THAT(Split("\"\"\"\""), ElementsAre("\""));
  EXPECT_THAT(Split("x,\"\",y"), ElementsAre("x", "", "y"));
  EXPECT_THAT(Split("\"a\",\"b\","), ElementsAre("a", "b", ""));
  EXPECT_THAT(Split("\"Dr. H. Ahmad, S.H., M.H.\",198609262015051001"),
              ElementsAre("Dr. H. Ahmad, S.H., M.H.", "198609262015051001"));
}

TEST(CsvLineSplitter, Errors) {
  EXPECT_EQ(Error("\"abc"), "csv: unterminated quoted field starting at character 1");
  EXPECT_EQ(Error("a,\"b\"\"c"), "csv: unterminated quoted field starting at character 3");
  EXPECT_EQ(Error("\"a\"b,c"), "csv: text after a closing quote at character 4");
  EXPECT_EQ(Error("ab\"c,d"), "csv: quote inside an unquoted field at character 3");
  EXPECT_EQ(Error("x,a\""), "csv: quote inside an unquoted field at character 4");
}

TEST(CsvLineSplitter, ReusableAcrossLines) {
  CsvLineSplitter splitter;
  ASSERT_TRUE(splitter.Split("\"first, quoted\",1").ok());
  EXPECT_THAT(splitter.fields(), ElementsAre("first, quoted", "1"));
  ASSERT_FALSE(splitter.Split("\"broken").ok());
  ASSERT_TRUE(splitter.Split("\"a\",\"b\",\"c\"").ok());
  EXPECT_THAT(splitter.fields(), ElementsAre("a", "b", "c"));
  // Many quoted fields: views must stay valid (the buffer never reallocates mid-line).
  std::string line;
  for (int i = 0; i < 200; ++i) line += "\"field " + std::to_string(i) + "\",";
  line.pop_back();
  ASSERT_TRUE(splitter.Split(line).ok());
  ASSERT_EQ(splitter.fields().size(), 200u);
  EXPECT_EQ(splitter.fields()[0], "field 0");
  EXPECT_EQ(splitter.fields()[199], "field 199");
}

}  // namespace
}  // namespace kinerja::text
