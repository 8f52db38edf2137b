#include "services/review/domain/survey.h"

#include <gtest/gtest.h>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using test_util::Fields;
using test_util::IsInvalid;

SurveyColumns Columns() {
  absl::StatusOr<text::CsvHeader> header =
      text::CsvHeader::Parse("respondents,unit_id,survey_id,period_start,period_end,ikm,note");
  EXPECT_TRUE(header.ok());
  absl::StatusOr<SurveyColumns> columns = SurveyColumns::FromHeader(*header);
  EXPECT_TRUE(columns.ok()) << columns.status();
  return *columns;
}

absl::StatusOr<SurveyRow> Row(std::string_view line) {
  text::CsvLineSplitter splitter;
  EXPECT_TRUE(splitter.Split(line).ok());
  return ParseSurveyRow(Columns(), splitter.fields());
}

TEST(SurveyColumns, AnyOrderAllRequired) {
  absl::StatusOr<text::CsvHeader> header = text::CsvHeader::Parse("unit_id,survey_id,ikm");
  ASSERT_TRUE(header.ok());
  absl::Status missing = SurveyColumns::FromHeader(*header).status();
  EXPECT_TRUE(IsInvalid(missing, "header"));
  EXPECT_NE(missing.message().find("period_start, period_end, respondents"), std::string::npos)
      << missing;
}

TEST(ParseIkm, DigitsWithADecimalPointUpTo100) {
  EXPECT_EQ(*ParseIkm("82.5", "ikm"), 825000);
  EXPECT_EQ(*ParseIkm("100", "ikm"), 1000000);
  EXPECT_EQ(*ParseIkm("0.0001", "ikm"), 1);
  EXPECT_EQ(*ParseIkm("7", "ikm"), 70000);
  for (const char* bad :
       {"", "100.0001", "82,5", "-1", "1e2", "82.", ".5", "82.12345", "1000", " 82"}) {
    EXPECT_TRUE(IsInvalid(ParseIkm(bad, "ikm").status(), "ikm")) << bad;
  }
}

TEST(ParseSurveyRow, AValidLine) {
  absl::StatusOr<SurveyRow> row = Row("120,unit-1,IKM-2026.S1,2026-01-01,2026-06-30,88.31,x");
  ASSERT_TRUE(row.ok()) << row.status();
  EXPECT_EQ(row->unit_id, "unit-1");
  EXPECT_EQ(row->survey_id, "IKM-2026.S1");
  EXPECT_EQ(row->period_start, absl::CivilDay(2026, 1, 1));
  EXPECT_EQ(row->period_end, absl::CivilDay(2026, 6, 30));
  EXPECT_EQ(row->ikm_ten_thousandths, 883100);
  EXPECT_EQ(row->respondents, 120);
}

TEST(ParseSurveyRow, EveryBadFieldIsNamed) {
  absl::StatusOr<SurveyRow> row = Row("-3,,bad code,2026-02-30,2026-01-01,101,x");
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(Fields(row.status()), (std::vector<std::string>{"unit_id", "survey_id", "period_start",
                                                            "ikm", "respondents"}));
  EXPECT_EQ(Fields(Row("1,u,s,2026-06-01,2026-01-01,50,x").status()),
            (std::vector<std::string>{"period_end"}));
  EXPECT_EQ(Fields(Row("1,u,s,2026-06-01").status()),
            (std::vector<std::string>{"period_end", "ikm"}));
}

}  // namespace
}  // namespace kinerja::review
