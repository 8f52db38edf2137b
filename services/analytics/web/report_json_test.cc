#include "services/analytics/web/report_json.h"

#include <gmock/gmock.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "kinerja/analytics/v1/analytics_service.pb.h"

namespace kinerja::analytics::web {
namespace {

namespace v1 = ::kinerja::analytics::v1;

using ::testing::HasSubstr;

TEST(ReportJson, PrintsTheContractsJsonWithDefaults) {
  v1::ParticipationReport report;
  report.set_plans(7);
  report.mutable_as_of()->set_year(2025);
  auto json = ReportJson(report);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, HasSubstr("\"plans\":\"7\""));         // int64 as a string (proto3 JSON)
  EXPECT_THAT(*json, HasSubstr("\"plansOverdue\":\"0\""));  // defaults printed
  EXPECT_TRUE(json->ends_with("}\n"));
  // And it reads back as the same message.
  v1::ParticipationReport back;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &back).ok());
  EXPECT_EQ(back.plans(), 7);
  EXPECT_EQ(back.as_of().year(), 2025);
}

TEST(ReportJson, EnumsByName) {
  v1::DistributionReport report;
  report.set_kind(v1::ASSESSMENT_KIND_PERIODIC);
  auto json = ReportJson(report);
  ASSERT_TRUE(json.ok());
  EXPECT_THAT(*json, HasSubstr("\"kind\":\"ASSESSMENT_KIND_PERIODIC\""));
}

}  // namespace
}  // namespace kinerja::analytics::web
