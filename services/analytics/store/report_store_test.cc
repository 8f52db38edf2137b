// The report queries over a read model the ingestion builds from the producers' events
// (store::ApplyEvent), on a real PostgreSQL: what the reports read is what the events said,
// including an objection that changed a predicate, an old event delivered again, a duplicate,
// the leader of the day from employee events, and the compliance rows the ingestion keeps.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "services/analytics/domain/development.h"
#include "services/analytics/store/ingest.h"
#include "services/analytics/store/migrations.h"
#include "services/analytics/store/report_reader.h"
#include "services/analytics/tests/event_builders.h"
#include "shared/db/transaction.h"
#include "tests/harness/store_database.h"

namespace kinerja::analytics::store {
namespace {

using namespace ::kinerja::analytics::testing;  // NOLINT: the event builders
using ::kinerja::testing::StoreDatabase;

constexpr rv1::Rating A = rv1::RATING_ABOVE_EXPECTATION;
constexpr rv1::Rating E = rv1::RATING_AS_EXPECTED;
constexpr rv1::Rating B = rv1::RATING_BELOW_EXPECTATION;

google::type::Date Date(int y, int m, int d) {
  google::type::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

class ReportStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<StoreDatabase>("analytics", AnalyticsMigrations());
    // kota: root > dinas (leader pos-kadis, held by the Kadis) > bidang; 4 staff in bidang.
    Apply("employee", "AgencyChanged", AgencyEvent("kota", "Kota"));
    Apply("employee", "OrgUnitChanged", UnitEvent("root", "kota", "", "Pemkot", "pos-mayor"));
    Apply("employee", "OrgUnitChanged", UnitEvent("dinas", "kota", "root", "Dinas", "pos-kadis"));
    Apply("employee", "OrgUnitChanged", UnitEvent("bidang", "kota", "dinas", "Bidang", "pos-kb"));
    Apply("employee", "EmployeeCreated",
          EmployeeEvent("e-kadis", "kota", "N-KADIS", "Kadis", "dinas", "pos-kadis"));
    Apply("employee", "EmployeeCreated",
          EmployeeEvent("e-plh", "kota", "N-PLH", "Plh", "bidang", "pos-x"));
    ev1::ActingOfficialAssigned acting;
    acting.mutable_acting_official()->set_id("act");
    acting.mutable_acting_official()->set_position_id("pos-kb");
    acting.mutable_acting_official()->set_employee_id("e-plh");
    acting.mutable_acting_official()->set_kind(ev1::ACTING_KIND_PLH);
    *acting.mutable_acting_official()->mutable_start_date() = Date(2026, 3, 1);
    *acting.mutable_acting_official()->mutable_end_date() = Date(2026, 3, 5);
    acting.mutable_acting_official()->set_agency_id("kota");
    Apply("employee", "ActingOfficialAssigned", acting);
    Apply("goals", "PeriodCreated", PeriodEvent("period-1", "kota", 2026));
    for (int i = 1; i <= 4; ++i) {
      PlanSpec p;
      p.id = absl::StrCat("plan-", i);
      p.employee_id = absl::StrCat("e-", i);
      p.nip = absl::StrCat("N-", i);
      p.name = absl::StrCat("Staf ", i);
      p.unit = "bidang";
      p.position = absl::StrCat("pos-", i);
      p.assessor_nip = "N-KB";
      p.indicators = {{.id = "i1"}};
      Apply("goals", "PlanApproved", PlanEvent(p));
    }
  }

  void Apply(const std::string& producer, const std::string& type,
             const google::protobuf::Message& payload) {
    ApplyAt(producer, type, payload, ++seq_[producer]);
  }
  void ApplyAt(const std::string& producer, const std::string& type,
               const google::protobuf::Message& payload, int64_t seq) {
    common::EventEnvelope event = Envelope(type, payload, seq);
    absl::Status status = db::RunInTransaction(
        db_->pool(), [&](pqxx::work& tx) { return ApplyEvent(tx, producer, event); });
    ASSERT_TRUE(status.ok()) << type << ": " << status;
  }

  AssessmentSpec Annual(int i, rv1::Rating results, rv1::Rating behaviour) {
    AssessmentSpec a;
    a.id = absl::StrCat("a-", i);
    a.plan = absl::StrCat("plan-", i);
    a.unit = "bidang";
    a.employee_id = absl::StrCat("e-", i);
    a.nip = absl::StrCat("N-", i);
    a.name = absl::StrCat("Staf ", i);
    a.assessor_nip = "N-KB";
    a.assessor_name = "Kabid";
    a.results = results;
    a.behaviour = behaviour;
    return a;
  }

  template <typename Fn>
  auto Read(Fn&& fn) {
    auto result = ReadReport(
        db_->pool(), [&](ReportReader& r) -> absl::StatusOr<decltype(fn(r))> { return fn(r); });
    EXPECT_TRUE(result.ok()) << result.status();
    return *std::move(result);
  }

  static EffectiveScope Scope2026() {
    EffectiveScope s;
    s.year = 2026;
    return s;
  }

  std::unique_ptr<StoreDatabase> db_;
  std::map<std::string, int64_t> seq_;
};

const ScopePart kKota{.agencies = {"kota"}};
const ScopePart kDinas{.agencies = {"kota"}, .root_unit = "dinas", .root_depth = 2};

TEST_F(ReportStoreTest, CountersFollowObjectionsAndIgnoreOldAndRepeatedEvents) {
  Apply("review", "AssessmentFinalised", AssessmentEvent(Annual(1, A, A)));  // Sangat Baik
  Apply("review", "AssessmentFinalised", AssessmentEvent(Annual(2, E, B)));  // Kurang
  const int64_t kurang_seq = seq_["review"];
  Apply("review", "AssessmentChangedByObjection", AssessmentEvent(Annual(2, E, E)));  // Baik
  ApplyAt("review", "AssessmentFinalised", AssessmentEvent(Annual(2, E, B)), kurang_seq);
  Apply("review", "AssessmentFinalised", AssessmentEvent(Annual(3, B, E)));  // Butuh Perbaikan
  ApplyAt("review", "AssessmentFinalised", AssessmentEvent(Annual(3, B, E)), seq_["review"]);
  AssessmentSpec draft = Annual(4, A, A);
  draft.finalised = false;
  Apply("review", "AssessmentRated", AssessmentEvent(draft));

  CountQuery q{.year = 2026, .grouping = Grouping::kUnit};
  for (const ScopePart& part : {kKota, kDinas}) {
    auto rows = Read([&](ReportReader& r) { return r.PredicateCounts(part, q); });
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].group_id, part.root_unit.empty() ? "dinas" : "bidang");
    EXPECT_EQ(rows[0].counts, (PredicateArray{1, 1, 1, 0, 0}));
  }
  q.grouping = Grouping::kNone;
  auto national =
      Read([&](ReportReader& r) { return r.PredicateCounts(ScopePart{.all_agencies = true}, q); });
  ASSERT_EQ(national.size(), 1u);
  EXPECT_EQ(national[0].counts, (PredicateArray{1, 1, 1, 0, 0}));
}

TEST_F(ReportStoreTest, ComplianceRowsCarryTheExcessTheReportShows) {
  for (int i = 1; i <= 4; ++i) {
    Apply("review", "AssessmentFinalised", AssessmentEvent(Annual(i, E, E)));  // all Baik
  }
  Apply("review", "OrgPredicateSet",
        OrgPredicateEvent("bidang", "period-1", "kota", rv1::ORG_PREDICATE_BAIK));
  EffectiveScope s = Scope2026();
  EXPECT_EQ(Read([&](ReportReader& r) { return r.ComplianceTotals(s, kDinas); }),
            (std::pair<int64_t, int64_t>{1, 1}));
  auto units = Read([&](ReportReader& r) { return r.ComplianceUnits(s, kKota, true, 10); });
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].unit_name, "Bidang");
  EXPECT_EQ(units[0].unit_staff, 4);
  EXPECT_EQ(units[0].counts, (std::array<int, 5>{0, 4, 0, 0, 0}));
  nlohmann::json violations = nlohmann::json::parse(units[0].violations_json);
  ASSERT_EQ(violations.size(), 2u);
  // Baik at most 70 % of 4 (2.8): 4 is 2 too many; none Butuh Perbaikan or Kurang: 1 short.
  EXPECT_EQ(violations[0]["rule"], "BAIK_AT_MOST 70%");
  EXPECT_EQ(violations[0]["excess_staff"], 2);
  EXPECT_DOUBLE_EQ(violations[0]["excess_percent"].get<double>(), 30.0);
  EXPECT_EQ(violations[1]["excess_staff"], 1);
  EXPECT_EQ(Read([&](ReportReader& r) { return r.UnitsWithoutOrgPredicate(s, kKota); }), 0);
}

TEST_F(ReportStoreTest, LeaderOfTheDayFromEmployeeEvents) {
  LeaderFacts kadis = Read([](ReportReader& r) { return r.LeaderFactsOf("N-KADIS"); });
  EXPECT_EQ(UnitsLedOnDay(kadis, absl::CivilDay(2026, 6, 1)).size(), 1u);
  LeaderFacts plh = Read([](ReportReader& r) { return r.LeaderFactsOf("N-PLH"); });
  EXPECT_EQ(UnitsLedOnDay(plh, absl::CivilDay(2026, 3, 5)).size(), 1u);
  EXPECT_TRUE(UnitsLedOnDay(plh, absl::CivilDay(2026, 3, 6)).empty());
  auto unit = Read([](ReportReader& r) { return r.Unit("bidang"); });
  ASSERT_TRUE(unit.has_value());
  EXPECT_EQ(unit->path, (std::vector<std::string>{"root", "dinas", "bidang"}));
}

TEST_F(ReportStoreTest, ParticipationRowsFromPlansRealisationsAndPolicies) {
  rv1::ReviewPolicyChanged policy;
  policy.mutable_policy()->set_agency_id("kota");
  policy.mutable_policy()->set_realisation_grace_days(12);
  Apply("review", "ReviewPolicyUpdated", policy);
  rv1::RealisationChanged realisation;
  rv1::Realisation& r = *realisation.mutable_realisation();
  r.set_id("r1");
  r.set_plan_id("plan-1");
  r.set_indicator_id("i1");
  r.mutable_window()->set_year(2026);
  r.mutable_window()->set_index(1);
  *r.mutable_window()->mutable_end_date() = Date(2026, 3, 31);
  r.set_value(12);
  r.set_has_value(true);
  r.add_evidence()->set_name("bukti");
  Apply("review", "RealisationRecorded", realisation);
  EffectiveScope s = Scope2026();
  auto groups = Read([&](ReportReader& r) { return r.ApprovedPlanWindowGroups(s, kKota, 5); });
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].key.cadence, "QUARTERLY");
  EXPECT_EQ(groups[0].key.grace_days, 12);
  EXPECT_EQ(groups[0].key.start, absl::CivilDay(2026, 1, 1));
  EXPECT_EQ(groups[0].key.end, absl::CivilDay(2026, 12, 31));
  EXPECT_EQ(groups[0].plans, 4);
  EXPECT_EQ(groups[0].indicators, 4);
  auto filed = Read([&](ReportReader& r) { return r.RealisationWindowGroups(s, kDinas, 5); });
  ASSERT_EQ(filed.size(), 1u);
  EXPECT_EQ(filed[0].window_index, 1);
  EXPECT_EQ(filed[0].filed, 1);
  auto deadlines = Read([&](ReportReader& r) { return r.PlanDeadlineGroups(s, kKota); });
  ASSERT_EQ(deadlines.size(), 1u);
  EXPECT_EQ(deadlines[0].deadline, absl::CivilDay(2026, 1, 31));
  EXPECT_EQ(deadlines[0].first_approved, absl::CivilDay(2026, 1, 15));
  EXPECT_EQ(deadlines[0].plans, 4);
}

TEST_F(ReportStoreTest, RaterAndDevelopmentRowsFrom360Summaries) {
  Apply("review", "AssessmentFinalised", AssessmentEvent(Annual(1, A, A)));
  rv1::FeedbackRoundChanged round;
  round.mutable_round()->set_id("round-1");
  round.mutable_round()->set_agency_id("kota");
  round.mutable_round()->set_employee_id("e-1");
  round.mutable_round()->set_plan_id("plan-1");
  round.mutable_summary()->set_released(true);
  round.mutable_summary()->set_raters_answered(4);
  auto* v = round.mutable_summary()->add_values();
  v->set_value(rv1::CORE_VALUE_ADAPTIVE);
  v->set_below(3);
  v->set_as_expected(1);
  Apply("review", "FeedbackRoundClosed", round);
  EffectiveScope s = Scope2026();
  auto rows = Read([&](ReportReader& r) {
    return r.Rater360(s, kKota, {AssessorKey{"N-KB", "Kabid"}});
  });
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].behaviour_rating, 1);
  EXPECT_EQ(rows[0].below, 3);
  EXPECT_EQ(rows[0].as_expected, 1);
  std::vector<std::string> names;
  for (const auto& t : CoreValueThemes()) names.emplace_back(t.name);
  auto values = Read([&](ReportReader& r) { return r.DevelopmentValues(s, kKota, names); });
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values.begin()->first, 6);  // Adaptif
  EXPECT_EQ(values.begin()->second.peer_below, 1);
  EXPECT_EQ(Read([&](ReportReader& r) { return r.AssessedEmployees(s, kKota); }), 1);
}

}  // namespace
}  // namespace kinerja::analytics::store
