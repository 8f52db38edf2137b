// The read model's ingestion on a real PostgreSQL: each event's effect, counters that always
// equal a recount of the rows, old events delivered again after newer ones changing nothing,
// subtree paths that follow units created out of order and moved, and each unit's compliance row
// following its organisation predicate, plans and annual assessments.
#include "services/analytics/store/ingest.h"

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "services/analytics/store/migrations.h"
#include "services/analytics/store/rebuild.h"
#include "services/analytics/tests/event_builders.h"
#include "shared/db/transaction.h"
#include "tests/harness/store_database.h"

namespace kinerja::analytics::store {
namespace {

using namespace ::kinerja::analytics::testing;  // NOLINT: the event builders
using ::kinerja::testing::StoreDatabase;

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<StoreDatabase>("analytics", AnalyticsMigrations());
  }

  absl::Status Apply(std::string_view producer, const std::string& type,
                     const google::protobuf::Message& payload) {
    return ApplyAt(producer, type, payload, ++seq_[std::string(producer)]);
  }
  absl::Status ApplyAt(std::string_view producer, const std::string& type,
                       const google::protobuf::Message& payload, int64_t seq) {
    common::EventEnvelope event = Envelope(type, payload, seq);
    return db::RunInTransaction(db_->pool(),
                                [&](pqxx::work& tx) { return ApplyEvent(tx, producer, event); });
  }
  std::string Scalar(const std::string& sql) { return db_->Scalar(sql); }

  // Counters minus a recount of the finalised rows: "0" when they agree everywhere.
  std::string CounterDrift() {
    return Scalar(
        "SELECT count(*) FROM ("
        " SELECT year, kind, window_index, agency_id, unit_id, position_type, predicate, n"
        " FROM predicate_counts WHERE n <> 0"
        " EXCEPT SELECT year, kind, window_index, agency_id, unit_id, position_type, predicate,"
        " count(*) FROM assessments WHERE finalised GROUP BY 1,2,3,4,5,6,7"
        " UNION ALL"
        " SELECT year, kind, window_index, agency_id, unit_id, position_type, predicate,"
        " count(*) FROM assessments WHERE finalised GROUP BY 1,2,3,4,5,6,7"
        " EXCEPT SELECT year, kind, window_index, agency_id, unit_id, position_type, predicate, n"
        " FROM predicate_counts) d");
  }

  // The derived tables as text, to compare what the events built with a rebuild from scratch.
  std::string Derived() {
    auto agg = [](const std::string& row, const std::string& from) {
      return "(SELECT string_agg(r, ';' ORDER BY r) FROM (SELECT concat_ws(','," + row +
             ") AS r FROM " + from + ") t)";
    };
    return Scalar("SELECT concat_ws(' | ', " +
                  agg("year, kind, window_index, agency_id, unit_id, position_type, predicate, n",
                      "predicate_counts WHERE n <> 0") +
                  ", " +
                  agg("year, kind, window_index, agency_id, position_type, predicate, n",
                      "agency_predicate_counts WHERE n <> 0") +
                  ", " +
                  agg("period_id, unit_id, org_predicate, unit_staff, counts::text, "
                      "violations::text, breaking, excess_staff",
                      "unit_compliance") +
                  ")");
  }
  void ExpectRebuildAgrees() {
    const std::string incremental = Derived();
    ASSERT_TRUE(
        db::RunInTransaction(db_->pool(), [](pqxx::work& tx) { return RebuildDerived(tx); }).ok());
    EXPECT_EQ(Derived(), incremental);
  }

  AssessmentSpec Annual(const std::string& who, rv1::Rating results, rv1::Rating behaviour,
                        const std::string& unit = "u-bidang") {
    return {.id = "a-" + who,
            .plan = "plan-" + who,
            .unit = unit,
            .employee_id = "e-" + who,
            .nip = "nip-" + who,
            .name = "Staf " + who,
            .assessor_nip = "nip-kabid",
            .assessor_name = "Kabid",
            .results = results,
            .behaviour = behaviour};
  }

  std::unique_ptr<StoreDatabase> db_;
  std::map<std::string, int64_t> seq_;
};

TEST_F(IngestTest, CountersFollowFinalisationAndObjectionChanges) {
  ASSERT_TRUE(Apply("review", "AssessmentRated", AssessmentEvent([&] {
                      AssessmentSpec s =
                          Annual("1", rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION);
                      s.finalised = false;
                      return s;
                    }()))
                  .ok());
  EXPECT_EQ(Scalar("SELECT coalesce(sum(n), 0) FROM predicate_counts"), "0");  // a draft counts not
  ASSERT_TRUE(Apply("review", "AssessmentFinalised",
                    AssessmentEvent(
                        Annual("1", rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION)))
                  .ok());
  ASSERT_TRUE(Apply("review", "AssessmentFinalised",
                    AssessmentEvent(Annual("2", rv1::RATING_AS_EXPECTED, rv1::RATING_AS_EXPECTED)))
                  .ok());
  EXPECT_EQ(Scalar("SELECT n FROM predicate_counts WHERE predicate = 1"), "1");
  EXPECT_EQ(Scalar("SELECT n FROM agency_predicate_counts WHERE predicate = 2"), "1");
  // An objection changes 1's behaviour rating to below: Sangat Baik -> Kurang.
  ASSERT_TRUE(Apply("review", "AssessmentChangedByObjection",
                    AssessmentEvent(
                        Annual("1", rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_BELOW_EXPECTATION)))
                  .ok());
  EXPECT_EQ(Scalar("SELECT n FROM predicate_counts WHERE predicate = 1"), "0");
  EXPECT_EQ(Scalar("SELECT n FROM predicate_counts WHERE predicate = 4"), "1");
  EXPECT_EQ(Scalar("SELECT n FROM agency_predicate_counts WHERE predicate = 4"), "1");
  EXPECT_EQ(CounterDrift(), "0");
  ExpectRebuildAgrees();
}

TEST_F(IngestTest, PerValueBehaviourRatingsReplaceTheEarlierOnes) {
  AssessmentSpec rated = Annual("1", rv1::RATING_AS_EXPECTED, rv1::RATING_BELOW_EXPECTATION);
  rated.finalised = false;
  rated.values = {{rv1::CORE_VALUE_SERVICE_ORIENTED, rv1::RATING_BELOW_EXPECTATION},
                  {rv1::CORE_VALUE_COLLABORATIVE, rv1::RATING_AS_EXPECTED}};
  ASSERT_TRUE(Apply("review", "AssessmentRated", AssessmentEvent(rated)).ok());
  EXPECT_EQ(Scalar("SELECT string_agg(core_value || '=' || rating, ',' ORDER BY core_value)"
                   " FROM assessment_values"),
            "COLLABORATIVE=2,SERVICE_ORIENTED=3");
  rated.finalised = true;
  rated.values = {{rv1::CORE_VALUE_ADAPTIVE, rv1::RATING_BELOW_EXPECTATION}};
  ASSERT_TRUE(Apply("review", "AssessmentFinalised", AssessmentEvent(rated)).ok());
  EXPECT_EQ(Scalar("SELECT string_agg(core_value || '=' || rating, ',') FROM assessment_values"),
            "ADAPTIVE=3");
}

TEST_F(IngestTest, AnOldEventDeliveredAgainChangesNothing) {
  AssessmentSpec finalised =
      Annual("1", rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION);
  AssessmentSpec draft = finalised;
  draft.finalised = false;
  draft.results = rv1::RATING_BELOW_EXPECTATION;
  ASSERT_TRUE(ApplyAt("review", "AssessmentFinalised", AssessmentEvent(finalised), 10).ok());
  ASSERT_TRUE(ApplyAt("review", "AssessmentRated", AssessmentEvent(draft), 5).ok());
  ASSERT_TRUE(ApplyAt("review", "AssessmentFinalised", AssessmentEvent(finalised), 10).ok());
  EXPECT_EQ(Scalar("SELECT finalised::text || predicate FROM assessments"), "true1");
  EXPECT_EQ(Scalar("SELECT sum(n) FROM predicate_counts"), "1");
  EXPECT_EQ(CounterDrift(), "0");

  ASSERT_TRUE(
      ApplyAt("employee", "OrgUnitChanged", UnitEvent("u-1", "kota", "", "Dinas Baru", "pos-1"), 7)
          .ok());
  ASSERT_TRUE(
      ApplyAt("employee", "OrgUnitChanged", UnitEvent("u-1", "kota", "", "Dinas Lama", "pos-0"), 3)
          .ok());
  EXPECT_EQ(Scalar("SELECT name || ' ' || leader_position_id FROM units"), "Dinas Baru pos-1");
}

TEST_F(IngestTest, SubtreePathsFollowUnitsCreatedOutOfOrderAndMoved) {
  // A grandchild and a child arrive before the root.
  ASSERT_TRUE(
      Apply("employee", "OrgUnitChanged", UnitEvent("seksi", "kota", "bidang", "Seksi")).ok());
  ASSERT_TRUE(
      Apply("employee", "OrgUnitChanged", UnitEvent("bidang", "kota", "dinas", "Bidang")).ok());
  ASSERT_TRUE(Apply("employee", "OrgUnitChanged", UnitEvent("dinas", "kota", "", "Dinas")).ok());
  EXPECT_EQ(Scalar("SELECT array_to_string(path, '/') FROM units WHERE unit_id = 'seksi'"),
            "dinas/bidang/seksi");
  // The bidang moves under another dinas: its seksi follows.
  ASSERT_TRUE(Apply("employee", "OrgUnitChanged", UnitEvent("dinas2", "kota", "", "Dinas 2")).ok());
  ASSERT_TRUE(
      Apply("employee", "OrgUnitChanged", UnitEvent("bidang", "kota", "dinas2", "Bidang")).ok());
  EXPECT_EQ(Scalar("SELECT array_to_string(path, '/') FROM units WHERE unit_id = 'seksi'"),
            "dinas2/bidang/seksi");
  EXPECT_EQ(Scalar("SELECT count(*) FROM units WHERE path @> ARRAY['dinas']::text[]"), "1");
  EXPECT_EQ(Scalar("SELECT count(*) FROM units WHERE path @> ARRAY['dinas2']::text[]"), "3");
}

TEST_F(IngestTest, ComplianceFollowsPredicatePlansAndAssessments) {
  ASSERT_TRUE(Apply("employee", "OrgUnitChanged",
                    UnitEvent("u-bidang", "kota", "", "Bidang SD", "pos-kabid"))
                  .ok());
  ASSERT_TRUE(Apply("goals", "PeriodCreated", PeriodEvent("period-1", "kota", 2026)).ok());
  for (int i = 1; i <= 10; ++i) {
    const std::string who = absl::StrCat(i);
    ASSERT_TRUE(Apply("goals", "PlanApproved",
                      PlanEvent({.id = "plan-" + who,
                                 .employee_id = "e-" + who,
                                 .nip = "nip-" + who,
                                 .name = "Staf " + who,
                                 .unit = "u-bidang",
                                 .position = "pos-" + who}))
                    .ok());
  }
  // The head's plan is outside the unit's distribution.
  ASSERT_TRUE(Apply("goals", "PlanApproved",
                    PlanEvent({.id = "plan-kabid",
                               .employee_id = "e-kabid",
                               .nip = "nip-kabid",
                               .name = "Kabid",
                               .unit = "u-bidang",
                               .position = "pos-kabid"}))
                  .ok());
  ASSERT_TRUE(Apply("review", "OrgPredicateSet",
                    OrgPredicateEvent("u-bidang", "period-1", "kota", rv1::ORG_PREDICATE_ISTIMEWA))
                  .ok());
  EXPECT_EQ(Scalar("SELECT unit_staff || ' ' || breaking::text FROM unit_compliance"), "10 false");
  for (int i = 1; i <= 8; ++i) {
    ASSERT_TRUE(Apply("review", "AssessmentFinalised",
                      AssessmentEvent(Annual(absl::StrCat(i), rv1::RATING_ABOVE_EXPECTATION,
                                             rv1::RATING_ABOVE_EXPECTATION)))
                    .ok());
  }
  EXPECT_EQ(Scalar("SELECT breaking::text || ' ' || excess_staff || ' ' || (violations->0->>'rule')"
                   " FROM unit_compliance"),
            "true 1 SANGAT_BAIK_AT_MOST 70%");
  EXPECT_EQ(Scalar("SELECT array_to_string(counts, ',') FROM unit_compliance"), "8,0,0,0,0");
  // The organisation predicate becomes Baik: 8 Sangat Baik are allowed there, and the two staff
  // not finalised yet can still be the one Butuh Perbaikan or Kurang the band asks for.
  ASSERT_TRUE(Apply("review", "OrgPredicateSet",
                    OrgPredicateEvent("u-bidang", "period-1", "kota", rv1::ORG_PREDICATE_BAIK))
                  .ok());
  EXPECT_EQ(Scalar("SELECT breaking::text FROM unit_compliance"), "false");
  // A plan closes (a transfer) before its assessment: the unit has 9 staff.
  ASSERT_TRUE(Apply("goals", "PlanClosed",
                    PlanEvent({.id = "plan-10",
                               .employee_id = "e-10",
                               .nip = "nip-10",
                               .name = "Staf 10",
                               .unit = "u-bidang",
                               .position = "pos-10",
                               .state = gv1::PLAN_STATE_CLOSED}))
                  .ok());
  EXPECT_EQ(Scalar("SELECT unit_staff FROM unit_compliance"), "9");
  // The last one is finalised Baik: nobody is left who could be below Baik.
  ASSERT_TRUE(Apply("review", "AssessmentFinalised",
                    AssessmentEvent(Annual("9", rv1::RATING_AS_EXPECTED, rv1::RATING_AS_EXPECTED)))
                  .ok());
  EXPECT_EQ(Scalar("SELECT breaking::text || ' ' || (violations->0->>'rule') FROM unit_compliance"),
            "true BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1");
  EXPECT_EQ(Scalar("SELECT array_to_string(counts, ',') FROM unit_compliance"), "8,1,0,0,0");
  // The head's annual assessment is outside the distribution.
  AssessmentSpec head = Annual("kabid", rv1::RATING_BELOW_EXPECTATION, rv1::RATING_AS_EXPECTED);
  head.unit_head = true;
  ASSERT_TRUE(Apply("review", "AssessmentFinalised", AssessmentEvent(head)).ok());
  EXPECT_EQ(Scalar("SELECT array_to_string(counts, ',') FROM unit_compliance"), "8,1,0,0,0");
  ExpectRebuildAgrees();
}

// The rebuild computes every unit's compliance in one set-based pass: it must give what the
// events built one unit at a time, across units with and without a head, tree row or plans,
// closed plans with and without a finalised assessment, drafts, periodic and head assessments,
// two periods and a period the read model has no row for.
TEST_F(IngestTest, RebuildEqualsWhatTheEventsBuiltAcrossUnitsAndPeriods) {
  ASSERT_TRUE(
      Apply("employee", "OrgUnitChanged", UnitEvent("u-a", "kota", "", "A", "pos-a-0")).ok());
  ASSERT_TRUE(Apply("employee", "OrgUnitChanged", UnitEvent("u-b", "kota", "u-a", "B")).ok());
  ASSERT_TRUE(
      Apply("employee", "OrgUnitChanged", UnitEvent("u-c", "kota", "u-a", "C", "pos-c-0")).ok());
  ASSERT_TRUE(Apply("goals", "PeriodCreated", PeriodEvent("p1", "kota", 2026)).ok());
  ASSERT_TRUE(Apply("goals", "PeriodCreated", PeriodEvent("p2", "kota", 2025)).ok());
  // "u-x" has no tree row, "p-x" no period row (its year comes from the plans).
  const std::vector<std::pair<std::string, std::string>> unit_periods = {
      {"u-a", "p1"}, {"u-b", "p1"}, {"u-c", "p1"}, {"u-a", "p2"}, {"u-x", "p-x"}};
  const rv1::Rating results[] = {rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_AS_EXPECTED,
                                 rv1::RATING_BELOW_EXPECTATION};
  int n = 0;
  for (const auto& [unit, period] : unit_periods) {
    for (int i = 0; i < 7; ++i, ++n) {
      const std::string who = absl::StrCat(unit, "-", period, "-", i);
      PlanSpec plan{.id = "plan-" + who,
                    .period = period,
                    .year = period == "p2" ? 2025 : 2026,
                    .employee_id = "e-" + who,
                    .nip = "nip-" + who,
                    .name = "Staf " + who,
                    .unit = unit,
                    // i == 0 holds the unit's leader position where the unit has one.
                    .position = absl::StrCat("pos-", unit.substr(2), "-", i)};
      if (i == 5 || i == 6) plan.state = gv1::PLAN_STATE_CLOSED;
      ASSERT_TRUE(Apply("goals", i >= 5 ? "PlanClosed" : "PlanApproved", PlanEvent(plan)).ok());
      if (i == 6) continue;  // closed before any assessment
      AssessmentSpec annual = Annual(who, results[n % 3], results[(n / 3) % 3], unit);
      annual.plan = plan.id;
      annual.period = period;
      annual.year = plan.year;
      annual.unit_head = i == 0 && unit != "u-b" && unit != "u-x";
      annual.finalised = i != 4;
      ASSERT_TRUE(Apply("review", annual.finalised ? "AssessmentFinalised" : "AssessmentRated",
                        AssessmentEvent(annual))
                      .ok());
      AssessmentSpec periodic = annual;
      periodic.id = "q-" + who;
      periodic.kind = rv1::ASSESSMENT_KIND_PERIODIC;
      periodic.window_index = 1 + i % 4;
      ASSERT_TRUE(Apply("review", "AssessmentFinalised", AssessmentEvent(periodic)).ok());
    }
  }
  const std::vector<std::pair<std::pair<std::string, std::string>, rv1::OrgPredicate>> org = {
      {{"u-a", "p1"}, rv1::ORG_PREDICATE_ISTIMEWA},
      {{"u-b", "p1"}, rv1::ORG_PREDICATE_BAIK},
      {{"u-c", "p1"}, rv1::ORG_PREDICATE_BUTUH_PERBAIKAN},
      {{"u-a", "p2"}, rv1::ORG_PREDICATE_KURANG},
      {{"u-x", "p-x"}, rv1::ORG_PREDICATE_SANGAT_KURANG},
      {{"u-empty", "p1"}, rv1::ORG_PREDICATE_BAIK}};  // no plans at all
  for (const auto& [where, predicate] : org) {
    ASSERT_TRUE(Apply("review", "OrgPredicateSet",
                      OrgPredicateEvent(where.first, where.second, "kota", predicate))
                    .ok());
  }
  // One of u-b's staff moves to u-c after finalisation (both units' rows follow).
  AssessmentSpec moved =
      Annual("u-b-p1-1", rv1::RATING_AS_EXPECTED, rv1::RATING_AS_EXPECTED, "u-c");
  moved.plan = "plan-u-b-p1-1";
  moved.period = "p1";
  ASSERT_TRUE(Apply("review", "AssessmentChangedByObjection", AssessmentEvent(moved)).ok());
  // Staff: open plans without the head's, plus finalised assessments of closed plans (and of
  // the plan whose assessment moved here); the head's and draft assessments are not counted.
  EXPECT_EQ(Scalar("SELECT string_agg(concat_ws(' ', unit_id, period_id, year, org_predicate,"
                   " unit_staff, counts::text, breaking), '; ' ORDER BY unit_id, period_id)"
                   " FROM unit_compliance"),
            "u-a p1 2026 1 5 {0,2,2,0,0} f; u-a p2 2025 4 5 {0,1,1,1,1} t; "
            "u-b p1 2026 2 6 {1,2,0,1,0} f; u-c p1 2026 3 6 {0,2,0,2,1} t; "
            "u-empty p1 2026 2 0 {0,0,0,0,0} f; u-x p-x 2026 5 6 {0,3,1,1,0} t");
  ExpectRebuildAgrees();
}

TEST_F(IngestTest, ComplianceWrittenBeforeItsPeriodTakesTheYearWhenThePeriodArrives) {
  // The review stream ran ahead of the goals stream: no plan, no period known yet.
  ASSERT_TRUE(Apply("review", "OrgPredicateSet",
                    OrgPredicateEvent("u-x", "period-9", "kota", rv1::ORG_PREDICATE_BAIK))
                  .ok());
  EXPECT_EQ(Scalar("SELECT year FROM unit_compliance"), "0");
  ASSERT_TRUE(Apply("goals", "PeriodCreated", PeriodEvent("period-9", "kota", 2026)).ok());
  EXPECT_EQ(Scalar("SELECT year FROM unit_compliance"), "2026");
}

TEST_F(IngestTest, RealisationsAreDueForTheApprovedContentOnly) {
  ASSERT_TRUE(Apply("goals", "PeriodCreated", PeriodEvent("period-1", "kota", 2026)).ok());
  PlanSpec plan{.id = "plan-1",
                .employee_id = "e-1",
                .nip = "nip-1",
                .name = "Staf 1",
                .unit = "u-1",
                .position = "pos-1",
                .indicators = {{.id = "i-1"}, {.id = "i-2", .aspect = gv1::ASPECT_QUALITY}}};
  ASSERT_TRUE(Apply("goals", "PlanApproved", PlanEvent(plan)).ok());
  EXPECT_EQ(Scalar("SELECT count(*) FROM plan_indicators"), "2");
  EXPECT_EQ(Scalar("SELECT has_quality_indicator::text FROM plans"), "true");
  // A revision being written drops the quality indicator: not in force until approved.
  PlanSpec revision = plan;
  revision.state = gv1::PLAN_STATE_DRAFT;
  revision.revision = 2;
  revision.indicators = {{.id = "i-1"}};
  ASSERT_TRUE(Apply("goals", "PlanRevised", PlanEvent(revision)).ok());
  EXPECT_EQ(Scalar("SELECT count(*) FROM plan_indicators"), "2");
  EXPECT_EQ(Scalar("SELECT year || ' ' || state FROM plans"), "2026 DRAFT");
  revision.state = gv1::PLAN_STATE_APPROVED;
  revision.approved_revision = 2;
  ASSERT_TRUE(Apply("goals", "PlanApproved", PlanEvent(revision)).ok());
  EXPECT_EQ(Scalar("SELECT count(*) FROM plan_indicators"), "1");
  EXPECT_EQ(Scalar("SELECT has_quality_indicator::text FROM plans"), "false");
  // The first approval's time is kept.
  EXPECT_EQ(Scalar("SELECT first_approve_time::date FROM plans"), "2026-01-15");
}

TEST_F(IngestTest, UnknownTypesAreIgnoredAndBadPayloadsRefusedWithNothingWritten) {
  EXPECT_TRUE(Apply("review", "AssessmentExported", AgencyEvent("kota", "Kota")).ok());
  absl::Status bad = Apply("review", "AssessmentFinalised", AgencyEvent("kota", "Kota"));
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument) << bad;
  EXPECT_EQ(Scalar("SELECT count(*) FROM assessments"), "0");
  EXPECT_EQ(Apply("payroll", "AgencyChanged", AgencyEvent("kota", "Kota")).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(EventTypesOf("review").empty());
  EXPECT_TRUE(EventTypesOf("payroll").empty());
}

}  // namespace
}  // namespace kinerja::analytics::store
