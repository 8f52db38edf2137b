#include "services/analytics/web/csv_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "shared/text/csv.h"

namespace kinerja::analytics::web {
namespace {

using ::testing::ElementsAre;

// Reads one record back with the project's RFC 4180 reader.
std::vector<std::string> ReadBack(std::string_view record) {
  text::CsvLineSplitter splitter;
  absl::Status status = splitter.Split(record);
  EXPECT_TRUE(status.ok()) << status << " for " << record;
  return {splitter.fields().begin(), splitter.fields().end()};
}

TEST(CsvTextField, PlainTextIsLeftAlone) {
  EXPECT_EQ(CsvTextField("Dinas Kesehatan"), "Dinas Kesehatan");
  EXPECT_EQ(CsvTextField(""), "");
  EXPECT_EQ(CsvTextField("Bagian Umum (Sekretariat)"), "Bagian Umum (Sekretariat)");
}

TEST(CsvTextField, QuotesCommasQuotesAndLineBreaks) {
  EXPECT_EQ(CsvTextField("Umum, Kepegawaian"), "\"Umum, Kepegawaian\"");
  EXPECT_EQ(CsvTextField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvTextField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvTextField("cr\rhere"), "\"cr\rhere\"");
}

TEST(CsvTextField, GuardsAgainstFormulas) {
  EXPECT_EQ(CsvTextField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvTextField("=1+1"), "'=1+1");
  EXPECT_EQ(CsvTextField("+62 812"), "'+62 812");
  EXPECT_EQ(CsvTextField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvTextField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvTextField("\tcmd"), "'\tcmd");
  EXPECT_EQ(CsvTextField("\r=1"), "\"'\r=1\"");
  // Only the first character matters.
  EXPECT_EQ(CsvTextField("a=b"), "a=b");
  EXPECT_EQ(CsvTextField("x-1"), "x-1");
}

TEST(CsvWriter, RecordsEndWithCrLfAndReadBack) {
  CsvWriter csv;
  csv.Text("name").Text("count").EndRow();
  csv.Text("Umum, \"Kepegawaian\"").Int(42).EndRow();
  EXPECT_EQ(csv.text(), "name,count\r\n\"Umum, \"\"Kepegawaian\"\"\",42\r\n");
  EXPECT_THAT(ReadBack("\"Umum, \"\"Kepegawaian\"\"\",42\r"),
              ElementsAre("Umum, \"Kepegawaian\"", "42"));
}

TEST(CsvWriter, NumbersAreNeverGuarded) {
  CsvWriter csv;
  csv.Int(-3).Number(-0.25, 2).Number(12.5, 1).Number(-0.0001, 2).Bool(true).Empty().EndRow();
  EXPECT_EQ(csv.Take(), "-3,-0.25,12.5,0.00,true,\r\n");
}

TEST(CsvWriter, NonFiniteNumbersAreEmptyCells) {
  CsvWriter csv;
  csv.Number(std::numeric_limits<double>::quiet_NaN())
      .Number(std::numeric_limits<double>::infinity());
  csv.EndRow();
  EXPECT_EQ(csv.Take(), ",\r\n");
}

TEST(CsvWriter, InjectedNameReadsBackAsTextWithApostrophe) {
  CsvWriter csv;
  csv.Text("=cmd|' /C calc'!A0").Text("ok").EndRow();
  std::string record = csv.Take();
  record.resize(record.size() - 1);  // the reader drops the '\r' itself
  EXPECT_THAT(ReadBack(record), ElementsAre("'=cmd|' /C calc'!A0", "ok"));
}

}  // namespace
}  // namespace kinerja::analytics::web
