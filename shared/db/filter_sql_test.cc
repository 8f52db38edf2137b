#include "shared/db/filter_sql.h"

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::db {
namespace {

using ::testing::ElementsAre;
using ::testing::Optional;

rpc::Condition DateCondition(absl::CivilDay day) {
  return rpc::Condition{"hired", rpc::FilterOp::kLt, day};
}

TEST(ConditionTextTest, DatesAreAlwaysYyyyMmDd) {
  EXPECT_EQ(ConditionText(DateCondition(absl::CivilDay(2024, 2, 29))), "2024-02-29");
  // Found by filter_fuzz: years below 1000 came out as "223-06-29".
  EXPECT_EQ(ConditionText(DateCondition(absl::CivilDay(223, 6, 29))), "0223-06-29");
  EXPECT_EQ(ConditionText(DateCondition(absl::CivilDay(1, 1, 1))), "0001-01-01");
}

TEST(ConditionTextTest, ProtoEnumPrefixIsStripped) {
  rpc::Condition state{"state", rpc::FilterOp::kEq, std::string("PLAN_STATE_DRAFT")};
  EXPECT_EQ(ConditionText(state, "PLAN_STATE"), "DRAFT");
  EXPECT_EQ(ConditionText(state), "PLAN_STATE_DRAFT");
}

TEST(AppendFilterConditionsTest, ValuesAreBoundNeverSpliced) {
  SqlParams params;
  std::vector<std::string> where;
  ASSERT_TRUE(AppendFilterConditions(
                  {DateCondition(absl::CivilDay(223, 6, 29)),
                   rpc::Condition{"name", rpc::FilterOp::kPrefix, std::string("O'Brien_%")}},
                  {{.field = "hired", .column = "e.hired_on", .cast = "::date"},
                   {.field = "name", .column = "e.name"}},
                  params, where)
                  .ok());
  EXPECT_THAT(where, ElementsAre("e.hired_on < $1::date", "e.name LIKE $2"));
  EXPECT_THAT(params.values(), ElementsAre(Optional(std::string("0223-06-29")),
                                           Optional(std::string("O'Brien\\_\\%%"))));
}

}  // namespace
}  // namespace kinerja::db
