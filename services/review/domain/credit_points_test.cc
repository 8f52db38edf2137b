#include "services/review/domain/credit_points.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using test_util::IsInvalid;
using L = FunctionalLevel;
using P = Predicate;

TEST(CreditPoints, BaikIsTheFullCoefficientForEveryLevel) {
  struct Case {
    L level;
    double points;
  };
  const std::vector<Case> cases = {
      {L::kAhliPertama, 12.5}, {L::kAhliMuda, 25}, {L::kAhliMadya, 37.5}, {L::kAhliUtama, 50},
      {L::kPemula, 3.75},      {L::kTerampil, 5},  {L::kMahir, 12.5},     {L::kPenyelia, 25},
  };
  for (const Case& c : cases) {
    auto points = AnnualCreditPoints(c.level, P::kBaik);
    ASSERT_TRUE(points.ok()) << points.status();
    EXPECT_DOUBLE_EQ(*points, c.points) << FunctionalLevelName(c.level);
  }
}

TEST(CreditPoints, DefaultPercentByPredicate) {
  struct Case {
    L level;
    P predicate;
    int64_t thousandths;
  };
  const std::vector<Case> cases = {
      {L::kAhliPertama, P::kSangatBaik, 18750},     // 150 %
      {L::kAhliPertama, P::kButuhPerbaikan, 9375},  // 75 %
      {L::kAhliPertama, P::kKurang, 6250},          // 50 %
      {L::kAhliPertama, P::kSangatKurang, 3125},    // 25 %
      {L::kPemula, P::kSangatBaik, 5625},
      {L::kPemula, P::kSangatKurang, 938},  // 0.9375 rounds half up to 0.938
      {L::kAhliUtama, P::kSangatBaik, 75000},
  };
  for (const Case& c : cases) {
    auto points = CreditPointsThousandths(c.level, c.predicate, 12);
    ASSERT_TRUE(points.ok());
    EXPECT_EQ(*points, c.thousandths) << FunctionalLevelName(c.level) << " " << int(c.predicate);
  }
}

TEST(CreditPoints, PartialYearProRataRoundedToThreeDecimals) {
  struct Case {
    L level;
    P predicate;
    int months;
    int64_t thousandths;
  };
  const std::vector<Case> cases = {
      {L::kAhliPertama, P::kBaik, 6, 6250},        // 12.5 x 6/12
      {L::kAhliPertama, P::kBaik, 7, 7292},        // 7.291666.. -> 7.292
      {L::kAhliPertama, P::kBaik, 1, 1042},        // 1.041666.. -> 1.042
      {L::kPemula, P::kButuhPerbaikan, 7, 1641},   // 1.640625 -> 1.641 (half up)
      {L::kTerampil, P::kBaik, 5, 2083},           // 2.083333.. -> 2.083
      {L::kAhliMadya, P::kSangatBaik, 11, 51563},  // 51.5625 -> 51.563
  };
  for (const Case& c : cases) {
    auto points = CreditPointsThousandths(c.level, c.predicate, c.months);
    ASSERT_TRUE(points.ok());
    EXPECT_EQ(*points, c.thousandths) << FunctionalLevelName(c.level) << " " << c.months;
  }
  EXPECT_DOUBLE_EQ(*AnnualCreditPoints(L::kAhliPertama, P::kBaik, 7), 7.292);
}

TEST(CreditPoints, MonthsCoveredByAnAnnualSpan) {
  Window w;
  w.month_start = 7;
  w.month_end = 12;
  EXPECT_EQ(MonthsCovered(w), 6);
  w.month_start = 1;
  EXPECT_EQ(MonthsCovered(w), 12);
  w.month_start = 12;
  EXPECT_EQ(MonthsCovered(w), 1);
}

TEST(CreditPoints, ConfiguredPercent) {
  CreditPointPolicy policy;
  policy.percent[static_cast<size_t>(P::kSangatBaik) - 1] = 125;
  EXPECT_EQ(*CreditPointsThousandths(L::kAhliMuda, P::kSangatBaik, 12, policy), 31250);
  EXPECT_EQ(*CreditPointsThousandths(L::kAhliMuda, P::kBaik, 12, policy), 25000);
}

TEST(CreditPoints, BadInput) {
  EXPECT_TRUE(
      IsInvalid(CreditPointsThousandths(L::kMahir, P::kBaik, 0).status(), "months_covered"));
  EXPECT_TRUE(
      IsInvalid(CreditPointsThousandths(L::kMahir, P::kBaik, 13).status(), "months_covered"));
  CreditPointPolicy policy;
  policy.percent[static_cast<size_t>(P::kKurang) - 1] = -1;
  EXPECT_TRUE(IsInvalid(AnnualCreditPoints(L::kMahir, P::kBaik, 12, policy).status(),
                        "credit_point_policy.percent.KURANG"));
}

TEST(CreditPoints, Names) {
  EXPECT_EQ(FunctionalLevelName(L::kAhliPertama), "AHLI_PERTAMA");
  EXPECT_EQ(FunctionalLevelLabel(L::kPenyelia), "Penyelia");
  EXPECT_EQ(*ParseFunctionalLevel("MAHIR", "f"), L::kMahir);
  EXPECT_TRUE(IsInvalid(ParseFunctionalLevel("Mahir", "level").status(), "level"));
  EXPECT_EQ(CoefficientHundredths(L::kPemula), 375);
}

}  // namespace
}  // namespace kinerja::review
