#include "services/analytics/api/http_query.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "shared/errors/errors.h"

namespace kinerja::analytics::api {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The parameter an INVALID_ARGUMENT names.
template <typename T>
std::string FieldOf(const absl::StatusOr<T>& result) {
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument) << result.status();
  auto violations = errors::ViolationsOf(result.status());
  return violations.empty() ? "" : violations[0].field;
}

TEST(HttpQuery, DistributionReadsScopeAndOptions) {
  auto request = DistributionRequest({{"year", "2024"},
                                      {"agency_id", "AG1"},
                                      {"unit_id", "U1"},
                                      {"position_type", "PELAKSANA"},
                                      {"kind", "periodic"},
                                      {"window_index", "3"},
                                      {"group_by", "GROUP_BY_UNIT"},
                                      {"format", "csv"}});
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->scope().year(), 2024);
  EXPECT_EQ(request->scope().agency_id(), "AG1");
  EXPECT_EQ(request->scope().unit_id(), "U1");
  EXPECT_EQ(request->scope().position_type(), "PELAKSANA");
  EXPECT_EQ(request->kind(), v1::ASSESSMENT_KIND_PERIODIC);
  EXPECT_EQ(request->window_index(), 3);
  EXPECT_EQ(request->group_by(), v1::GROUP_BY_UNIT);
}

TEST(HttpQuery, AbsentParametersLeaveDefaults) {
  auto request = DistributionRequest({});
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->scope().year(), 0);
  EXPECT_EQ(request->kind(), v1::ASSESSMENT_KIND_UNSPECIFIED);
  EXPECT_EQ(request->group_by(), v1::GROUP_BY_UNSPECIFIED);
  EXPECT_TRUE(DistributionRequest({{"year", ""}}).ok());
}

TEST(HttpQuery, BadValuesNameTheParameter) {
  EXPECT_EQ(FieldOf(DistributionRequest({{"year", "twenty"}})), "year");
  EXPECT_EQ(FieldOf(DistributionRequest({{"year", "99999999999"}})), "year");
  EXPECT_EQ(FieldOf(DistributionRequest({{"kind", "monthly"}})), "kind");
  EXPECT_THAT(DistributionRequest({{"kind", "monthly"}}).status().message(),
              HasSubstr("must be one of PERIODIC, ANNUAL"));
  EXPECT_EQ(FieldOf(DistributionRequest({{"group_by", "DIVISION"}})), "group_by");
  EXPECT_EQ(FieldOf(ComplianceRequest({{"breaking_only", "yes"}})), "breaking_only");
  EXPECT_EQ(FieldOf(IndicatorHealthRequest({{"far_above_ratio", "nan"}})), "far_above_ratio");
  EXPECT_EQ(FieldOf(IndicatorHealthRequest({{"far_above_ratio", "1,5"}})), "far_above_ratio");
  EXPECT_EQ(FieldOf(LateEntriesRequest({{"item", "LATE"}})), "item");
  EXPECT_EQ(FieldOf(LateEntriesRequest({{"page_size", "-"}})), "page_size");
}

TEST(HttpQuery, UnknownOrRepeatedParametersAreRefused) {
  auto unknown = DistributionRequest({{"agency", "AG1"}});
  EXPECT_EQ(FieldOf(unknown), "agency");
  EXPECT_THAT(unknown.status().message(), HasSubstr("not a parameter of this report"));
  EXPECT_EQ(FieldOf(DistributionRequest({{"year", "2024"}, {"year", "2025"}})), "year");
  // A token in the query string is not a way in.
  EXPECT_EQ(FieldOf(DistributionRequest({{"access_token", "x"}})), "access_token");
  // Trends take from_year..to_year, not year.
  EXPECT_EQ(FieldOf(TrendsRequest({{"year", "2024"}})), "year");
  EXPECT_EQ(FieldOf(TransparencyRequest({{"unit_id", "U"}})), "unit_id");
  EXPECT_EQ(FieldOf(StreamStatusRequest({{"year", "2024"}})), "year");
  EXPECT_TRUE(StreamStatusRequest({{"format", "csv"}}).ok());
}

TEST(HttpQuery, AsOfIsAStrictDate) {
  auto request = ParticipationRequest({{"as_of", "2025-02-28"}});
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->as_of().year(), 2025);
  EXPECT_EQ(request->as_of().month(), 2);
  EXPECT_EQ(request->as_of().day(), 28);
  EXPECT_FALSE(ParticipationRequest({}).value().has_as_of());
  for (const char* bad : {"2025-02-30", "2025-2-3", "28/02/2025", "2025-02-28T00:00", "x"}) {
    EXPECT_EQ(FieldOf(ParticipationRequest({{"as_of", bad}})), "as_of") << bad;
  }
}

TEST(HttpQuery, ListsReadPagingAndOptions) {
  auto late = LateEntriesRequest({{"as_of", "2025-01-31"},
                                  {"item", "plan_not_approved"},
                                  {"page_size", "20"},
                                  {"page_token", "abc"}});
  ASSERT_TRUE(late.ok()) << late.status();
  EXPECT_EQ(late->item(), v1::LATE_ITEM_PLAN_NOT_APPROVED);
  EXPECT_EQ(late->page_size(), 20);
  EXPECT_EQ(late->page_token(), "abc");
  auto recognition = RecognitionCandidatesRequest({{"min_periodic", "3"}, {"min_evidence", "2"}});
  ASSERT_TRUE(recognition.ok());
  EXPECT_EQ(recognition->min_periodic(), 3);
  EXPECT_EQ(recognition->min_evidence(), 2);
  auto raters = RaterStatisticsRequest({{"min_rated", "7"}});
  ASSERT_TRUE(raters.ok());
  EXPECT_EQ(raters->min_rated(), 7);
  auto health = IndicatorHealthRequest({{"far_above_ratio", "1.75"}, {"min_windows", "4"}});
  ASSERT_TRUE(health.ok());
  EXPECT_DOUBLE_EQ(health->far_above_ratio(), 1.75);
  EXPECT_EQ(health->min_windows(), 4);
  auto trends = TrendsRequest({{"from_year", "2020"}, {"to_year", "2024"}, {"agency_id", "A"}});
  ASSERT_TRUE(trends.ok());
  EXPECT_EQ(trends->from_year(), 2020);
  EXPECT_EQ(trends->to_year(), 2024);
  EXPECT_EQ(trends->scope().agency_id(), "A");
  auto compliance = ComplianceRequest({{"breaking_only", "TRUE"}, {"period_id", "P1"}});
  ASSERT_TRUE(compliance.ok());
  EXPECT_TRUE(compliance->breaking_only());
  EXPECT_EQ(compliance->scope().period_id(), "P1");
  auto transparency = TransparencyRequest({{"year", "2024"}, {"agency_id", "A"}});
  ASSERT_TRUE(transparency.ok());
  EXPECT_EQ(transparency->year(), 2024);
  EXPECT_EQ(transparency->agency_id(), "A");
}

TEST(HttpQuery, Format) {
  EXPECT_FALSE(*WantsCsv({}));
  EXPECT_FALSE(*WantsCsv({{"format", "json"}}));
  EXPECT_TRUE(*WantsCsv({{"format", "CSV"}}));
  EXPECT_EQ(FieldOf(WantsCsv({{"format", "xlsx"}})), "format");
}

TEST(HttpQuery, DashboardScope) {
  auto scope = DashboardScopeOf({{"year", "2024"}, {"unit_id", "U"}, {"position_type", ""}});
  ASSERT_TRUE(scope.ok());
  EXPECT_EQ(scope->year(), 2024);
  EXPECT_EQ(scope->unit_id(), "U");
  EXPECT_EQ(FieldOf(DashboardScopeOf({{"period_id", "P"}})), "period_id");
}

}  // namespace
}  // namespace kinerja::analytics::api
