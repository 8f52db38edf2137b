#include "services/analytics/domain/compliance.h"

#include <gtest/gtest.h>

namespace kinerja::analytics {
namespace {

using rating::OrgPredicate;
using rating::Predicate;
using rating::PredicateCounts;

PredicateCounts Counts(int sb, int b, int bp, int k, int sk) {
  PredicateCounts c;
  c[Predicate::kSangatBaik] = sb;
  c[Predicate::kBaik] = b;
  c[Predicate::kButuhPerbaikan] = bp;
  c[Predicate::kKurang] = k;
  c[Predicate::kSangatKurang] = sk;
  return c;
}

TEST(ComplianceTest, AtMostBandExactlyAtTheLimitHolds) {
  absl::StatusOr<UnitComplianceResult> r =
      EvaluateCompliance(OrgPredicate::kIstimewa, Counts(7, 3, 0, 0, 0), 10);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->violations.empty());
  EXPECT_EQ(r->excess_staff, 0);
}

TEST(ComplianceTest, AtMostBandOneOverIsOneStaffAndTenPoints) {
  absl::StatusOr<UnitComplianceResult> r =
      EvaluateCompliance(OrgPredicate::kIstimewa, Counts(8, 2, 0, 0, 0), 10);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->violations.size(), 1u);
  const BandExcess& v = r->violations[0];
  EXPECT_EQ(v.rule, "SANGAT_BAIK_AT_MOST 70%");
  EXPECT_EQ(v.count, 8);
  EXPECT_EQ(v.unit_staff, 10);
  EXPECT_DOUBLE_EQ(v.actual_percent, 80.0);
  EXPECT_EQ(v.excess_staff, 1);
  EXPECT_DOUBLE_EQ(v.excess_percent, 10.0);
  EXPECT_EQ(r->excess_staff, 1);
}

TEST(ComplianceTest, AtMostExcessRoundsTheAllowanceDown) {
  // 70 % of 9 is 6.3: at most 6 may be Sangat Baik, so 8 is 2 too many.
  absl::StatusOr<UnitComplianceResult> r =
      EvaluateCompliance(OrgPredicate::kIstimewa, Counts(8, 1, 0, 0, 0), 9);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->violations.size(), 1u);
  EXPECT_EQ(r->violations[0].excess_staff, 2);
}

TEST(ComplianceTest, AtLeastBandCountsPendingStaffAndRoundsTheNeedUp) {
  // Butuh Perbaikan: at least 60 % BP. 11 staff need ceil(6.6) = 7; 5 BP + 1 pending = 6.
  absl::StatusOr<UnitComplianceResult> r =
      EvaluateCompliance(OrgPredicate::kButuhPerbaikan, Counts(0, 5, 5, 0, 0), 11);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->violations.size(), 1u);
  const BandExcess& v = r->violations[0];
  EXPECT_EQ(v.rule, "BUTUH_PERBAIKAN_AT_LEAST 60%");
  EXPECT_EQ(v.pending, 1);
  EXPECT_EQ(v.excess_staff, 1);
  EXPECT_NEAR(v.excess_percent, 60.0 - 600.0 / 11.0, 1e-9);
}

TEST(ComplianceTest, AtLeastCountBandNeedsOneBelowBaik) {
  absl::StatusOr<UnitComplianceResult> r =
      EvaluateCompliance(OrgPredicate::kBaik, Counts(3, 7, 0, 0, 0), 10);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->violations.size(), 1u);
  EXPECT_EQ(r->violations[0].rule, "BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1");
  EXPECT_EQ(r->violations[0].excess_staff, 1);
  EXPECT_DOUBLE_EQ(r->violations[0].excess_percent, 0.0);
}

TEST(ComplianceTest, SeveralBrokenBandsReportTheLargestExcess) {
  // Sangat Kurang: >= 60 % SK, >= 10 % K or BP, no SB. 10 staff: 3 SB, 7 Baik.
  absl::StatusOr<UnitComplianceResult> r =
      EvaluateCompliance(OrgPredicate::kSangatKurang, Counts(3, 7, 0, 0, 0), 10);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->violations.size(), 3u);
  EXPECT_EQ(r->excess_staff, 6);  // six more Sangat Kurang needed
}

TEST(ComplianceTest, StaffBelowTheFinalisedIsRaisedToThem) {
  // An assessment arrived before its plan: 3 finalised, staff known 2.
  absl::StatusOr<UnitComplianceResult> r =
      EvaluateCompliance(OrgPredicate::kIstimewa, Counts(3, 0, 0, 0, 0), 2);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->violations.size(), 1u);
  EXPECT_EQ(r->violations[0].unit_staff, 3);
  EXPECT_EQ(r->violations[0].excess_staff, 1);  // at most 2 of 3
}

TEST(ComplianceTest, EmptyUnitBreaksNothing) {
  absl::StatusOr<UnitComplianceResult> r =
      EvaluateCompliance(OrgPredicate::kBaik, Counts(0, 0, 0, 0, 0), 0);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->violations.empty());
}

}  // namespace
}  // namespace kinerja::analytics
