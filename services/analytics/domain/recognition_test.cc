#include "services/analytics/domain/recognition.h"

#include <gtest/gtest.h>

#include "shared/errors/errors.h"

namespace kinerja::analytics {
namespace {

RecognitionFacts Good() {
  return RecognitionFacts{.annual_finalised = 1,
                          .annual_sangat_baik = 1,
                          .periodic_finalised = 2,
                          .periodic_sangat_baik = 2,
                          .realisations_with_evidence = 1};
}

TEST(RecognitionRuleOf, DefaultsAndNegatives) {
  auto rule = RecognitionRuleOf(0, 0);
  ASSERT_TRUE(rule.ok());
  EXPECT_EQ(rule->min_periodic, 2);
  EXPECT_EQ(rule->min_evidence, 1);
  auto custom = RecognitionRuleOf(4, 3);
  ASSERT_TRUE(custom.ok());
  EXPECT_EQ(custom->min_periodic, 4);
  EXPECT_EQ(custom->min_evidence, 3);
  auto bad = RecognitionRuleOf(-1, -1);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(errors::ViolationsOf(bad.status()).size(), 2u);
}

TEST(IsRecognitionCandidate, AtTheMinimums) { EXPECT_TRUE(IsRecognitionCandidate(Good(), {})); }

TEST(IsRecognitionCandidate, EachConditionAtItsEdge) {
  RecognitionFacts f = Good();
  f.periodic_finalised = f.periodic_sangat_baik = 1;  // one periodic short
  EXPECT_FALSE(IsRecognitionCandidate(f, {}));
  f = Good();
  f.periodic_finalised = 3;  // one periodic not Sangat Baik
  EXPECT_FALSE(IsRecognitionCandidate(f, {}));
  f = Good();
  f.realisations_with_evidence = 0;
  EXPECT_FALSE(IsRecognitionCandidate(f, {}));
  f = Good();
  f.annual_finalised = 2;  // a second annual (transfer) that is not Sangat Baik
  EXPECT_FALSE(IsRecognitionCandidate(f, {}));
  f.annual_sangat_baik = 2;
  EXPECT_TRUE(IsRecognitionCandidate(f, {}));
  f = Good();
  f.annual_finalised = f.annual_sangat_baik = 0;  // no annual yet
  EXPECT_FALSE(IsRecognitionCandidate(f, {}));
}

TEST(IsRecognitionCandidate, CustomRule) {
  RecognitionFacts f = Good();
  EXPECT_FALSE(IsRecognitionCandidate(f, {.min_periodic = 3, .min_evidence = 1}));
  EXPECT_FALSE(IsRecognitionCandidate(f, {.min_periodic = 2, .min_evidence = 2}));
}

TEST(ConsecutiveYears, CountsBackFromTheYear) {
  EXPECT_EQ(ConsecutiveYears(2025, {}), 0);
  EXPECT_EQ(ConsecutiveYears(2025, {2024}), 0);
  EXPECT_EQ(ConsecutiveYears(2025, {2025}), 1);
  EXPECT_EQ(ConsecutiveYears(2025, {2023, 2025, 2024, 2025}), 3);
  EXPECT_EQ(ConsecutiveYears(2025, {2025, 2024, 2022}), 2);
  EXPECT_EQ(ConsecutiveYears(2025, {2026, 2025}), 1);
}

}  // namespace
}  // namespace kinerja::analytics
