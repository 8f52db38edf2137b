// The report queries on a real PostgreSQL over a read model written row by row (the ingestion
// is tested on its own; report_store_test.cc feeds events through it): scopes (every agency,
// agencies, subtrees), grouping, filters, and what each query leaves out.
#include "services/analytics/store/report_reader.h"

#include <gtest/gtest.h>

#include <memory>

#include <pqxx/pqxx>

#include "services/analytics/domain/development.h"
#include "services/analytics/store/migrations.h"
#include "tests/harness/store_database.h"

namespace kinerja::analytics::store {
namespace {

using absl::CivilDay;
using ::kinerja::testing::StoreDatabase;

// Agency A: R > D1 > B1, R > D2; agency Z: Z1. Periods of 2025 (monthly; grace 5 in A).
constexpr char kSeed[] = R"SQL(
INSERT INTO agencies (agency_id, name) VALUES ('A', 'Kota A'), ('Z', 'Kota Z');
INSERT INTO units (unit_id, agency_id, parent_id, name, leader_position_id, path) VALUES
  ('R', 'A', '', 'Pemerintah Kota A', 'pos-r', '{R}'),
  ('D1', 'A', 'R', 'Dinas Satu', 'pos-d1', '{R,D1}'),
  ('B1', 'A', 'D1', 'Bidang Satu', 'pos-b1', '{R,D1,B1}'),
  ('D2', 'A', 'R', 'Dinas Dua', 'pos-d2', '{R,D2}'),
  ('Z1', 'Z', '', 'Pemerintah Kota Z', 'pos-z1', '{Z1}');
INSERT INTO employees (employee_id, agency_id, nip, name, unit_id, position_id, status) VALUES
  ('e-lead', 'A', 'N1', 'Kepala Dinas Satu', 'D1', 'pos-d1', 'ACTIVE'),
  ('e-plt', 'A', 'N2', 'Plt Dinas Dua', 'B1', 'pos-staff', 'ACTIVE');
INSERT INTO acting_officials (acting_id, agency_id, position_id, employee_id, kind, start_date,
                              end_date)
  VALUES ('act-1', 'A', 'pos-d2', 'e-plt', 'PLT', '2025-01-01', '2025-06-30');
INSERT INTO periods (period_id, agency_id, year, start_date, end_date, filling_deadline, cadence)
  VALUES ('PA', 'A', 2025, '2025-01-01', '2025-12-31', '2025-01-31', 'MONTHLY'),
         ('PZ', 'Z', 2025, '2025-01-01', '2025-12-31', '2025-01-31', 'QUARTERLY');
INSERT INTO review_policies (agency_id, realisation_grace_days) VALUES ('A', 5);

INSERT INTO predicate_counts (year, kind, window_index, agency_id, unit_id, position_type,
                              predicate, n) VALUES
  (2025, 'ANNUAL', 0, 'A', 'R', 'PELAKSANA', 1, 1),
  (2025, 'ANNUAL', 0, 'A', 'D1', 'PELAKSANA', 2, 3),
  (2025, 'ANNUAL', 0, 'A', 'D1', 'JPT_PRATAMA', 1, 1),
  (2025, 'ANNUAL', 0, 'A', 'B1', 'PELAKSANA', 1, 2),
  (2025, 'ANNUAL', 0, 'A', 'B1', 'PELAKSANA', 3, 1),
  (2025, 'ANNUAL', 0, 'A', 'D2', 'PELAKSANA', 2, 4),
  (2025, 'ANNUAL', 0, 'Z', 'Z1', 'PELAKSANA', 4, 2),
  (2025, 'PERIODIC', 3, 'A', 'B1', 'PELAKSANA', 2, 5),
  (2024, 'ANNUAL', 0, 'A', 'D1', 'PELAKSANA', 5, 9);
INSERT INTO agency_predicate_counts (year, kind, window_index, agency_id, position_type,
                                     predicate, n) VALUES
  (2025, 'ANNUAL', 0, 'A', 'PELAKSANA', 1, 3),
  (2025, 'ANNUAL', 0, 'A', 'PELAKSANA', 2, 7),
  (2025, 'ANNUAL', 0, 'A', 'PELAKSANA', 3, 1),
  (2025, 'ANNUAL', 0, 'A', 'JPT_PRATAMA', 1, 1),
  (2025, 'ANNUAL', 0, 'Z', 'PELAKSANA', 4, 2),
  (2025, 'PERIODIC', 3, 'A', 'PELAKSANA', 2, 5),
  (2024, 'ANNUAL', 0, 'A', 'PELAKSANA', 5, 9);

INSERT INTO unit_compliance (period_id, unit_id, agency_id, year, org_predicate, unit_staff,
                             counts, violations, breaking, excess_staff) VALUES
  ('PA', 'B1', 'A', 2025, 2, 4, '{2,0,1,0,0}', '[]', true, 1),
  ('PA', 'D2', 'A', 2025, 2, 4, '{0,4,0,0,0}',
   '[{"rule": "BAIK_AT_MOST 70%", "count": 4, "pending": 0, "unit_staff": 4,
      "actual_percent": 100.0, "limit": 70}]', true, 2),
  ('PA', 'D1', 'A', 2025, 1, 4, '{1,3,0,0,0}', '[]', false, 0);

-- Plans of A (as of 2025-03-15): p1 approved on time, p2 approved late, p3 a draft past its
-- deadline, p4 submitted with an extension, p5 approved then closed on 14 Feb, p6 in Z.
INSERT INTO plans (plan_id, period_id, agency_id, year, employee_id, nip, name, unit_id,
                   position_type, state, start_date, end_date, filling_deadline, submit_time,
                   first_approve_time, approved_revision, has_quality_indicator, assessor_nip,
                   assessor_name) VALUES
  ('p1', 'PA', 'A', 2025, 'e1', 'N11', 'Ani', 'B1', 'PELAKSANA', 'APPROVED', '2025-01-01',
   '2025-12-31', '2025-01-31', '2025-01-10 09:00+07', '2025-01-31 23:00+07', 1, false, 'N1',
   'Kepala'),
  ('p2', 'PA', 'A', 2025, 'e2', 'N12', 'Budi', 'B1', 'PELAKSANA', 'APPROVED', '2025-01-01',
   '2025-12-31', '2025-01-31', '2025-01-30 09:00+07', '2025-01-31 17:30Z', 1, true, 'N1',
   'Kepala'),
  ('p3', 'PA', 'A', 2025, 'e3', 'N13', 'Citra', 'D2', 'PELAKSANA', 'DRAFT', '2025-01-01',
   '2025-12-31', '2025-01-31', NULL, NULL, 0, false, 'N2', 'Plt'),
  ('p4', 'PA', 'A', 2025, 'e4', 'N14', 'Dedi', 'D2', 'JPT_PRATAMA', 'SUBMITTED', '2025-01-01',
   '2025-12-31', '2025-01-31', '2025-03-01 09:00+07', NULL, 0, false, 'N2', 'Plt'),
  ('p5', 'PA', 'A', 2025, 'e5', 'N15', 'Eka', 'D1', 'PELAKSANA', 'CLOSED', '2025-01-01',
   '2025-02-14', '2025-01-31', '2025-01-05 09:00+07', '2025-01-10 09:00+07', 1, false, 'N1',
   'Kepala'),
  ('p6', 'PZ', 'Z', 2025, 'e6', 'N16', 'Fajar', 'Z1', 'PELAKSANA', 'APPROVED', '2025-01-01',
   '2025-12-31', '2025-01-31', '2025-01-05 09:00+07', '2025-01-06 09:00+07', 1, false, 'N9',
   'Wali');
INSERT INTO deadline_extensions (period_id, employee_id, until) VALUES ('PA', 'e4', '2025-03-31');
INSERT INTO plan_indicators (plan_id, indicator_id, text, aspect, target_min, target_max,
                             lower_is_better, qualitative) VALUES
  ('p1', 'i1', 'Dokumen', 'QUANTITY', 10, 10, false, false),
  ('p1', 'i2', 'Waktu layanan', 'TIME', 2, 2, true, false),
  ('p2', 'i1', 'Laporan', 'QUANTITY', 80, 100, false, false),
  ('p5', 'i1', 'Kegiatan', 'QUALITY', 0, 0, false, true);
INSERT INTO realisations (realisation_id, plan_id, indicator_id, year, window_index, window_end,
                          value, evidence_count, late, seq) VALUES
  ('r1', 'p1', 'i1', 2025, 1, '2025-01-31', 20, 1, false, 1),
  ('r2', 'p1', 'i2', 2025, 1, '2025-01-31', 1, 0, false, 2),
  ('r3', 'p1', 'i1', 2025, 2, '2025-02-28', 16, 2, true, 3),
  ('r4', 'p2', 'i1', 2025, 1, '2025-01-31', 50, 0, false, 4),
  ('r5', 'p5', 'i1', 2025, 1, '2025-01-31', NULL, 1, false, 5),
  ('r6', 'p1', 'i9', 2025, 1, '2025-01-31', 5, 0, false, 6),
  ('r7', 'p1', 'i1', 2025, 3, '2025-03-31', 15, 0, false, 7),
  ('r8', 'p2', 'i1', 2025, 2, '2025-02-28', 60, 0, false, 8),
  ('r9', 'p2', 'i1', 2025, 3, '2025-03-31', 70, 0, false, 9),
  ('r10', 'p2', 'i1', 2025, 3, '2025-03-31', 79, 0, false, 10);
INSERT INTO assessments (assessment_id, plan_id, period_id, agency_id, year, kind, window_index,
                         window_end, unit_id, position_type, employee_id, nip, name,
                         assessor_nip, assessor_name, results_rating, behaviour_rating,
                         predicate, finalised) VALUES
  ('a1', 'p1', 'PA', 'A', 2025, 'PERIODIC', 1, '2025-01-31', 'B1', 'PELAKSANA', 'e1', 'N11',
   'Ani', 'N1', 'Kepala', 1, 1, 1, true),
  ('a2', 'p5', 'PA', 'A', 2025, 'PERIODIC', 1, '2025-01-31', 'D1', 'PELAKSANA', 'e5', 'N15',
   'Eka', 'N1', 'Kepala', 2, 2, 2, true),
  ('a3', 'p5', 'PA', 'A', 2025, 'ANNUAL', 0, '2025-02-14', 'D1', 'PELAKSANA', 'e5', 'N15', 'Eka',
   'N1', 'Kepala', 2, 3, 4, true),
  ('a4', 'p1', 'PA', 'A', 2025, 'PERIODIC', 2, '2025-02-28', 'B1', 'PELAKSANA', 'e1', 'N11',
   'Ani', 'N1', 'Kepala', 1, 1, 1, false),
  ('a5', 'p1', 'PA', 'A', 2025, 'ANNUAL', 0, '2025-12-31', 'B1', 'PELAKSANA', 'e1', 'N11', 'Ani',
   'N1', 'Kepala', 1, 1, 1, true),
  ('a6', 'p1', 'PA', 'A', 2025, 'PERIODIC', 3, '2025-03-31', 'B1', 'PELAKSANA', 'e1', 'N11',
   'Ani', 'N1', 'Kepala', 1, 1, 1, true),
  ('a7', 'p2', 'PA', 'A', 2025, 'ANNUAL', 0, '2025-12-31', 'B1', 'PELAKSANA', 'e2', 'N12',
   'Budi', 'N2', 'Plt', 2, 3, 4, true),
  ('a8', 'p6', 'PZ', 'Z', 2025, 'ANNUAL', 0, '2025-12-31', 'Z1', 'PELAKSANA', 'e6', 'N16',
   'Fajar', 'N9', 'Wali', 3, 3, 5, true);
INSERT INTO assessment_values (assessment_id, core_value, rating) VALUES
  ('a3', 'SERVICE_ORIENTED', 3), ('a3', 'LOYAL', 2), ('a8', 'SERVICE_ORIENTED', 3);
INSERT INTO feedback_summaries (round_id, agency_id, employee_id, plan_id, raters, below,
                                as_expected, above) VALUES
  ('f1', 'A', 'e5', 'p5', 5, '{1,0,0,0,3,0,0}', '{2,5,5,5,1,5,5}', '{2,0,0,0,1,0,0}'),
  ('f2', 'A', 'e1', 'p1', 5, '{0,0,0,0,0,0,0}', '{1,1,1,1,1,1,1}', '{4,4,4,4,4,4,4}');
INSERT INTO unit_policies (unit_id, agency_id, public_service, include_subunits)
  VALUES ('D1', 'A', true, true);
)SQL";

class ReportReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<StoreDatabase>("analytics", AnalyticsMigrations());
    pqxx::connection conn(db_->dsn());
    pqxx::work tx(conn);
    tx.exec("SET search_path TO analytics");
    tx.exec(kSeed);
    tx.commit();
  }

  template <typename Fn>
  auto Read(Fn&& fn) {
    auto result = ReadReport(
        db_->pool(), [&](ReportReader& r) -> absl::StatusOr<decltype(fn(r))> { return fn(r); });
    EXPECT_TRUE(result.ok()) << result.status();
    return *std::move(result);
  }

  static EffectiveScope Scope2025() {
    EffectiveScope s;
    s.year = 2025;
    return s;
  }

  std::unique_ptr<StoreDatabase> db_;
};

const ScopePart kAll{.all_agencies = true};
const ScopePart kAgencyA{.agencies = {"A"}};
const ScopePart kSubtreeD1{.agencies = {"A"}, .root_unit = "D1", .root_depth = 2};

std::map<std::string, PredicateArray> ByGroup(const std::vector<GroupCounts>& rows) {
  std::map<std::string, PredicateArray> out;
  for (const GroupCounts& g : rows) out[g.group_id] = g.counts;
  return out;
}

TEST_F(ReportReaderTest, FactsOfUnitsPeriodsAndLeaders) {
  auto unit = Read([](ReportReader& r) { return r.Unit("B1"); });
  ASSERT_TRUE(unit.has_value());
  EXPECT_EQ(unit->path, (std::vector<std::string>{"R", "D1", "B1"}));
  EXPECT_EQ(unit->leader_position_id, "pos-b1");
  EXPECT_FALSE(unit->end_date.has_value());
  EXPECT_FALSE(Read([](ReportReader& r) { return r.Unit("nope"); }).has_value());
  auto period = Read([](ReportReader& r) { return r.Period("PA"); });
  ASSERT_TRUE(period.has_value());
  EXPECT_EQ(period->year, 2025);
  EXPECT_EQ(period->agency_id, "A");

  LeaderFacts lead = Read([](ReportReader& r) { return r.LeaderFactsOf("N1"); });
  ASSERT_EQ(lead.units.size(), 1u);
  EXPECT_EQ(lead.units[0].unit_id, "D1");
  LeaderFacts plt = Read([](ReportReader& r) { return r.LeaderFactsOf("N2"); });
  ASSERT_EQ(plt.acting.size(), 1u);
  EXPECT_EQ(plt.acting[0].end_date, CivilDay(2025, 6, 30));
  ASSERT_EQ(plt.units.size(), 1u);
  EXPECT_EQ(plt.units[0].unit_id, "D2");
  EXPECT_TRUE(Read([](ReportReader& r) { return r.LeaderFactsOf(""); }).units.empty());

  auto names = Read([](ReportReader& r) { return r.UnitNames({"B1", "nope"}); });
  EXPECT_EQ(names, (std::map<std::string, std::string>{{"B1", "Bidang Satu"}}));
}

TEST_F(ReportReaderTest, PredicateCountsByScopeAndGrouping) {
  CountQuery q{.year = 2025};
  auto national = ByGroup(Read([&](ReportReader& r) { return r.PredicateCounts(kAll, q); }));
  EXPECT_EQ(national[""], (PredicateArray{4, 7, 1, 2, 0}));

  q.grouping = Grouping::kAgency;
  auto by_agency = ByGroup(Read([&](ReportReader& r) { return r.PredicateCounts(kAll, q); }));
  EXPECT_EQ(by_agency["A"], (PredicateArray{4, 7, 1, 0, 0}));
  EXPECT_EQ(by_agency["Z"], (PredicateArray{0, 0, 0, 2, 0}));

  // An agency by unit: its top units with everything below, the root's own staff.
  q.grouping = Grouping::kUnit;
  auto by_unit = ByGroup(Read([&](ReportReader& r) { return r.PredicateCounts(kAgencyA, q); }));
  EXPECT_EQ(by_unit.size(), 3u);
  EXPECT_EQ(by_unit["R"], (PredicateArray{1, 0, 0, 0, 0}));
  EXPECT_EQ(by_unit["D1"], (PredicateArray{3, 3, 1, 0, 0}));
  EXPECT_EQ(by_unit["D2"], (PredicateArray{0, 4, 0, 0, 0}));

  // A subtree by unit: the unit's own staff and its children.
  auto sub = ByGroup(Read([&](ReportReader& r) { return r.PredicateCounts(kSubtreeD1, q); }));
  EXPECT_EQ(sub.size(), 2u);
  EXPECT_EQ(sub["D1"], (PredicateArray{1, 3, 0, 0, 0}));
  EXPECT_EQ(sub["B1"], (PredicateArray{2, 0, 1, 0, 0}));

  q.grouping = Grouping::kPositionType;
  auto by_type = ByGroup(Read([&](ReportReader& r) { return r.PredicateCounts(kSubtreeD1, q); }));
  EXPECT_EQ(by_type["JPT_PRATAMA"], (PredicateArray{1, 0, 0, 0, 0}));
  EXPECT_EQ(by_type["PELAKSANA"], (PredicateArray{2, 3, 1, 0, 0}));

  q.grouping = Grouping::kNone;
  q.position_type = "JPT_PRATAMA";
  EXPECT_EQ(ByGroup(Read([&](ReportReader& r) { return r.PredicateCounts(kAgencyA, q); }))[""],
            (PredicateArray{1, 0, 0, 0, 0}));

  CountQuery periodic{.year = 2025, .kind = "PERIODIC"};
  EXPECT_EQ(ByGroup(Read([&](ReportReader& r) { return r.PredicateCounts(kAll, periodic); }))[""],
            (PredicateArray{0, 5, 0, 0, 0}));
  periodic.window_index = 4;
  EXPECT_TRUE(Read([&](ReportReader& r) { return r.PredicateCounts(kAll, periodic); }).empty());
  periodic.window_index = 3;
  EXPECT_EQ(
      ByGroup(Read([&](ReportReader& r) { return r.PredicateCounts(kSubtreeD1, periodic); }))[""],
      (PredicateArray{0, 5, 0, 0, 0}));
}

TEST_F(ReportReaderTest, Compliance) {
  EffectiveScope s = Scope2025();
  EXPECT_EQ(Read([&](ReportReader& r) { return r.ComplianceTotals(s, kAgencyA); }),
            (std::pair<int64_t, int64_t>{3, 2}));
  EXPECT_EQ(Read([&](ReportReader& r) { return r.ComplianceTotals(s, kSubtreeD1); }),
            (std::pair<int64_t, int64_t>{2, 1}));
  auto units = Read([&](ReportReader& r) { return r.ComplianceUnits(s, kAll, false, 100); });
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0].unit_id, "D2");  // most excess staff first
  EXPECT_EQ(units[0].unit_name, "Dinas Dua");
  EXPECT_EQ(units[0].counts, (std::array<int, 5>{0, 4, 0, 0, 0}));
  EXPECT_NE(units[0].violations_json.find("BAIK_AT_MOST 70%"), std::string::npos);
  EXPECT_EQ(units[1].unit_id, "B1");
  EXPECT_EQ(units[2].unit_id, "D1");
  EXPECT_EQ(Read([&](ReportReader& r) { return r.ComplianceUnits(s, kAll, true, 100); }).size(),
            2u);
  EXPECT_EQ(Read([&](ReportReader& r) { return r.ComplianceUnits(s, kAll, false, 1); }).size(), 1u);
  // R (agency A) and Z1 have finalised annual predicates and no organisation predicate.
  EXPECT_EQ(Read([&](ReportReader& r) { return r.UnitsWithoutOrgPredicate(s, kAll); }), 2);
  EXPECT_EQ(Read([&](ReportReader& r) { return r.UnitsWithoutOrgPredicate(s, kSubtreeD1); }), 0);
  EXPECT_EQ(Read([&](ReportReader& r) { return r.BreakingUnitsByYear(kAll, 2024, 2025); }),
            (std::map<int, int64_t>{{2025, 2}}));
}

TEST_F(ReportReaderTest, ParticipationGroups) {
  EffectiveScope s = Scope2025();
  auto deadlines = Read([&](ReportReader& r) { return r.PlanDeadlineGroups(s, kAgencyA); });
  int64_t plans = 0, submitted = 0, approved = 0;
  for (const PlanDeadlineGroup& g : deadlines) {
    plans += g.plans;
    if (g.submitted) submitted += g.plans;
    if (g.first_approved) approved += g.plans;
    if (g.extension) {
      EXPECT_EQ(*g.extension, CivilDay(2025, 3, 31));
    }
    if (g.first_approved) {
      // 23:00 +07 on the 31st is the 31st in Jakarta; 17:30Z on the 31st is 1 Feb there.
      EXPECT_TRUE(*g.first_approved == CivilDay(2025, 1, 31) ||
                  *g.first_approved == CivilDay(2025, 2, 1))
          << *g.first_approved;
    }
  }
  EXPECT_EQ(plans, 4);  // p5 is closed
  EXPECT_EQ(submitted, 3);
  EXPECT_EQ(approved, 2);

  auto windows = Read([&](ReportReader& r) { return r.ApprovedPlanWindowGroups(s, kAgencyA, 7); });
  int64_t approved_plans = 0, indicators = 0;
  for (const PlanWindowGroup& g : windows) {
    approved_plans += g.plans;
    indicators += g.indicators;
    EXPECT_EQ(g.key.cadence, "MONTHLY");
    EXPECT_EQ(g.key.grace_days, 5);  // A's policy, not the default
  }
  EXPECT_EQ(approved_plans, 3);  // p1, p2 and the closed p5
  EXPECT_EQ(indicators, 4);

  auto filed = Read([&](ReportReader& r) { return r.RealisationWindowGroups(s, kAgencyA, 7); });
  std::map<int, std::pair<int64_t, int64_t>> by_window;
  for (const RealisationWindowGroup& g : filed) {
    by_window[g.window_index].first += g.filed;
    by_window[g.window_index].second += g.late;
  }
  // r6 names an indicator not in p1's content: left out; r9/r10 are one indicator-window.
  EXPECT_EQ(by_window[1], (std::pair<int64_t, int64_t>{4, 0}));
  EXPECT_EQ(by_window[2], (std::pair<int64_t, int64_t>{2, 1}));
  EXPECT_EQ(by_window[3], (std::pair<int64_t, int64_t>{2, 0}));

  auto finalised =
      Read([&](ReportReader& r) { return r.FinalisedAssessmentWindowGroups(s, kAgencyA, 7); });
  int64_t periodic = 0, annual = 0;
  for (const AssessmentWindowGroup& g : finalised) {
    (g.kind == "ANNUAL" ? annual : periodic) += g.plans;
  }
  EXPECT_EQ(periodic, 3);  // a1, a2, a6 (a4 is not finalised)
  EXPECT_EQ(annual, 3);    // a3, a5, a7

  // Z uses the default grace days (no policy seen).
  auto z = Read([&](ReportReader& r) {
    return r.ApprovedPlanWindowGroups(s, ScopePart{.agencies = {"Z"}}, 7);
  });
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(z[0].key.grace_days, 7);
  EXPECT_EQ(z[0].key.cadence, "QUARTERLY");
}

TEST_F(ReportReaderTest, LateEntryRows) {
  EffectiveScope s = Scope2025();
  auto unapproved = Read([&](ReportReader& r) { return r.UnapprovedPlans(s, kAgencyA); });
  ASSERT_EQ(unapproved.size(), 2u);  // p3, p4
  auto approved = Read([&](ReportReader& r) { return r.ApprovedPlans(s, kAgencyA, 7); });
  ASSERT_EQ(approved.size(), 3u);
  for (const ApprovedPlanProgress& p : approved) {
    if (p.plan.plan_id == "p1") {
      EXPECT_EQ(p.indicators, 2);
      EXPECT_EQ(p.filed_by_window, (std::map<int, int>{{1, 2}, {2, 1}, {3, 1}}));
      EXPECT_EQ(p.periodic_finalised, (std::vector<int>{1, 3}));
      EXPECT_TRUE(p.annual_finalised);
      EXPECT_EQ(p.plan.unit_name, "Bidang Satu");
      EXPECT_EQ(p.assessor_nip, "N1");
    } else if (p.plan.plan_id == "p5") {
      EXPECT_EQ(p.key.end, CivilDay(2025, 2, 14));
      EXPECT_TRUE(p.annual_finalised);
    }
  }
  // A subtree: D1 holds p5 and (through B1) p1, p2.
  EXPECT_EQ(Read([&](ReportReader& r) { return r.ApprovedPlans(s, kSubtreeD1, 7); }).size(), 3u);
  EXPECT_TRUE(Read([&](ReportReader& r) { return r.UnapprovedPlans(s, kSubtreeD1); }).empty());
}

TEST_F(ReportReaderTest, DevelopmentValues) {
  EffectiveScope s = Scope2025();
  EXPECT_EQ(Read([&](ReportReader& r) { return r.AssessedEmployees(s, kAgencyA); }), 3);
  std::vector<std::string> names;
  for (const auto& t : CoreValueThemes()) names.emplace_back(t.name);
  auto values = Read([&](ReportReader& r) { return r.DevelopmentValues(s, kAgencyA, names); });
  // Value 1: a3 rated below (e5), and f1's 360 (1 below, 2 above) does not count; value 5: f1
  // has 3 below against 1 above.
  EXPECT_EQ(values[1].rated_below, 1);
  EXPECT_EQ(values[1].peer_below, 0);
  EXPECT_EQ(values[1].employees, 1);
  ASSERT_EQ(values[1].top_units.size(), 1u);
  EXPECT_EQ(values[1].top_units[0], (std::pair<std::string, int64_t>{"D1", 1}));
  EXPECT_EQ(values[5].rated_below, 0);
  EXPECT_EQ(values[5].peer_below, 1);
  EXPECT_EQ(values[5].employees, 1);
  EXPECT_FALSE(values.contains(2));
  // a7 (behaviour below, no values); a3 has values.
  EXPECT_EQ(Read([&](ReportReader& r) { return r.BehaviourBelowWithoutValues(s, kAgencyA); }), 1);
  // National: a8 in Z adds to value 1.
  auto national = Read([&](ReportReader& r) { return r.DevelopmentValues(s, kAll, names); });
  EXPECT_EQ(national[1].rated_below, 2);
  EXPECT_EQ(national[1].employees, 2);
}

TEST_F(ReportReaderTest, RecognitionFacts) {
  EffectiveScope s = Scope2025();
  auto rows = Read([&](ReportReader& r) { return r.RecognitionFacts(s, kAll); });
  ASSERT_EQ(rows.size(), 1u);  // only e1 has an annual Sangat Baik
  const RecognitionFactsRow& ani = rows[0];
  EXPECT_EQ(ani.employee_id, "e1");
  EXPECT_EQ(ani.unit_name, "Bidang Satu");
  EXPECT_EQ(ani.annual_finalised, 1);
  EXPECT_EQ(ani.annual_sangat_baik, 1);
  EXPECT_EQ(ani.periodic_finalised, 2);  // a1, a6 (a4 is a draft)
  EXPECT_EQ(ani.periodic_sangat_baik, 2);
  EXPECT_EQ(ani.realisations_with_evidence, 2);  // r1, r3
  EXPECT_EQ(ani.sangat_baik_years, std::vector<int>{2025});
}

TEST_F(ReportReaderTest, IndicatorHealthRows) {
  EffectiveScope s = Scope2025();
  // D1 is a public-service unit with its sub-units: p1 (no quality), p2 (quality) in B1; p5 is
  // closed.
  EXPECT_EQ(Read([&](ReportReader& r) { return r.PublicServicePlanCounts(s, kAll); }),
            (std::pair<int64_t, int64_t>{2, 1}));
  auto plans = Read([&](ReportReader& r) { return r.PlansWithoutQuality(s, kAll, 100); });
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].plan_id, "p1");
  auto stats = Read([&](ReportReader& r) { return r.IndicatorWindowStats(s, kAll, 1); });
  // p1/i1 (3 windows), p1/i2 (1), p2/i1 (3: window 3's last value is 79); p5/i1 is
  // qualitative; r6's indicator is not in the plan.
  ASSERT_EQ(stats.size(), 3u);
  EXPECT_EQ(stats[0].plan_id, "p1");
  EXPECT_EQ(stats[0].indicator_id, "i1");
  EXPECT_EQ(stats[0].windows, 3);
  EXPECT_DOUBLE_EQ(stats[0].min_value, 15);
  EXPECT_DOUBLE_EQ(stats[0].max_value, 20);
  EXPECT_EQ(stats[2].plan_id, "p2");
  EXPECT_DOUBLE_EQ(stats[2].min_value, 50);
  EXPECT_DOUBLE_EQ(stats[2].max_value, 79);
  EXPECT_EQ(Read([&](ReportReader& r) { return r.IndicatorWindowStats(s, kAll, 3); }).size(), 2u);

  // B1's own policy (not a public-service unit) is nearer than D1's: it applies.
  {
    pqxx::connection conn(db_->dsn());
    pqxx::work tx(conn);
    tx.exec(
        "INSERT INTO analytics.unit_policies (unit_id, agency_id, public_service, "
        "include_subunits) VALUES ('B1', 'A', false, false)");
    tx.commit();
  }
  EXPECT_EQ(Read([&](ReportReader& r) { return r.PublicServicePlanCounts(s, kAll); }),
            (std::pair<int64_t, int64_t>{0, 0}));
}

TEST_F(ReportReaderTest, RaterRows) {
  EffectiveScope s = Scope2025();
  EXPECT_EQ(Read([&](ReportReader& r) { return r.RaterCount(s, kAll); }), 3);
  auto first = Read([&](ReportReader& r) { return r.RaterPage(s, kAll, std::nullopt, 2); });
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0], (AssessorKey{"N1", "Kepala"}));
  EXPECT_EQ(first[1], (AssessorKey{"N2", "Plt"}));
  auto next = Read([&](ReportReader& r) { return r.RaterPage(s, kAll, first[1], 2); });
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0], (AssessorKey{"N9", "Wali"}));

  auto tallies = Read([&](ReportReader& r) { return r.RaterUnitTallies(s, kAll, first); });
  std::map<std::string, RaterUnitTally> by;
  for (const RaterUnitTally& t : tallies) by[t.assessor.nip + "/" + t.unit_id] = t;
  ASSERT_EQ(by.size(), 3u);
  EXPECT_EQ(by["N1/B1"].assessments, 1);  // a5
  EXPECT_EQ(by["N1/B1"].ratings.results, (std::array<int64_t, 3>{1, 0, 0}));
  EXPECT_EQ(by["N1/D1"].ratings.behaviour, (std::array<int64_t, 3>{0, 0, 1}));  // a3
  EXPECT_EQ(by["N2/B1"].ratings.results, (std::array<int64_t, 3>{0, 1, 0}));    // a7

  auto totals = Read([&](ReportReader& r) { return r.UnitRatingTotals(s, {"B1", "D1"}); });
  EXPECT_EQ(totals["B1"].results, (std::array<int64_t, 3>{1, 1, 0}));
  EXPECT_EQ(totals["B1"].behaviour, (std::array<int64_t, 3>{1, 0, 1}));

  auto with360 = Read([&](ReportReader& r) { return r.Rater360(s, kAll, first); });
  ASSERT_EQ(with360.size(), 2u);  // a5 (f2 on p1) and a3 (f1 on p5)
  for (const Rater360Row& row : with360) {
    EXPECT_EQ(row.assessor.nip, "N1");
    if (row.behaviour_rating == 1) {
      EXPECT_EQ(row.above, 28);
      EXPECT_EQ(row.as_expected, 7);
    }
  }
}

TEST_F(ReportReaderTest, Trends) {
  EffectiveScope s = Scope2025();
  EXPECT_EQ(Read([&](ReportReader& r) { return r.RecentPlanYears(s, kAll, 2030); }),
            std::vector<int>{2025});
  auto plans = Read([&](ReportReader& r) { return r.PlansByYear(s, kAgencyA, 2024, 2025); });
  EXPECT_EQ(plans[2025], (std::pair<int64_t, int64_t>{4, 2}));
  EXPECT_FALSE(plans.contains(2024));
}

}  // namespace
}  // namespace kinerja::analytics::store
