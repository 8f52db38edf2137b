// Every analytics report through the real gRPC channel, on a read model the service builds from
// scripted producers' events (including a duplicate and an old event delivered again after a
// newer one), checked against numbers this test works out itself from the scenario below; access
// per role; small-group suppression of the public transparency report.
//
// The scenario (year 2026, quarterly windows; the service's clock is 2027-02-15 in Jakarta):
//   kota "Kota Sawahlunto": u-root > u-dinas "Dinas Pendidikan" > u-bidang "Bidang SD";
//                           u-root > u-dinas2 "Dinas Kesehatan"; u-root > u-dinas3 "Dinas Sosial"
//   kab  "Kabupaten Lain":  k-root > k-dinas "Dinas PU"
// Staff (one plan and one annual assessment each, unless said) are in kStaff. The kota agency's
// realisation grace is 10 days (kab: the default 5).
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "services/analytics/tests/analytics_fixture.h"

namespace kinerja::analytics::testing {
namespace {

constexpr int kYear = 2026;
constexpr rv1::Rating A = rv1::RATING_ABOVE_EXPECTATION;
constexpr rv1::Rating E = rv1::RATING_AS_EXPECTED;
constexpr rv1::Rating B = rv1::RATING_BELOW_EXPECTATION;

constexpr char kKabid[] = "197001012000011001";   // leads u-bidang
constexpr char kKadis[] = "197001012000011002";   // leads u-dinas
constexpr char kKadis2[] = "197001012000011003";  // leads u-dinas2
constexpr char kKadis3[] = "197001012000011004";  // holds pos-kadis3 (not an employee here)
constexpr char kPlt[] = "197001012000011005";     // Plt of u-dinas3 in February 2027
constexpr char kKab[] = "197001012000011006";     // assessor in kab
constexpr char kNobody[] = "197001012000011009";  // a unit_leader token leading nothing

struct Staff {
  std::string id;
  std::string agency;
  std::string unit;
  std::string assessor;
  rv1::Rating results = E;
  rv1::Rating behaviour = E;
  std::string position_type = "PELAKSANA";
  int approve_month = 1;  // 0: not approved
  int approve_day = 15;
  bool annual = true;  // a finalised annual assessment
};

// s6's final ratings come from an objection (first finalised E/B = Kurang).
const std::vector<Staff> kStaff = {
    {"s1", "kota", "u-bidang", kKabid, A, A},
    {"s2", "kota", "u-bidang", kKabid, A, A, "PELAKSANA", 2, 10},
    {"s3", "kota", "u-bidang", kKabid, E, E},
    {"s4", "kota", "u-bidang", kKabid, A, E},
    {"s5", "kota", "u-bidang", kPlt, B, E},
    {"s6", "kota", "u-bidang", kPlt, E, E},
    {"s7", "kota", "u-dinas", kKadis, E, E},
    {"s8", "kota", "u-dinas", kKadis, E, E},
    {"s9", "kota", "u-dinas", kKadis, A, A},
    {"s10", "kota", "u-dinas", kKadis, E, E, "ADMINISTRATOR"},
    {"s11", "kota", "u-dinas2", kKadis2, A, A},
    {"s12", "kota", "u-dinas2", kKadis2, A, A},
    {"s13", "kota", "u-dinas2", kKadis2, A, A},
    {"s14", "kota", "u-dinas2", kKadis2, E, E},
    {"s15", "kab", "k-dinas", kKab, B, B},
    {"s16", "kab", "k-dinas", kKab, E, E},
    {"s17", "kab", "k-dinas", kKab, E, E},
    {"s18", "kota", "u-bidang", kKabid, E, E, "PELAKSANA", 0, 0, false},  // a draft plan
    {"s19", "kota", "u-dinas", kKadis, E, E, "PELAKSANA", 0, 0, false},   // submitted only
    {"s20", "kota", "u-dinas3", kKadis3, E, E},
    {"s21", "kota", "u-dinas3", kKadis3, E, E},
    {"s22", "kota", "u-dinas3", kKadis3, E, E},
    {"s23", "kota", "u-dinas3", kKadis3, E, E},
    {"s24", "kota", "u-dinas3", kKadis3, E, E},
};

std::string NipOf(const Staff& s) {
  return absl::StrFormat("1990010120150110%02d", std::stoi(s.id.substr(1)));
}
std::string PeriodOf(const std::string& agency) {
  return agency == "kota" ? "period-1" : "period-k";
}
// Units above a unit (itself included).
std::vector<std::string> PathOf(const std::string& unit) {
  if (unit == "u-bidang") return {"u-root", "u-dinas", "u-bidang"};
  if (unit == "k-dinas") return {"k-root", "k-dinas"};
  return {"u-root", unit};
}
bool InSubtree(const Staff& s, const std::string& root) {
  for (const std::string& u : PathOf(s.unit)) {
    if (u == root) return true;
  }
  return false;
}

// The DOMAIN.md predicate matrix, national codes 1..5.
int PredicateCode(rv1::Rating results, rv1::Rating behaviour) {
  if (behaviour == B) return results == B ? 5 : 4;
  if (results == B) return 3;
  return results == A && behaviour == A ? 1 : 2;
}

// Expected annual predicate counts of the staff matching `pick` (index 0 = code 1).
template <typename Pick>
std::array<int64_t, 5> Expected(Pick pick) {
  std::array<int64_t, 5> counts{};
  for (const Staff& s : kStaff) {
    if (s.annual && pick(s)) ++counts[PredicateCode(s.results, s.behaviour) - 1];
  }
  return counts;
}

std::array<int64_t, 5> Counts(const v1::PredicateCounts& c) {
  return {c.sangat_baik(), c.baik(), c.butuh_perbaikan(), c.kurang(), c.sangat_kurang()};
}
int64_t Sum(const std::array<int64_t, 5>& c) { return c[0] + c[1] + c[2] + c[3] + c[4]; }

google::type::Date Date(int y, int m, int d) {
  google::type::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

// The field a BadRequest of `status` names first ("" for none).
std::string FieldOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&bad) && bad.field_violations_size() > 0) {
      return bad.field_violations(0).field();
    }
  }
  return "";
}

class AnalyticsReportsTest : public AnalyticsFixture {
 protected:
  void SetUp() override {
    AnalyticsFixture::SetUp();
    PublishScenario();
    WaitCaughtUp();
  }

  void PublishScenario() {
    // The employee service: agencies, the trees, leaders, an acting official.
    Publish("employee", "AgencyChanged", AgencyEvent("kota", "Kota Sawahlunto"));
    Publish("employee", "AgencyChanged", AgencyEvent("kab", "Kabupaten Lain"));
    Publish("employee", "OrgUnitChanged",
            UnitEvent("u-root", "kota", "", "Pemerintah Kota", "pos-mayor"));
    Publish("employee", "OrgUnitChanged",
            UnitEvent("u-dinas", "kota", "u-root", "Dinas Pendidikan", "pos-kadis"));
    Publish("employee", "OrgUnitChanged",
            UnitEvent("u-bidang", "kota", "u-dinas", "Bidang SD", "pos-kabid"));
    Publish("employee", "OrgUnitChanged",
            UnitEvent("u-dinas2", "kota", "u-root", "Dinas Kesehatan", "pos-kadis2"));
    Publish("employee", "OrgUnitChanged",
            UnitEvent("u-dinas3", "kota", "u-root", "Dinas Sosial", "pos-kadis3"));
    Publish("employee", "OrgUnitChanged",
            UnitEvent("k-root", "kab", "", "Pemerintah Kabupaten", "pos-bupati"));
    Publish("employee", "OrgUnitChanged",
            UnitEvent("k-dinas", "kab", "k-root", "Dinas PU", "pos-kadispu"));
    Publish("employee", "EmployeeCreated",
            EmployeeEvent("e-kabid", "kota", kKabid, "Kabid SD", "u-bidang", "pos-kabid"));
    Publish("employee", "EmployeeCreated",
            EmployeeEvent("e-kadis", "kota", kKadis, "Kadis Pendidikan", "u-dinas", "pos-kadis"));
    Publish(
        "employee", "EmployeeCreated",
        EmployeeEvent("e-kadis2", "kota", kKadis2, "Kadis Kesehatan", "u-dinas2", "pos-kadis2"));
    Publish("employee", "EmployeeCreated",
            EmployeeEvent("e-plt", "kota", kPlt, "Plt Dinas Sosial", "u-bidang", "pos-staff"));
    ev1::ActingOfficialAssigned acting;
    ev1::ActingOfficial& a = *acting.mutable_acting_official();
    a.set_id("act-1");
    a.set_position_id("pos-kadis3");
    a.set_employee_id("e-plt");
    a.set_kind(ev1::ACTING_KIND_PLT);
    *a.mutable_start_date() = Date(2027, 2, 1);
    *a.mutable_end_date() = Date(2027, 3, 31);
    a.set_agency_id("kota");
    Publish("employee", "ActingOfficialAssigned", acting);

    // The goals service: periods, a public-service policy, an extension, the plans.
    Publish("goals", "PeriodCreated", PeriodEvent("period-1", "kota", kYear));
    Publish("goals", "PeriodCreated", PeriodEvent("period-k", "kab", kYear));
    Publish("goals", "PeriodCreated", PeriodEvent("period-0", "kota", kYear - 1));
    gv1::UnitPolicyChanged policy;
    policy.mutable_policy()->set_agency_id("kota");
    policy.mutable_policy()->set_unit_id("u-dinas");
    policy.mutable_policy()->set_public_service(true);
    policy.mutable_policy()->set_include_subunits(true);
    Publish("goals", "UnitPolicyChanged", policy);
    gv1::DeadlineExtensionGranted extension;
    extension.mutable_extension()->set_period_id("period-1");
    extension.mutable_extension()->set_employee_id("e-s19");
    *extension.mutable_extension()->mutable_until() = Date(kYear, 3, 31);
    Publish("goals", "DeadlineExtensionGranted", extension);
    for (const Staff& s : kStaff) PublishPlan(s);
    PlanSpec old = PlanOf(kStaff[0]);
    old.id = "plan-s1-2025";
    old.period = "period-0";
    old.year = kYear - 1;
    Publish("goals", "PlanApproved", PlanEvent(old));

    // The plans are in before the review events come, as in life.
    WaitCaughtUp();

    // The review service.
    rv1::ReviewPolicyChanged review_policy;
    review_policy.mutable_policy()->set_agency_id("kota");
    review_policy.mutable_policy()->set_realisation_grace_days(10);
    Publish("review", "ReviewPolicyUpdated", review_policy);
    for (const Staff& s : kStaff) {
      if (!s.annual) continue;
      if (s.id == "s6") {
        // Finalised Kurang, changed by an objection; then the old event comes again.
        AssessmentSpec first = AnnualOf(s);
        first.behaviour = B;
        Publish("review", "AssessmentFinalised", AssessmentEvent(first));
        const int64_t old_sequence = producer_sequence_;
        Publish("review", "AssessmentChangedByObjection", AssessmentEvent(AnnualOf(s)));
        PublishAt("review", "AssessmentFinalised", AssessmentEvent(first), old_sequence);
        continue;
      }
      AssessmentSpec annual = AnnualOf(s);
      if (s.id == "s5") {  // behaviour as expected overall, one value below
        annual.values = {{rv1::CORE_VALUE_SERVICE_ORIENTED, B}, {rv1::CORE_VALUE_LOYAL, E}};
      }
      Publish("review", "AssessmentFinalised", AssessmentEvent(annual));
      if (s.id == "s3") {  // the same event delivered twice
        PublishAt("review", "AssessmentFinalised", AssessmentEvent(AnnualOf(s)),
                  producer_sequence_);
      }
    }
    AssessmentSpec old_annual = AnnualOf(kStaff[0]);
    old_annual.id = "a-s1-2025";
    old_annual.plan = "plan-s1-2025";
    old_annual.period = "period-0";
    old_annual.year = kYear - 1;
    Publish("review", "AssessmentFinalised", AssessmentEvent(old_annual));
    // Periodic: s1 Sangat Baik in every quarter; s2 Sangat Baik in Q1 and Baik in Q2.
    for (int q = 1; q <= 4; ++q) PublishPeriodic(kStaff[0], q, A, A);
    PublishPeriodic(kStaff[1], 1, A, A);
    PublishPeriodic(kStaff[1], 2, E, E);
    // Organisation predicates (u-bidang has none).
    Publish("review", "OrgPredicateSet",
            OrgPredicateEvent("u-dinas", "period-1", "kota", rv1::ORG_PREDICATE_BAIK));
    Publish("review", "OrgPredicateSet",
            OrgPredicateEvent("u-dinas2", "period-1", "kota", rv1::ORG_PREDICATE_ISTIMEWA));
    Publish("review", "OrgPredicateSet",
            OrgPredicateEvent("u-dinas3", "period-1", "kota", rv1::ORG_PREDICATE_BAIK));
    Publish("review", "OrgPredicateSet",
            OrgPredicateEvent("k-dinas", "period-k", "kab", rv1::ORG_PREDICATE_BAIK));
    // Realisations: s1 in every quarter, both indicators, with evidence; s2 Q1 late, none.
    const double i1[] = {20, 18, 16, 30};
    const double i2[] = {4, 5, 3, 6};
    for (int q = 1; q <= 4; ++q) {
      PublishRealisation("plan-s1", "i1", q, i1[q - 1], true, false);
      PublishRealisation("plan-s1", "i2", q, i2[q - 1], true, false);
    }
    PublishRealisation("plan-s2", "i1", 1, 5, false, true);
    // 360: s3 placed below on Berorientasi Pelayanan; s4 on Kolaboratif (not on Berorientasi
    // Pelayanan: as many above as below); s5's round was never released.
    PublishRound("s3", {{rv1::CORE_VALUE_SERVICE_ORIENTED, {3, 1, 1}}}, true);
    PublishRound(
        "s4",
        {{rv1::CORE_VALUE_SERVICE_ORIENTED, {2, 1, 2}}, {rv1::CORE_VALUE_COLLABORATIVE, {4, 1, 0}}},
        true);
    PublishRound("s5", {{rv1::CORE_VALUE_LOYAL, {5, 0, 0}}}, false);
  }

  void Publish(const std::string& producer, const std::string& type,
               const google::protobuf::Message& payload) {
    AnalyticsFixture::Publish(producer, type, payload);
    if (producer == "review") ++producer_sequence_;
  }
  void PublishAt(const std::string& producer, const std::string& type,
                 const google::protobuf::Message& payload, int64_t sequence) {
    AnalyticsFixture::PublishAt(producer, type, payload, sequence);
  }

  static PlanSpec PlanOf(const Staff& s) {
    PlanSpec p;
    p.id = "plan-" + s.id;
    p.period = PeriodOf(s.agency);
    p.agency = s.agency;
    p.year = kYear;
    p.employee_id = "e-" + s.id;
    p.nip = NipOf(s);
    p.name = "Pegawai " + s.id;
    p.unit = s.unit;
    p.position = "pos-" + s.id;
    p.position_type = s.position_type;
    p.assessor_nip = s.assessor;
    p.approve_month = s.approve_month;
    p.approve_day = s.approve_day;
    if (s.approve_month == 0) {
      p.approved_revision = 0;
      p.state = s.id == "s18" ? gv1::PLAN_STATE_DRAFT : gv1::PLAN_STATE_SUBMITTED;
    }
    p.indicators.push_back(
        {.id = "i1", .aspect = s.id == "s3" ? gv1::ASPECT_QUALITY : gv1::ASPECT_QUANTITY});
    if (s.id == "s1") {
      p.indicators.push_back({.id = "i2",
                              .aspect = gv1::ASPECT_TIME,
                              .target_min = 2,
                              .target_max = 2,
                              .lower_is_better = true});
    }
    return p;
  }

  void PublishPlan(const Staff& s) {
    gv1::PlanChanged plan = PlanEvent(PlanOf(s));
    if (s.id == "s19") {
      plan.mutable_plan()->mutable_submit_time()->set_seconds(1772000000);  // 25 Feb 2026
      Publish("goals", "PlanSubmitted", plan);
    } else {
      Publish("goals", s.approve_month == 0 ? "PlanCreated" : "PlanApproved", plan);
    }
  }

  static AssessmentSpec AnnualOf(const Staff& s) {
    AssessmentSpec a;
    a.id = "a-" + s.id;
    a.plan = "plan-" + s.id;
    a.period = PeriodOf(s.agency);
    a.agency = s.agency;
    a.year = kYear;
    a.unit = s.unit;
    a.position_type = s.position_type;
    a.employee_id = "e-" + s.id;
    a.nip = NipOf(s);
    a.name = "Pegawai " + s.id;
    a.assessor_nip = s.assessor;
    a.assessor_name = "Penilai " + s.assessor.substr(s.assessor.size() - 2);
    a.results = s.results;
    a.behaviour = s.behaviour;
    return a;
  }

  void PublishPeriodic(const Staff& s, int quarter, rv1::Rating results, rv1::Rating behaviour) {
    AssessmentSpec a = AnnualOf(s);
    a.id = absl::StrCat("p-", s.id, "-q", quarter);
    a.kind = rv1::ASSESSMENT_KIND_PERIODIC;
    a.window_index = quarter;
    a.results = results;
    a.behaviour = behaviour;
    Publish("review", "AssessmentFinalised", AssessmentEvent(a));
  }

  void PublishRealisation(const std::string& plan, const std::string& indicator, int quarter,
                          double value, bool evidence, bool late) {
    rv1::RealisationChanged changed;
    rv1::Realisation& r = *changed.mutable_realisation();
    r.set_id(absl::StrCat("r-", plan, "-", indicator, "-q", quarter));
    r.set_plan_id(plan);
    r.set_plan_revision(1);
    r.set_indicator_id(indicator);
    rv1::Window& w = *r.mutable_window();
    w.set_year(kYear);
    w.set_index(quarter);
    w.set_start_month(3 * quarter - 2);
    w.set_end_month(3 * quarter);
    *w.mutable_start_date() = Date(kYear, 3 * quarter - 2, 1);
    const absl::CivilDay last = absl::CivilDay(absl::CivilMonth(kYear, 3 * quarter) + 1) - 1;
    *w.mutable_end_date() = Date(kYear, last.month(), last.day());
    r.set_value(value);
    r.set_has_value(true);
    if (evidence) {
      r.add_evidence()->set_name("Laporan");
      r.mutable_evidence(0)->set_link("https://contoh.go.id/bukti");
    }
    r.set_late(late);
    Publish("review", "RealisationRecorded", changed);
  }

  struct Answers {
    int below, as_expected, above;
  };
  void PublishRound(const std::string& staff, const std::map<rv1::CoreValue, Answers>& values,
                    bool released) {
    rv1::FeedbackRoundChanged changed;
    rv1::FeedbackRound& round = *changed.mutable_round();
    round.set_id("round-" + staff);
    round.set_agency_id("kota");
    round.set_employee_id("e-" + staff);
    round.set_plan_id("plan-" + staff);
    round.set_raters_answered(5);
    rv1::FeedbackSummary& summary = *changed.mutable_summary();
    summary.set_round_id(round.id());
    summary.set_released(released);
    summary.set_raters_answered(5);
    summary.set_threshold(3);
    for (const auto& [value, a] : values) {
      auto* v = summary.add_values();
      v->set_value(value);
      v->set_below(a.below);
      v->set_as_expected(a.as_expected);
      v->set_above(a.above);
    }
    Publish("review", "FeedbackRoundClosed", changed);
  }

  v1::ReportScope Scope(const std::string& agency = "", const std::string& unit = "") {
    v1::ReportScope scope;
    scope.set_year(kYear);
    scope.set_agency_id(agency);
    scope.set_unit_id(unit);
    return scope;
  }

  grpc::Status Distribution(const std::string& token, const v1::ReportScope& scope,
                            v1::DistributionReport* report,
                            v1::GroupBy group_by = v1::GROUP_BY_UNSPECIFIED) {
    v1::GetPredicateDistributionRequest request;
    *request.mutable_scope() = scope;
    request.set_group_by(group_by);
    return stub().GetPredicateDistribution(With(token).get(), request, report);
  }

  int64_t producer_sequence_ = 0;
};

// --- Distribution -------------------------------------------------------------------------------

TEST_F(AnalyticsReportsTest, DistributionNationalByAgencyAndAfterRedelivery) {
  v1::DistributionReport report;
  ASSERT_TRUE(Distribution(AuditorToken(), Scope(), &report, v1::GROUP_BY_AGENCY).ok());
  EXPECT_EQ(Counts(report.totals()), Expected([](const Staff&) { return true; }));
  EXPECT_EQ(report.totals().total(), 22);
  ASSERT_EQ(report.rows_size(), 2);
  // By name: Kabupaten Lain, Kota Sawahlunto.
  EXPECT_EQ(report.rows(0).group_id(), "kab");
  EXPECT_EQ(report.rows(0).group_name(), "Kabupaten Lain");
  EXPECT_EQ(Counts(report.rows(0).counts()),
            Expected([](const Staff& s) { return s.agency == "kab"; }));
  EXPECT_EQ(Counts(report.rows(1).counts()),
            Expected([](const Staff& s) { return s.agency == "kota"; }));
  // s6 counts once, as Baik (the objection), not as Kurang (the old event delivered again);
  // s3's duplicate counts once.
  EXPECT_EQ(report.totals().kurang(), 0);
  EXPECT_GE(report.freshness_lag_seconds(), 0.0);
}

TEST_F(AnalyticsReportsTest, DistributionOfAnAgencyByUnitAndFilters) {
  v1::DistributionReport report;
  ASSERT_TRUE(Distribution(HrToken("kota"), Scope("kota"), &report, v1::GROUP_BY_UNIT).ok());
  ASSERT_EQ(report.rows_size(), 3);
  std::map<std::string, v1::DistributionRow> rows;
  for (const auto& r : report.rows()) rows[r.group_id()] = r;
  EXPECT_EQ(rows["u-dinas"].group_name(), "Dinas Pendidikan");
  EXPECT_EQ(Counts(rows["u-dinas"].counts()),
            Expected([](const Staff& s) { return InSubtree(s, "u-dinas"); }));
  EXPECT_EQ(Counts(rows["u-dinas2"].counts()),
            Expected([](const Staff& s) { return s.unit == "u-dinas2"; }));
  EXPECT_EQ(Counts(rows["u-dinas3"].counts()),
            Expected([](const Staff& s) { return s.unit == "u-dinas3"; }));

  // A unit's subtree, one position type.
  v1::ReportScope admin = Scope("", "u-dinas");
  admin.set_position_type("ADMINISTRATOR");
  ASSERT_TRUE(Distribution(HrToken("kota"), admin, &report).ok());
  EXPECT_EQ(Counts(report.totals()),
            Expected([](const Staff& s) { return s.position_type == "ADMINISTRATOR"; }));

  // Periodic, one quarter: s1 Sangat Baik, s2 Baik.
  v1::GetPredicateDistributionRequest periodic;
  *periodic.mutable_scope() = Scope("kota");
  periodic.set_kind(v1::ASSESSMENT_KIND_PERIODIC);
  periodic.set_window_index(2);
  ASSERT_TRUE(stub().GetPredicateDistribution(With(HrToken("kota")).get(), periodic, &report).ok());
  EXPECT_EQ(Counts(report.totals()), (std::array<int64_t, 5>{1, 1, 0, 0, 0}));
  periodic.set_window_index(0);
  ASSERT_TRUE(stub().GetPredicateDistribution(With(HrToken("kota")).get(), periodic, &report).ok());
  EXPECT_EQ(report.totals().total(), 6);  // s1 x4, s2 x2
}

TEST_F(AnalyticsReportsTest, DistributionRequestErrorsNameTheField) {
  v1::DistributionReport report;
  v1::ReportScope no_year;
  grpc::Status status = Distribution(AuditorToken(), no_year, &report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldOf(status), "scope.year");
  v1::ReportScope bad_type = Scope();
  bad_type.set_position_type("pelaksana");
  status = Distribution(AuditorToken(), bad_type, &report);
  EXPECT_EQ(FieldOf(status), "scope.position_type");
  status = Distribution(AuditorToken(), Scope("", "no-such-unit"), &report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  v1::ReportScope period;
  period.set_period_id("no-such-period");
  EXPECT_EQ(Distribution(AuditorToken(), period, &report).error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::GetPredicateDistributionRequest annual_window;
  *annual_window.mutable_scope() = Scope();
  annual_window.set_window_index(3);
  status = stub().GetPredicateDistribution(With(AuditorToken()).get(), annual_window, &report);
  EXPECT_EQ(FieldOf(status), "window_index");
}

// --- Access -------------------------------------------------------------------------------------

TEST_F(AnalyticsReportsTest, HrAdminOfAnotherAgencyIsDenied) {
  v1::DistributionReport report;
  EXPECT_EQ(Distribution(HrToken("kab"), Scope("kota"), &report).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Distribution(HrToken("kab"), Scope("", "u-bidang"), &report).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Their own agency, also when they name none.
  ASSERT_TRUE(Distribution(HrToken("kab"), Scope(), &report).ok());
  EXPECT_EQ(Counts(report.totals()), Expected([](const Staff& s) { return s.agency == "kab"; }));
  v1::GetComplianceRequest compliance;
  *compliance.mutable_scope() = Scope("kota");
  v1::ComplianceReport c;
  EXPECT_EQ(stub().GetCompliance(With(HrToken("kab")).get(), compliance, &c).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(AnalyticsReportsTest, UnitLeaderReadsTheirSubtreeOnly) {
  const std::string kabid = LeaderToken(kKabid, "kota");
  auto bidang = [](const Staff& s) { return s.unit == "u-bidang"; };
  v1::DistributionReport report;
  ASSERT_TRUE(Distribution(kabid, Scope(), &report).ok());
  EXPECT_EQ(Counts(report.totals()), Expected(bidang));
  // Their agency, narrowed to their subtree; another unit refused.
  ASSERT_TRUE(Distribution(kabid, Scope("kota"), &report).ok());
  EXPECT_EQ(Counts(report.totals()), Expected(bidang));
  EXPECT_EQ(Distribution(kabid, Scope("", "u-dinas2"), &report).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Distribution(kabid, Scope("", "u-dinas"), &report).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);  // the unit above theirs

  // The head of u-dinas reads u-bidang too.
  ASSERT_TRUE(Distribution(LeaderToken(kKadis, "kota"), Scope("", "u-bidang"), &report).ok());
  EXPECT_EQ(Counts(report.totals()), Expected(bidang));

  // A Plt of u-dinas3 on the day (February 2027).
  ASSERT_TRUE(Distribution(LeaderToken(kPlt, "kota"), Scope(), &report).ok());
  EXPECT_EQ(Counts(report.totals()), Expected([](const Staff& s) { return s.unit == "u-dinas3"; }));

  // A unit_leader token whose NIP leads nothing.
  EXPECT_EQ(Distribution(LeaderToken(kNobody, "kota"), Scope(), &report).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  // People-naming reports follow the same scope.
  v1::ListLateEntriesRequest late;
  *late.mutable_scope() = Scope();
  *late.mutable_as_of() = Date(kYear, 7, 20);
  late.set_page_size(500);
  v1::ListLateEntriesResponse entries;
  ASSERT_TRUE(stub().ListLateEntries(With(kabid).get(), late, &entries).ok());
  EXPECT_GT(entries.entries_size(), 0);
  for (const auto& e : entries.entries()) EXPECT_EQ(e.unit_id(), "u-bidang") << e.name();
}

TEST_F(AnalyticsReportsTest, PublicAndPlainEmployeesReadOnlyTheTransparencyReport) {
  const std::string employee = EmployeeToken(NipOf(kStaff[0]), "kota");
  v1::DistributionReport report;
  EXPECT_EQ(Distribution(employee, Scope("kota"), &report).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Distribution("", Scope("kota"), &report).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  v1::ListRecognitionCandidatesRequest recognition;
  *recognition.mutable_scope() = Scope("kota");
  v1::ListRecognitionCandidatesResponse candidates;
  EXPECT_EQ(
      stub().ListRecognitionCandidates(With(employee).get(), recognition, &candidates).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  v1::GetTransparencyReportRequest transparency;
  transparency.set_year(kYear);
  v1::TransparencyReport t;
  EXPECT_TRUE(stub().GetTransparencyReport(With("").get(), transparency, &t).ok());
  EXPECT_TRUE(stub().GetTransparencyReport(With(employee).get(), transparency, &t).ok());
  // The streams' status: any authenticated caller.
  v1::GetStreamStatusResponse streams;
  EXPECT_TRUE(stub().GetStreamStatus(With(employee).get(), {}, &streams).ok());
  EXPECT_EQ(stub().GetStreamStatus(With("").get(), {}, &streams).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

// --- Compliance ---------------------------------------------------------------------------------

TEST_F(AnalyticsReportsTest, ComplianceByHowMuch) {
  v1::GetComplianceRequest request;
  *request.mutable_scope() = Scope("kota");
  v1::ComplianceReport report;
  ASSERT_TRUE(stub().GetCompliance(With(HrToken("kota")).get(), request, &report).ok());
  // u-dinas (Baik): staff s7..s10 and s19's open plan: 3 Baik of 5 = 60 %, and s19 could still
  // be Butuh Perbaikan: holds. u-dinas2 (Istimewa): 3 Sangat Baik of 4 = 75 % > 70 %: one too
  // many. u-dinas3 (Baik): 5 Baik of 5 > 70 %: two too many (3 allowed); no Butuh Perbaikan or
  // Kurang: one short. u-bidang has staff assessments and no organisation predicate.
  EXPECT_EQ(report.units_with_org_predicate(), 3);
  EXPECT_EQ(report.units_breaking(), 2);
  EXPECT_EQ(report.units_without_org_predicate(), 1);
  ASSERT_EQ(report.units_size(), 3);
  const v1::UnitCompliance& first = report.units(0);
  EXPECT_EQ(first.unit_id(), "u-dinas3");
  EXPECT_EQ(first.unit_name(), "Dinas Sosial");
  EXPECT_EQ(first.org_predicate(), rv1::ORG_PREDICATE_BAIK);
  EXPECT_EQ(first.unit_staff(), 5);
  EXPECT_EQ(first.finalised().baik(), 5);
  ASSERT_EQ(first.violations_size(), 2);
  EXPECT_EQ(first.violations(0).rule(), "BAIK_AT_MOST 70%");
  EXPECT_EQ(first.violations(0).count(), 5);
  EXPECT_DOUBLE_EQ(first.violations(0).actual_percent(), 100.0);
  EXPECT_EQ(first.violations(0).excess_staff(), 2);
  EXPECT_DOUBLE_EQ(first.violations(0).excess_percent(), 30.0);
  EXPECT_EQ(first.violations(1).rule(), "BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1");
  EXPECT_EQ(first.violations(1).excess_staff(), 1);
  const v1::UnitCompliance& second = report.units(1);
  EXPECT_EQ(second.unit_id(), "u-dinas2");
  EXPECT_EQ(second.org_predicate(), rv1::ORG_PREDICATE_ISTIMEWA);
  ASSERT_EQ(second.violations_size(), 1);
  EXPECT_EQ(second.violations(0).rule(), "SANGAT_BAIK_AT_MOST 70%");
  EXPECT_EQ(second.violations(0).excess_staff(), 1);
  EXPECT_DOUBLE_EQ(second.violations(0).excess_percent(), 5.0);
  EXPECT_EQ(report.units(2).unit_id(), "u-dinas");
  EXPECT_EQ(report.units(2).unit_staff(), 5);
  EXPECT_EQ(report.units(2).violations_size(), 0);

  request.set_breaking_only(true);
  ASSERT_TRUE(stub().GetCompliance(With(HrToken("kota")).get(), request, &report).ok());
  EXPECT_EQ(report.units_size(), 2);
  // Nationally: k-dinas (Baik) has no Butuh Perbaikan or Kurang (Sangat Kurang is neither).
  *request.mutable_scope() = Scope();
  request.set_breaking_only(false);
  ASSERT_TRUE(stub().GetCompliance(With(AuditorToken()).get(), request, &report).ok());
  EXPECT_EQ(report.units_with_org_predicate(), 4);
  EXPECT_EQ(report.units_breaking(), 3);
}

// --- Participation and late entries
// ---------------------------------------------------------------

// The test's own arithmetic: quarters whose last day + grace is before `as_of`.
int DueQuarters(absl::CivilDay as_of, int grace) {
  int due = 0;
  for (int q = 1; q <= 4; ++q) {
    const absl::CivilDay last = absl::CivilDay(absl::CivilMonth(kYear, 3 * q) + 1) - 1;
    if (last + grace < as_of) ++due;
  }
  return due;
}
int IndicatorsOf(const Staff& s) { return s.id == "s1" ? 2 : 1; }

TEST_F(AnalyticsReportsTest, ParticipationAgainstDeadlines) {
  v1::GetParticipationRequest request;
  *request.mutable_scope() = Scope("kota");
  *request.mutable_as_of() = Date(kYear, 7, 20);
  v1::ParticipationReport report;
  ASSERT_TRUE(stub().GetParticipation(With(HrToken("kota")).get(), request, &report).ok());
  const absl::CivilDay as_of(kYear, 7, 20);
  const int due = DueQuarters(as_of, 10);
  ASSERT_EQ(due, 2);
  int64_t plans = 0, submitted = 0, approved = 0, on_time = 0, indicators = 0;
  for (const Staff& s : kStaff) {
    if (s.agency != "kota") continue;
    ++plans;
    if (s.approve_month > 0 || s.id == "s19") ++submitted;
    if (s.approve_month > 0) {
      ++approved;
      indicators += IndicatorsOf(s);
      if (absl::CivilDay(kYear, s.approve_month, s.approve_day) <= absl::CivilDay(kYear, 1, 31)) {
        ++on_time;
      }
    }
  }
  EXPECT_EQ(report.plans(), plans);
  EXPECT_EQ(report.plans_submitted(), submitted);
  EXPECT_EQ(report.plans_approved(), approved);
  EXPECT_EQ(report.plans_approved_on_time(), on_time);
  EXPECT_EQ(report.plans_overdue(), 2);  // s18 (31 Jan), s19 (its extension to 31 Mar)
  EXPECT_EQ(report.realisations_due(), indicators * due);
  EXPECT_EQ(report.realisations_filed(), 2 * 2 + 1);  // s1: 2 indicators x Q1, Q2; s2: Q1
  EXPECT_EQ(report.realisations_late(), 1);
  EXPECT_EQ(report.periodic_assessments_due(), approved * due);
  EXPECT_EQ(report.periodic_assessments_finalised(), 4);  // s1 Q1, Q2; s2 Q1, Q2
  EXPECT_EQ(report.annual_assessments_due(), 0);
  EXPECT_EQ(report.as_of().month(), 7);

  // As of the service's today (15 Feb 2027): the year is over.
  request.clear_as_of();
  ASSERT_TRUE(stub().GetParticipation(With(HrToken("kota")).get(), request, &report).ok());
  EXPECT_EQ(report.as_of().year(), 2027);
  EXPECT_EQ(report.realisations_due(), indicators * DueQuarters(absl::CivilDay(2027, 2, 15), 10));
  EXPECT_EQ(report.realisations_filed(), 2 * 4 + 1);
  EXPECT_EQ(report.periodic_assessments_finalised(), 4 + 2);
  EXPECT_EQ(report.annual_assessments_due(), approved);
  EXPECT_EQ(report.annual_assessments_finalised(), approved);
}

TEST_F(AnalyticsReportsTest, LateEntriesMostLateFirstPageByPage) {
  v1::ListLateEntriesRequest request;
  *request.mutable_scope() = Scope("kota");
  *request.mutable_as_of() = Date(kYear, 7, 20);
  request.set_page_size(30);
  // Expected: s18 and s19's plans; per approved plan and due quarter (Q1 due 10 Apr, Q2 due
  // 10 Jul) a missing realisation and a missing periodic assessment, except what s1 and s2 did.
  int approved_without_anything = 0;
  for (const Staff& s : kStaff) {
    if (s.agency == "kota" && s.approve_month > 0 && s.id != "s1" && s.id != "s2") {
      ++approved_without_anything;
    }
  }
  const int64_t expected_total =
      2 + (approved_without_anything * 2 + 1) + approved_without_anything * 2;
  std::vector<v1::LateEntry> all;
  std::set<std::string> seen;
  do {
    v1::ListLateEntriesResponse page;
    ASSERT_TRUE(stub().ListLateEntries(With(HrToken("kota")).get(), request, &page).ok());
    EXPECT_EQ(page.total_size(), expected_total);
    EXPECT_LE(page.entries_size(), 30);
    for (const auto& e : page.entries()) {
      all.push_back(e);
      seen.insert(absl::StrCat(e.plan_id(), "/", e.item(), "/", e.window_index()));
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  ASSERT_EQ(static_cast<int64_t>(all.size()), expected_total);
  EXPECT_EQ(seen.size(), all.size());
  for (size_t i = 1; i < all.size(); ++i) EXPECT_GE(all[i - 1].days_late(), all[i].days_late());
  // Most late: s18's plan, 170 days after 31 Jan; then s19's, 111 days after its extension.
  EXPECT_EQ(all[0].plan_id(), "plan-s18");
  EXPECT_EQ(all[0].item(), v1::LATE_ITEM_PLAN_NOT_APPROVED);
  EXPECT_EQ(all[0].days_late(), 170);
  EXPECT_EQ(all[0].responsible_nip(), NipOf(kStaff[17]));
  EXPECT_EQ(all[1].plan_id(), "plan-s19");
  EXPECT_EQ(all[1].days_late(), 111);
  EXPECT_EQ(all[1].due_date().month(), 3);
  // Q1 items: 101 days after 10 Apr; the assessor answers for assessments.
  EXPECT_EQ(all[2].days_late(), 101);
  for (const auto& e : all) {
    if (e.item() == v1::LATE_ITEM_ASSESSMENT_NOT_FINALISED) {
      EXPECT_FALSE(e.responsible_nip().empty());
      EXPECT_NE(e.responsible_nip(), e.nip());
    }
    if (e.plan_id() == "plan-s2") {  // only Q2's realisation is missing
      EXPECT_EQ(e.item(), v1::LATE_ITEM_REALISATION_MISSING);
      EXPECT_EQ(e.window_index(), 2);
      EXPECT_EQ(e.missing(), 1);
    }
  }
  // One kind only.
  request.clear_page_token();
  request.set_item(v1::LATE_ITEM_PLAN_NOT_APPROVED);
  v1::ListLateEntriesResponse plans;
  ASSERT_TRUE(stub().ListLateEntries(With(HrToken("kota")).get(), request, &plans).ok());
  EXPECT_EQ(plans.total_size(), 2);
  // A token of another query is refused.
  v1::ListLateEntriesRequest first = request;
  first.set_item(v1::LATE_ITEM_UNSPECIFIED);
  first.set_page_size(1);
  v1::ListLateEntriesResponse one;
  ASSERT_TRUE(stub().ListLateEntries(With(HrToken("kota")).get(), first, &one).ok());
  request.set_page_token(one.next_page_token());
  EXPECT_EQ(stub().ListLateEntries(With(HrToken("kota")).get(), request, &plans).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

// --- Development, recognition, indicator health
// ---------------------------------------------------

TEST_F(AnalyticsReportsTest, DevelopmentNeedsAsTrainingThemes) {
  v1::GetDevelopmentNeedsRequest request;
  *request.mutable_scope() = Scope("kota");
  v1::DevelopmentNeedsReport report;
  ASSERT_TRUE(stub().GetDevelopmentNeeds(With(HrToken("kota")).get(), request, &report).ok());
  const int64_t assessed = Sum(Expected([](const Staff& s) { return s.agency == "kota"; }));
  EXPECT_EQ(report.assessed_employees(), assessed);
  // 360: s3 below on Berorientasi Pelayanan (3 below, 1 above); s4 on Kolaboratif (4 below, 0
  // above), not on Berorientasi Pelayanan (2 and 2); s5's round was not released. The assessor
  // rated s5 below on Berorientasi Pelayanan (Loyal as expected).
  ASSERT_EQ(report.themes_size(), 2);
  EXPECT_EQ(report.themes(0).value(), rv1::CORE_VALUE_SERVICE_ORIENTED);
  EXPECT_EQ(report.themes(0).value_label(), "Berorientasi Pelayanan");
  EXPECT_EQ(report.themes(0).theme(), "Pelayanan publik prima");
  EXPECT_EQ(report.themes(0).rated_below(), 1);
  EXPECT_EQ(report.themes(0).peer_below(), 1);
  EXPECT_EQ(report.themes(0).employees(), 2);
  EXPECT_DOUBLE_EQ(report.themes(0).share_percent(), 200.0 / assessed);
  ASSERT_EQ(report.themes(0).top_units_size(), 1);
  EXPECT_EQ(report.themes(0).top_units(0).group_id(), "u-bidang");
  EXPECT_EQ(report.themes(0).top_units(0).group_name(), "Bidang SD");
  EXPECT_EQ(report.themes(0).top_units(0).counts().total(), 2);
  EXPECT_EQ(report.themes(1).value(), rv1::CORE_VALUE_COLLABORATIVE);
  EXPECT_EQ(report.themes(1).employees(), 1);
  EXPECT_EQ(report.themes(1).rated_below(), 0);
  EXPECT_EQ(report.behaviour_below_without_values(), 0);
  // Nationally: s15's behaviour below (Sangat Kurang) names no value.
  *request.mutable_scope() = Scope();
  ASSERT_TRUE(stub().GetDevelopmentNeeds(With(AuditorToken()).get(), request, &report).ok());
  EXPECT_EQ(report.behaviour_below_without_values(), 1);
}

TEST_F(AnalyticsReportsTest, RecognitionCandidates) {
  v1::ListRecognitionCandidatesRequest request;
  *request.mutable_scope() = Scope("kota");
  v1::ListRecognitionCandidatesResponse response;
  ASSERT_TRUE(
      stub().ListRecognitionCandidates(With(HrToken("kota")).get(), request, &response).ok());
  // Annual Sangat Baik: s1, s2, s9, s11..s13; every periodic Sangat Baik with at least 2: s1
  // (s2's second quarter was Baik; the others have none).
  ASSERT_EQ(response.candidates_size(), 1);
  EXPECT_EQ(response.total_size(), 1);
  const v1::RecognitionCandidate& c = response.candidates(0);
  EXPECT_EQ(c.employee_id(), "e-s1");
  EXPECT_EQ(c.nip(), NipOf(kStaff[0]));
  EXPECT_EQ(c.unit_name(), "Bidang SD");
  EXPECT_EQ(c.annual_predicate(), rv1::PREDICATE_SANGAT_BAIK);
  EXPECT_EQ(c.periodic_finalised(), 4);
  EXPECT_EQ(c.periodic_sangat_baik(), 4);
  EXPECT_EQ(c.realisations_with_evidence(), 8);
  EXPECT_EQ(c.consecutive_years(), 2);  // 2025 and 2026
  request.set_min_periodic(5);
  ASSERT_TRUE(
      stub().ListRecognitionCandidates(With(HrToken("kota")).get(), request, &response).ok());
  EXPECT_EQ(response.candidates_size(), 0);
  request.set_min_periodic(-1);
  grpc::Status status =
      stub().ListRecognitionCandidates(With(HrToken("kota")).get(), request, &response);
  EXPECT_EQ(FieldOf(status), "min_periodic");
}

TEST_F(AnalyticsReportsTest, IndicatorHealth) {
  v1::GetIndicatorHealthRequest request;
  *request.mutable_scope() = Scope("kota");
  v1::IndicatorHealthReport report;
  ASSERT_TRUE(stub().GetIndicatorHealth(With(HrToken("kota")).get(), request, &report).ok());
  // u-dinas serves the public with its sub-units: the approved plans of u-dinas and u-bidang;
  // only s3's has a quality indicator.
  int64_t public_service = 0;
  for (const Staff& s : kStaff) {
    if (s.approve_month > 0 && InSubtree(s, "u-dinas")) ++public_service;
  }
  EXPECT_EQ(report.public_service_plans(), public_service);
  EXPECT_EQ(report.public_service_plans_without_quality(), public_service - 1);
  EXPECT_EQ(report.plans_without_quality_size(), public_service - 1);
  EXPECT_DOUBLE_EQ(report.far_above_ratio(), 1.5);
  EXPECT_EQ(report.min_windows(), 3);
  // s1's i1: 20, 18, 16, 30 against 10: at least 1.6 every quarter. s1's i2 (at most 2 days):
  // 4, 5, 3, 6: never reached, achievement 2/6 .. 2/3.
  ASSERT_EQ(report.always_far_above_count(), 1);
  EXPECT_EQ(report.always_far_above(0).indicator_id(), "i1");
  EXPECT_EQ(report.always_far_above(0).windows(), 4);
  EXPECT_DOUBLE_EQ(report.always_far_above(0).min_achievement(), 1.6);
  EXPECT_DOUBLE_EQ(report.always_far_above(0).max_achievement(), 3.0);
  ASSERT_EQ(report.never_reached_count(), 1);
  EXPECT_EQ(report.never_reached(0).indicator_id(), "i2");
  EXPECT_TRUE(report.never_reached(0).lower_is_better());
  EXPECT_DOUBLE_EQ(report.never_reached(0).min_achievement(), 2.0 / 6.0);
  EXPECT_DOUBLE_EQ(report.never_reached(0).max_achievement(), 2.0 / 3.0);
  // Stricter: 1.7 of target in every window: none.
  request.set_far_above_ratio(1.7);
  ASSERT_TRUE(stub().GetIndicatorHealth(With(HrToken("kota")).get(), request, &report).ok());
  EXPECT_EQ(report.always_far_above_count(), 0);
  request.set_far_above_ratio(0.5);
  EXPECT_EQ(FieldOf(stub().GetIndicatorHealth(With(HrToken("kota")).get(), request, &report)),
            "far_above_ratio");
}

// --- Rater statistics
// -------------------------------------------------------------------------------

TEST_F(AnalyticsReportsTest, RaterStatistics) {
  v1::ListRaterStatisticsRequest request;
  *request.mutable_scope() = Scope("kota");
  request.set_min_rated(2);
  request.set_page_size(3);
  std::map<std::string, v1::RaterStatistics> raters;
  std::vector<std::string> order;
  do {
    v1::ListRaterStatisticsResponse page;
    ASSERT_TRUE(stub().ListRaterStatistics(With(HrToken("kota")).get(), request, &page).ok());
    EXPECT_EQ(page.total_size(), 5);
    for (const auto& r : page.raters()) {
      raters[r.assessor_nip()] = r;
      order.push_back(r.assessor_nip());
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  EXPECT_EQ(order, (std::vector<std::string>{kKabid, kKadis, kKadis2, kKadis3, kPlt}));

  // The test's own tallies (results and behaviour together): score +1 / 0 / -1.
  auto score = [](const std::vector<rv1::Rating>& ratings) {
    double sum = 0;
    for (rv1::Rating r : ratings) sum += r == A ? 1 : r == B ? -1 : 0;
    return sum / ratings.size();
  };
  auto given_by = [](const std::string& nip) {
    std::vector<rv1::Rating> ratings;
    for (const Staff& s : kStaff) {
      if (s.annual && s.assessor == nip) {
        ratings.push_back(s.results);
        ratings.push_back(s.behaviour);
      }
    }
    return ratings;
  };
  // u-bidang has two assessors: each is the other's baseline.
  const double kabid = score(given_by(kKabid));  // 5 above, 3 as expected: 0.625
  const double plt = score(given_by(kPlt));      // 1 below, 3 as expected: -0.25
  const v1::RaterStatistics& k = raters[kKabid];
  EXPECT_EQ(k.rated(), 4);
  EXPECT_EQ(k.unit_id(), "u-bidang");
  EXPECT_DOUBLE_EQ(k.mean_score(), kabid);
  EXPECT_DOUBLE_EQ(k.baseline_score(), plt);
  EXPECT_DOUBLE_EQ(k.leniency(), kabid - plt);
  EXPECT_DOUBLE_EQ(k.above_share(), 5.0 / 8.0);
  // s3 and s4's 360 raters placed them below; their assessor gave "as expected".
  EXPECT_EQ(k.with_360(), 2);
  EXPECT_DOUBLE_EQ(k.agreement_360(), 0.0);
  EXPECT_EQ(std::vector<int>(k.flags().begin(), k.flags().end()),
            (std::vector<int>{v1::RATER_FLAG_LENIENT, v1::RATER_FLAG_DISAGREES_WITH_360}));
  const v1::RaterStatistics& p = raters[kPlt];
  EXPECT_DOUBLE_EQ(p.leniency(), plt - kabid);
  EXPECT_EQ(std::vector<int>(p.flags().begin(), p.flags().end()),
            std::vector<int>{v1::RATER_FLAG_SEVERE});
  // Alone in their units: no baseline, no leniency flag.
  const v1::RaterStatistics& kadis = raters[kKadis];
  EXPECT_DOUBLE_EQ(kadis.mean_score(), score(given_by(kKadis)));
  EXPECT_DOUBLE_EQ(kadis.leniency(), 0.0);
  EXPECT_TRUE(kadis.flags().empty());
  // Everyone "as expected".
  const v1::RaterStatistics& kadis3 = raters[kKadis3];
  EXPECT_DOUBLE_EQ(kadis3.as_expected_share(), 1.0);
  EXPECT_EQ(std::vector<int>(kadis3.flags().begin(), kadis3.flags().end()),
            std::vector<int>{v1::RATER_FLAG_CENTRAL_TENDENCY});
  // With the default min_rated (5), only KADIS3 (5 rated) keeps a flag.
  request.clear_page_token();
  request.set_min_rated(0);
  request.set_page_size(10);
  v1::ListRaterStatisticsResponse all;
  ASSERT_TRUE(stub().ListRaterStatistics(With(HrToken("kota")).get(), request, &all).ok());
  int flagged = 0;
  for (const auto& r : all.raters()) flagged += r.flags_size();
  EXPECT_EQ(flagged, 1);
}

// --- Trends
// ------------------------------------------------------------------------------------------

TEST_F(AnalyticsReportsTest, Trends) {
  v1::GetTrendsRequest request;
  *request.mutable_scope() = Scope("kota");
  v1::TrendsReport report;
  ASSERT_TRUE(stub().GetTrends(With(HrToken("kota")).get(), request, &report).ok());
  // The years with plans: 2025 (s1's) and 2026.
  ASSERT_EQ(report.points_size(), 2);
  EXPECT_EQ(report.points(0).year(), 2025);
  EXPECT_EQ(report.points(0).annual().sangat_baik(), 1);
  EXPECT_EQ(report.points(0).plans(), 1);
  EXPECT_EQ(report.points(0).units_breaking(), 0);
  const v1::TrendPoint& now = report.points(1);
  EXPECT_EQ(now.year(), 2026);
  auto kota = [](const Staff& s) { return s.agency == "kota"; };
  EXPECT_EQ(Counts(now.annual()), Expected(kota));
  EXPECT_EQ(now.annual_assessments_finalised(), Sum(Expected(kota)));
  int64_t plans = 0, approved = 0;
  for (const Staff& s : kStaff) {
    if (!kota(s)) continue;
    ++plans;
    if (s.approve_month > 0) ++approved;
  }
  EXPECT_EQ(now.plans(), plans);
  EXPECT_EQ(now.plans_approved(), approved);
  EXPECT_EQ(now.units_breaking(), 2);
  request.set_from_year(2020);
  request.set_to_year(2026);
  ASSERT_TRUE(stub().GetTrends(With(HrToken("kota")).get(), request, &report).ok());
  EXPECT_EQ(report.points_size(), 7);
  EXPECT_EQ(report.points(0).plans(), 0);
  request.set_from_year(2000);
  EXPECT_EQ(FieldOf(stub().GetTrends(With(HrToken("kota")).get(), request, &report)), "to_year");
}

// --- Transparency (k-anonymity)
// --------------------------------------------------------------------

TEST_F(AnalyticsReportsTest, TransparencySuppressesSmallGroups) {
  v1::GetTransparencyReportRequest request;
  request.set_year(kYear);
  v1::TransparencyReport report;
  ASSERT_TRUE(stub().GetTransparencyReport(With("").get(), request, &report).ok());
  EXPECT_EQ(report.min_group_size(), 5);
  // National: kab has 3 (< 5) and is suppressed; with one group suppressed under a published
  // total, the next smallest (kota, 19) is suppressed with it.
  ASSERT_EQ(report.groups_size(), 2);
  for (const auto& g : report.groups()) {
    EXPECT_TRUE(g.suppressed()) << g.id();
    EXPECT_EQ(g.counts().total(), 0) << g.id();
  }
  EXPECT_EQ(report.suppressed_groups(), 2);
  EXPECT_FALSE(report.total().suppressed());
  EXPECT_EQ(Counts(report.total().counts()), Expected([](const Staff&) { return true; }));
  EXPECT_EQ(report.total().name(), "Nasional");

  // Kota by top unit: u-dinas (10), u-dinas2 (4, suppressed), u-dinas3 (5, the next smallest).
  request.set_agency_id("kota");
  ASSERT_TRUE(stub().GetTransparencyReport(With("").get(), request, &report).ok());
  ASSERT_EQ(report.groups_size(), 3);
  std::map<std::string, v1::TransparencyGroup> groups;
  for (const auto& g : report.groups()) groups[g.id()] = g;
  EXPECT_FALSE(groups["u-dinas"].suppressed());
  EXPECT_EQ(Counts(groups["u-dinas"].counts()),
            Expected([](const Staff& s) { return InSubtree(s, "u-dinas"); }));
  EXPECT_TRUE(groups["u-dinas2"].suppressed());
  EXPECT_TRUE(groups["u-dinas3"].suppressed());
  EXPECT_FALSE(groups["u-dinas3"].has_counts());
  EXPECT_EQ(report.suppressed_groups(), 2);
  EXPECT_EQ(report.total().counts().total(), 19);
  EXPECT_EQ(report.total().name(), "Kota Sawahlunto");
  // Nothing can be subtracted: the published numbers never give a suppressed group's.
  EXPECT_NE(report.total().counts().total() - groups["u-dinas"].counts().total(), 4);

  // Kab: 3 in all, the total itself is suppressed.
  request.set_agency_id("kab");
  ASSERT_TRUE(stub().GetTransparencyReport(With("").get(), request, &report).ok());
  EXPECT_TRUE(report.total().suppressed());
  EXPECT_FALSE(report.total().has_counts());
  ASSERT_EQ(report.groups_size(), 1);
  EXPECT_TRUE(report.groups(0).suppressed());

  request.set_agency_id("nowhere");
  EXPECT_EQ(stub().GetTransparencyReport(With("").get(), request, &report).error_code(),
            grpc::StatusCode::NOT_FOUND);
  request.set_year(1999);
  EXPECT_EQ(FieldOf(stub().GetTransparencyReport(With("").get(), request, &report)), "year");
}

}  // namespace
}  // namespace kinerja::analytics::testing
