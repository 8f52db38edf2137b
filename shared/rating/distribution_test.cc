#include "shared/rating/distribution.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shared/rating/names.h"
#include "shared/rating/test_util.h"

namespace kinerja::rating {
namespace {

using test_util::IsInvalid;

// Counts in predicate order: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang.
PredicateCounts Counts(int sb, int b, int bp, int k, int sk) {
  PredicateCounts c;
  c.counts = {sb, b, bp, k, sk};
  return c;
}

std::vector<std::string> Rules(const DistributionResult& result) {
  std::vector<std::string> rules;
  for (const auto& v : result.violations) rules.push_back(v.rule);
  return rules;
}

struct Case {
  std::string name;
  OrgPredicate org;
  PredicateCounts finalised;  // including the candidate
  int unit_staff;
  std::vector<std::string> violated;
};

TEST(CheckDistribution, DefaultBandsAtTheirEdges) {
  using O = OrgPredicate;
  const std::vector<Case> cases = {
      // Istimewa: Sangat Baik at most 70 %.
      {"istimewa 7/10 SB at the limit", O::kIstimewa, Counts(7, 3, 0, 0, 0), 10, {}},
      {"istimewa 8/10 SB over",
       O::kIstimewa,
       Counts(8, 2, 0, 0, 0),
       10,
       {"SANGAT_BAIK_AT_MOST 70%"}},
      {"istimewa 8 SB while 2 pending: already over",
       O::kIstimewa,
       Counts(8, 0, 0, 0, 0),
       10,
       {"SANGAT_BAIK_AT_MOST 70%"}},
      {"istimewa 3 SB finalised of 10", O::kIstimewa, Counts(3, 0, 0, 0, 0), 10, {}},
      {"istimewa 2/3 SB", O::kIstimewa, Counts(2, 1, 0, 0, 0), 3, {}},
      {"istimewa one-person unit SB",
       O::kIstimewa,
       Counts(1, 0, 0, 0, 0),
       1,
       {"SANGAT_BAIK_AT_MOST 70%"}},
      {"istimewa 7/10 Baik is fine", O::kIstimewa, Counts(0, 10, 0, 0, 0), 10, {}},
      // Baik: Baik at most 70 %, at least one Butuh Perbaikan or Kurang.
      {"baik 7 B 1 BP 2 SB", O::kBaik, Counts(2, 7, 1, 0, 0), 10, {}},
      {"baik 8 B 1 BP 1 SB", O::kBaik, Counts(1, 8, 1, 0, 0), 10, {"BAIK_AT_MOST 70%"}},
      {"baik no BP or K, all final",
       O::kBaik,
       Counts(3, 7, 0, 0, 0),
       10,
       {"BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1"}},
      {"baik no BP or K yet, one pending", O::kBaik, Counts(2, 7, 0, 0, 0), 10, {}},
      {"baik a Kurang counts", O::kBaik, Counts(3, 6, 0, 1, 0), 10, {}},
      {"baik one-person unit Baik",
       O::kBaik,
       Counts(0, 1, 0, 0, 0),
       1,
       {"BAIK_AT_MOST 70%", "BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1"}},
      {"baik one-person unit Butuh Perbaikan", O::kBaik, Counts(0, 0, 1, 0, 0), 1, {}},
      // Butuh Perbaikan: BP at least 60 %, SB at most 10 %.
      {"bp 6 BP 1 SB", O::kButuhPerbaikan, Counts(1, 3, 6, 0, 0), 10, {}},
      {"bp 5 BP", O::kButuhPerbaikan, Counts(1, 4, 5, 0, 0), 10, {"BUTUH_PERBAIKAN_AT_LEAST 60%"}},
      {"bp 2 SB", O::kButuhPerbaikan, Counts(2, 2, 6, 0, 0), 10, {"SANGAT_BAIK_AT_MOST 10%"}},
      {"bp 5 BP with one pending can still reach",
       O::kButuhPerbaikan,
       Counts(0, 4, 5, 0, 0),
       10,
       {}},
      {"bp 4 BP with one pending cannot",
       O::kButuhPerbaikan,
       Counts(0, 5, 4, 0, 0),
       10,
       {"BUTUH_PERBAIKAN_AT_LEAST 60%"}},
      // Kurang: K at least 60 %, BP at least 10 %, SB at most 10 %.
      {"kurang 6 K 1 BP 1 SB", O::kKurang, Counts(1, 2, 1, 6, 0), 10, {}},
      {"kurang no BP", O::kKurang, Counts(1, 3, 0, 6, 0), 10, {"BUTUH_PERBAIKAN_AT_LEAST 10%"}},
      {"kurang 5 K", O::kKurang, Counts(0, 4, 1, 5, 0), 10, {"KURANG_AT_LEAST 60%"}},
      {"kurang 2 SB", O::kKurang, Counts(2, 1, 1, 6, 0), 10, {"SANGAT_BAIK_AT_MOST 10%"}},
      // Sangat Kurang: SK at least 60 %, K or BP at least 10 %, no SB.
      {"sk 6 SK 1 K", O::kSangatKurang, Counts(0, 3, 0, 1, 6), 10, {}},
      {"sk 6 SK 1 BP", O::kSangatKurang, Counts(0, 3, 1, 0, 6), 10, {}},
      {"sk no K or BP",
       O::kSangatKurang,
       Counts(0, 4, 0, 0, 6),
       10,
       {"KURANG_OR_BUTUH_PERBAIKAN_AT_LEAST 10%"}},
      {"sk one SB", O::kSangatKurang, Counts(1, 2, 0, 1, 6), 10, {"SANGAT_BAIK_AT_MOST 0%"}},
      {"sk 5 SK", O::kSangatKurang, Counts(0, 4, 1, 0, 5), 10, {"SANGAT_KURANG_AT_LEAST 60%"}},
  };
  for (const Case& c : cases) {
    auto result = CheckDistribution(DistributionInput{c.org, c.finalised, c.unit_staff});
    ASSERT_TRUE(result.ok()) << c.name << ": " << result.status();
    EXPECT_EQ(Rules(*result), c.violated) << c.name;
    EXPECT_FALSE(result->skipped_small_unit) << c.name;
  }
}

TEST(CheckDistribution, ViolationCarriesShareAndLimit) {
  auto result = CheckDistribution({OrgPredicate::kIstimewa, Counts(8, 2, 0, 0, 0), 10});
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->violations.size(), 1u);
  const DistributionViolation& v = result->violations[0];
  EXPECT_EQ(v.rule, "SANGAT_BAIK_AT_MOST 70%");
  EXPECT_EQ(v.count, 8);
  EXPECT_EQ(v.unit_staff, 10);
  EXPECT_EQ(v.pending, 0);
  EXPECT_DOUBLE_EQ(v.actual_percent, 80.0);
  EXPECT_EQ(v.limit, 70);
  EXPECT_EQ(DescribeViolations(result->violations), "SANGAT_BAIK_AT_MOST 70%: 80.0% (8 of 10)");
}

TEST(CheckDistribution, DescribesPendingForAtLeastRules) {
  auto result = CheckDistribution({OrgPredicate::kButuhPerbaikan, Counts(0, 5, 4, 0, 0), 10});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(DescribeViolations(result->violations),
            "BUTUH_PERBAIKAN_AT_LEAST 60%: 40.0% (4 of 10), 1 not finalised yet cannot reach it");
}

TEST(CheckDistribution, SmallUnitsSkippedOnlyWhenConfigured) {
  DistributionPolicy policy;
  policy.min_unit_size = 3;
  auto two = CheckDistribution({OrgPredicate::kIstimewa, Counts(2, 0, 0, 0, 0), 2}, policy);
  ASSERT_TRUE(two.ok());
  EXPECT_TRUE(two->skipped_small_unit);
  EXPECT_TRUE(two->violations.empty());
  auto three = CheckDistribution({OrgPredicate::kIstimewa, Counts(3, 0, 0, 0, 0), 3}, policy);
  ASSERT_TRUE(three.ok());
  EXPECT_FALSE(three->skipped_small_unit);
  EXPECT_EQ(Rules(*three), std::vector<std::string>{"SANGAT_BAIK_AT_MOST 70%"});
}

TEST(CheckDistribution, EmptyUnitHasNothingToCheck) {
  auto result = CheckDistribution({OrgPredicate::kBaik, Counts(0, 0, 0, 0, 0), 0});
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->violations.empty());
}

TEST(CheckDistribution, ConfiguredBands) {
  DistributionPolicy policy;
  policy.rules[static_cast<size_t>(OrgPredicate::kIstimewa) - 1] = {
      DistributionRule{{Predicate::kSangatBaik}, BoundKind::kAtMostPercent, 50}};
  auto result = CheckDistribution({OrgPredicate::kIstimewa, Counts(6, 4, 0, 0, 0), 10}, policy);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Rules(*result), std::vector<std::string>{"SANGAT_BAIK_AT_MOST 50%"});
  policy.rules[static_cast<size_t>(OrgPredicate::kIstimewa) - 1].clear();
  result = CheckDistribution({OrgPredicate::kIstimewa, Counts(10, 0, 0, 0, 0), 10}, policy);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->violations.empty());
}

TEST(CheckDistribution, BadInput) {
  EXPECT_TRUE(
      IsInvalid(CheckDistribution({OrgPredicate::kBaik, Counts(0, -1, 0, 0, 0), 3}).status(),
                "finalised.BAIK"));
  EXPECT_TRUE(IsInvalid(CheckDistribution({OrgPredicate::kBaik, Counts(1, 2, 0, 0, 0), 2}).status(),
                        "unit_staff"));
}

TEST(ValidateDistributionPolicy, NamesTheBadRule) {
  EXPECT_TRUE(ValidateDistributionPolicy(DistributionPolicy{}).ok());
  DistributionPolicy policy;
  policy.rules[0][0].limit = 101;
  EXPECT_TRUE(
      IsInvalid(ValidateDistributionPolicy(policy), "distribution_policy.rules.ISTIMEWA[0].limit"));
  policy = DistributionPolicy{};
  policy.rules[1][1].predicates = {Predicate::kKurang, Predicate::kKurang};
  EXPECT_TRUE(IsInvalid(ValidateDistributionPolicy(policy),
                        "distribution_policy.rules.BAIK[1].predicates"));
  policy = DistributionPolicy{};
  policy.rules[2][0].predicates.clear();
  EXPECT_TRUE(IsInvalid(ValidateDistributionPolicy(policy),
                        "distribution_policy.rules.BUTUH_PERBAIKAN[0].predicates"));
  policy = DistributionPolicy{};
  policy.rules[1][1].limit = -1;
  EXPECT_TRUE(
      IsInvalid(ValidateDistributionPolicy(policy), "distribution_policy.rules.BAIK[1].limit"));
  policy = DistributionPolicy{};
  policy.min_unit_size = -1;
  EXPECT_TRUE(IsInvalid(ValidateDistributionPolicy(policy), "distribution_policy.min_unit_size"));
  EXPECT_TRUE(
      IsInvalid(CheckDistribution({OrgPredicate::kBaik, Counts(0, 1, 0, 0, 0), 1}, policy).status(),
                "distribution_policy.min_unit_size"));
}

TEST(DistributionNames, Enforcement) {
  EXPECT_EQ(DistributionEnforcementName(DistributionEnforcement::kBlock), "BLOCK");
  EXPECT_EQ(DistributionEnforcementName(DistributionEnforcement::kWarnWithJustification),
            "WARN_WITH_JUSTIFICATION");
  EXPECT_EQ(*ParseDistributionEnforcement("BLOCK", "f"), DistributionEnforcement::kBlock);
  EXPECT_TRUE(
      IsInvalid(ParseDistributionEnforcement("WARN", "enforcement").status(), "enforcement"));
  EXPECT_EQ(DistributionPolicy{}.enforcement, DistributionEnforcement::kWarnWithJustification);
}

}  // namespace
}  // namespace kinerja::rating
