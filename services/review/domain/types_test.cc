#include "services/review/domain/types.h"

#include <gtest/gtest.h>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using test_util::IsInvalid;

TEST(NationalCodes, PeriodikId) {
  EXPECT_EQ(PeriodikId(Cadence::kMonthly), 1);
  EXPECT_EQ(PeriodikId(Cadence::kQuarterly), 2);
  EXPECT_EQ(*CadenceFromPeriodikId(1, "f"), Cadence::kMonthly);
  EXPECT_EQ(*CadenceFromPeriodikId(2, "f"), Cadence::kQuarterly);
  EXPECT_TRUE(IsInvalid(CadenceFromPeriodikId(3, "periodik_id").status(), "periodik_id"));
}

}  // namespace
}  // namespace kinerja::review
