// The named queries write out the column lists their decoders read (store/queries/*.sql); the
// List calls still build theirs in C++ (rows.cc). Both feed the same decoders, so the spellings
// must agree, or a decoder would read the wrong column in one of the two paths.
#include <initializer_list>
#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/goals/store/queries.h"
#include "services/goals/store/rows.h"

namespace kinerja::goals::store {
namespace {

using ::testing::HasSubstr;

// `sql` with every run of white space turned into one space: the .sql files wrap lines.
std::string Squeezed(std::string_view sql) {
  std::string out;
  bool space = false;
  for (char c : sql) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void ExpectColumns(const std::string& columns, std::initializer_list<const db::Query*> queries) {
  for (const db::Query* query : queries) {
    EXPECT_THAT(Squeezed(query->sql), HasSubstr(Squeezed(columns))) << query->name;
  }
}

TEST(QueriesTest, PeriodColumnsAsInPeriodColumns) {
  ExpectColumns(internal::PeriodColumns("p"),
                {&queries::kPeriodById, &queries::kLockPeriod, &queries::kSharePeriod,
                 &queries::kInsertPeriod, &queries::kUpdatePeriod, &queries::kSetPeriodState,
                 &queries::kPlanFacts});
}

TEST(QueriesTest, PlanColumnsAsInPlanColumns) {
  ExpectColumns(internal::PlanColumns("p"),
                {&queries::kPlansByIds, &queries::kOpenPlansOfEmployee, &queries::kLockPlan});
}

// SavePlan returns the header and NULL for the results (the store knows what it wrote).
TEST(QueriesTest, SavePlanReturnsTheHeaderColumns) {
  ExpectColumns(absl::StrCat(internal::PlanHeaderColumns("p"), ", NULL::text"),
                {&queries::kSavePlan});
}

TEST(QueriesTest, UnitPolicyColumnsAsInUnitPolicyColumns) {
  ExpectColumns(internal::UnitPolicyColumns("u"),
                {&queries::kLockUnitPolicy, &queries::kUpsertUnitPolicy});
}

}  // namespace
}  // namespace kinerja::goals::store
