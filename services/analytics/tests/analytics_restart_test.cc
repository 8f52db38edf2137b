// Restarts and catch-up: the analytics service stopped while the producers go on writing (and
// an old event is delivered again), then started on the same database, resumes after its stored
// cursors and applies what it missed exactly once; a producer that restarts under a running
// analytics service is followed again after its backoff. The distribution is checked against
// the count of the annual assessments the test published.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "services/analytics/tests/analytics_fixture.h"

namespace kinerja::analytics::testing {
namespace {

class AnalyticsRestartTest : public AnalyticsFixture {
 protected:
  AssessmentSpec Annual(int i, rv1::Rating results, rv1::Rating behaviour) {
    const std::string who = absl::StrCat("s", i);
    return {.id = "a-" + who,
            .plan = "plan-" + who,
            .unit = "u-bidang",
            .employee_id = "e-" + who,
            .nip = absl::StrCat("19900101201501", 1000 + i),
            .name = "Staf " + who,
            .assessor_nip = "197001012000011001",
            .assessor_name = "Kabid",
            .results = results,
            .behaviour = behaviour};
  }

  v1::PredicateCounts Totals() {
    v1::GetPredicateDistributionRequest request;
    request.mutable_scope()->set_year(2026);
    request.mutable_scope()->set_agency_id("kota");
    v1::DistributionReport report;
    grpc::Status status =
        stub().GetPredicateDistribution(With(AuditorToken()).get(), request, &report);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return report.totals();
  }
};

TEST_F(AnalyticsRestartTest, CatchesUpAfterItsOwnRestartAndAProducersRestart) {
  Publish("employee", "AgencyChanged", AgencyEvent("kota", "Kota Contoh"));
  Publish("employee", "OrgUnitChanged", UnitEvent("u-bidang", "kota", "", "Bidang", "pos-kabid"));
  Publish("goals", "PeriodCreated", PeriodEvent("period-1", "kota", 2026));
  for (int i = 1; i <= 3; ++i) {
    Publish(
        "review", "AssessmentFinalised",
        AssessmentEvent(Annual(i, rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION)));
  }
  WaitCaughtUp();
  EXPECT_EQ(Totals().sangat_baik(), 3);

  // Down while the review service goes on: two more, and the first one delivered again with
  // its old sequence (a producer replaying its outbox).
  StopAnalytics();
  Publish("review", "AssessmentFinalised",
          AssessmentEvent(Annual(4, rv1::RATING_AS_EXPECTED, rv1::RATING_AS_EXPECTED)));
  Publish("review", "AssessmentFinalised",
          AssessmentEvent(Annual(5, rv1::RATING_BELOW_EXPECTATION, rv1::RATING_AS_EXPECTED)));
  PublishAt(
      "review", "AssessmentFinalised",
      AssessmentEvent(Annual(1, rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION)), 4);
  StartAnalytics();
  WaitCaughtUp();
  v1::PredicateCounts totals = Totals();
  EXPECT_EQ(totals.total(), 5);
  EXPECT_EQ(totals.sangat_baik(), 3);
  EXPECT_EQ(totals.baik(), 1);
  EXPECT_EQ(totals.butuh_perbaikan(), 1);

  // The review service restarts under the running analytics service, and writes meanwhile.
  producer("review").Stop();
  Publish("review", "AssessmentFinalised",
          AssessmentEvent(Annual(6, rv1::RATING_AS_EXPECTED, rv1::RATING_BELOW_EXPECTATION)));
  producer("review").Start();
  WaitCaughtUp();
  totals = Totals();
  EXPECT_EQ(totals.total(), 6);
  EXPECT_EQ(totals.kurang(), 1);
}

}  // namespace
}  // namespace kinerja::analytics::testing
