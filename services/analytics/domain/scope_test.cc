#include "services/analytics/domain/scope.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shared/errors/errors.h"

namespace kinerja::analytics {
namespace {

std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : errors::ViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

TEST(ValidateScope, YearRangeEdges) {
  EXPECT_TRUE(ValidateScope({.year = 2000}, true).ok());
  EXPECT_TRUE(ValidateScope({.year = 2100}, true).ok());
  EXPECT_EQ(Fields(ValidateScope({.year = 1999}, true)), std::vector<std::string>{"scope.year"});
  EXPECT_EQ(Fields(ValidateScope({.year = 2101}, false)), std::vector<std::string>{"scope.year"});
  EXPECT_EQ(Fields(ValidateScope({.year = -5}, false)), std::vector<std::string>{"scope.year"});
}

TEST(ValidateScope, YearRequiredUnlessAPeriodNamesIt) {
  EXPECT_EQ(Fields(ValidateScope({}, true)), std::vector<std::string>{"scope.year"});
  EXPECT_TRUE(ValidateScope({.period_id = "P"}, true).ok());
  EXPECT_TRUE(ValidateScope({}, false).ok());
}

TEST(ValidateScope, PositionTypeFormat) {
  EXPECT_TRUE(ValidateScope({.year = 2025, .position_type = "PELAKSANA"}, true).ok());
  EXPECT_TRUE(ValidateScope({.year = 2025, .position_type = "JPT_PRATAMA"}, true).ok());
  EXPECT_TRUE(ValidateScope({.year = 2025, .position_type = "A1"}, true).ok());
  EXPECT_TRUE(ValidateScope({.year = 2025, .position_type = std::string(64, 'A')}, true).ok());
  for (const std::string bad : {"pelaksana", "_X", "1A", "JPT-PRATAMA", "A B", "X'; --"}) {
    EXPECT_EQ(Fields(ValidateScope({.year = 2025, .position_type = bad}, true)),
              std::vector<std::string>{"scope.position_type"})
        << bad;
  }
  EXPECT_FALSE(ValidateScope({.year = 2025, .position_type = std::string(65, 'A')}, true).ok());
}

TEST(ValidateScope, NamesEveryBadFieldWithThePrefix) {
  EXPECT_EQ(Fields(ValidateScope({.year = 1, .position_type = "x"}, true, "")),
            (std::vector<std::string>{"year", "position_type"}));
}

TEST(ValidateYear, NamesTheField) {
  EXPECT_TRUE(ValidateYear(2025, "year").ok());
  EXPECT_EQ(Fields(ValidateYear(0, "year")), std::vector<std::string>{"year"});
  EXPECT_EQ(Fields(ValidateYear(3000, "to_year")), std::vector<std::string>{"to_year"});
}

}  // namespace
}  // namespace kinerja::analytics
