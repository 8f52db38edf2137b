#include "services/employee/domain/civil_date.h"

#include <gtest/gtest.h>

namespace kinerja::employee {
namespace {

TEST(DigitsValue, AcceptsOnlyPlainDigits) {
  EXPECT_EQ(DigitsValue("0"), 0);
  EXPECT_EQ(DigitsValue("0042"), 42);
  EXPECT_EQ(DigitsValue("198609262015051001"), 198609262015051001);
  EXPECT_FALSE(DigitsValue(""));
  EXPECT_FALSE(DigitsValue("-1"));
  EXPECT_FALSE(DigitsValue("+1"));
  EXPECT_FALSE(DigitsValue(" 1"));
  EXPECT_FALSE(DigitsValue("1a"));
  EXPECT_FALSE(DigitsValue("1234567890123456789"));  // 19 digits could overflow
}

TEST(RealDay, RejectsNormalisedDates) {
  EXPECT_EQ(RealDay(2024, 2, 29), absl::CivilDay(2024, 2, 29));
  EXPECT_FALSE(RealDay(2023, 2, 29));
  EXPECT_FALSE(RealDay(2023, 4, 31));
  EXPECT_FALSE(RealDay(2023, 13, 1));
  EXPECT_FALSE(RealDay(2023, 0, 1));
  EXPECT_FALSE(RealDay(2023, 1, 0));
  EXPECT_FALSE(RealDay(0, 1, 1));
  EXPECT_FALSE(RealDay(10000, 1, 1));
  EXPECT_EQ(RealDay(1900, 12, 31), absl::CivilDay(1900, 12, 31));
  EXPECT_FALSE(RealDay(1900, 2, 29));  // century rule
  EXPECT_TRUE(RealDay(2000, 2, 29));
}

TEST(ParseCompactDay, EightDigitsOnly) {
  EXPECT_EQ(ParseCompactDay("19860926"), absl::CivilDay(1986, 9, 26));
  EXPECT_FALSE(ParseCompactDay("19861332"));
  EXPECT_FALSE(ParseCompactDay("1986092"));
  EXPECT_FALSE(ParseCompactDay("198609260"));
  EXPECT_FALSE(ParseCompactDay("1986-9-26"));
}

TEST(ParseDmyOrIsoDay, BothForms) {
  EXPECT_EQ(ParseDmyOrIsoDay("26-09-1986"), absl::CivilDay(1986, 9, 26));
  EXPECT_EQ(ParseDmyOrIsoDay("1986-09-26"), absl::CivilDay(1986, 9, 26));
  EXPECT_FALSE(ParseDmyOrIsoDay("31-02-1986"));
  EXPECT_FALSE(ParseDmyOrIsoDay("1986-02-31"));
  EXPECT_FALSE(ParseDmyOrIsoDay("26/09/1986"));
  EXPECT_FALSE(ParseDmyOrIsoDay("6-9-1986"));
  EXPECT_FALSE(ParseDmyOrIsoDay("1986-09-26T00:00:00"));
  EXPECT_FALSE(ParseDmyOrIsoDay("00-00-0000"));
  EXPECT_FALSE(ParseDmyOrIsoDay("ab-cd-efgh"));
  EXPECT_FALSE(ParseDmyOrIsoDay(""));
}

TEST(FullYearsBetween, CountsCompletedYears) {
  absl::CivilDay birth(1986, 9, 26);
  EXPECT_EQ(FullYearsBetween(birth, absl::CivilDay(2015, 5, 1)), 28);
  EXPECT_EQ(FullYearsBetween(birth, absl::CivilDay(2015, 9, 25)), 28);
  EXPECT_EQ(FullYearsBetween(birth, absl::CivilDay(2015, 9, 26)), 29);
  EXPECT_EQ(FullYearsBetween(birth, birth), 0);
  EXPECT_EQ(FullYearsBetween(birth, absl::CivilDay(1986, 9, 25)), -1);
  EXPECT_EQ(FullYearsBetween(birth, absl::CivilDay(1980, 1, 1)), -1);
  absl::CivilDay leap(2000, 2, 29);
  EXPECT_EQ(FullYearsBetween(leap, absl::CivilDay(2001, 2, 28)), 0);
  EXPECT_EQ(FullYearsBetween(leap, absl::CivilDay(2001, 3, 1)), 1);
}

}  // namespace
}  // namespace kinerja::employee
