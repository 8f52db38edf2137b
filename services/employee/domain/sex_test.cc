#include "services/employee/domain/sex.h"

#include <gtest/gtest.h>

namespace kinerja::employee {
namespace {

TEST(Sex, StableNames) {
  EXPECT_EQ(SexName(Sex::kMale), "MALE");
  EXPECT_EQ(SexName(Sex::kFemale), "FEMALE");
  EXPECT_EQ(ParseSexName("MALE").value(), Sex::kMale);
  EXPECT_EQ(ParseSexName("FEMALE").value(), Sex::kFemale);
  EXPECT_EQ(ParseSexName("male").status().message(), "sex: 'male' is not MALE or FEMALE");
  EXPECT_FALSE(ParseSexName("").ok());
}

}  // namespace
}  // namespace kinerja::employee
