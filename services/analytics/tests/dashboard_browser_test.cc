// The ops dashboard of a running analytics service in headless Chromium: the service follows
// scripted producers' events (a small agency, its plans and finalised annual assessments), then
// browser/dashboard_test.py loads /dashboard signed in (the kinerja_token cookie) and as the
// public, and checks the screenshot (a bar in each chart) and the page's numbers, which are
// computed here from the events, not read from the service. Skipped, loudly, only when no
// Chromium is installed.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/analytics/tests/analytics_fixture.h"
#include "shared/auth/test_keys.h"

namespace kinerja::analytics::testing {
namespace {

constexpr int kBrowserSkipped = 77;

class DashboardBrowserTest : public AnalyticsFixture {
 protected:
  struct Staff {
    std::string who;
    std::string unit;
    rv1::Rating results;
    rv1::Rating behaviour;
  };

  // Units, staff with approved plans and finalised annual assessments for 2026.
  void PublishAgency(const std::vector<Staff>& staff) {
    Publish("employee", "AgencyChanged", AgencyEvent("kota", "Kota Contoh"));
    Publish("employee", "OrgUnitChanged", UnitEvent("u-dinkes", "kota", "", "Dinas Kesehatan"));
    Publish("employee", "OrgUnitChanged",
            UnitEvent("u-dispen", "kota", "", "Dinas Pendidikan <b>&"));
    Publish("goals", "PeriodCreated", PeriodEvent("period-1", "kota", 2026));
    for (const Staff& s : staff) {
      Publish("employee", "PositionChanged",
              PositionEvent("pos-" + s.who, "kota", s.unit, ev1::POSITION_TYPE_PELAKSANA));
      Publish("employee", "EmployeeCreated",
              EmployeeEvent("e-" + s.who, "kota", "nip-" + s.who, "Staf " + s.who, s.unit,
                            "pos-" + s.who));
      Publish("goals", "PlanApproved",
              PlanEvent({.id = "plan-" + s.who,
                         .employee_id = "e-" + s.who,
                         .nip = "nip-" + s.who,
                         .name = "Staf " + s.who,
                         .unit = s.unit,
                         .position = "pos-" + s.who}));
      Publish("review", "AssessmentFinalised",
              AssessmentEvent({.id = "a-" + s.who,
                               .plan = "plan-" + s.who,
                               .unit = s.unit,
                               .employee_id = "e-" + s.who,
                               .nip = "nip-" + s.who,
                               .name = "Staf " + s.who,
                               .assessor_nip = "nip-kadis",
                               .assessor_name = "Kadis",
                               .results = s.results,
                               .behaviour = s.behaviour}));
    }
    Publish("review", "OrgPredicateSet",
            OrgPredicateEvent("u-dinkes", "period-1", "kota", rv1::ORG_PREDICATE_BAIK));
  }

  // Runs dashboard_test.py; its exit status.
  static int RunBrowserTest(const std::vector<std::string>& args) {
    std::string command = absl::StrCat("'", KINERJA_DASHBOARD_TEST_PY, "'");
    for (const std::string& arg : args) {
      absl::StrAppend(&command, " '", arg, "'");  // no argument here holds a quote
    }
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
};

// "4 · 9 · 2 · 1 · 0 of 16", as the page writes a group's predicate counts.
std::string CountsText(const std::vector<int>& counts) {
  int total = 0;
  for (int n : counts) total += n;
  return absl::StrCat(absl::StrJoin(counts, " \u00b7 "), " of ", total);
}

TEST_F(DashboardBrowserTest, ChromiumShowsTheChartsAndTheNumbers) {
  const auto above = rv1::RATING_ABOVE_EXPECTATION;
  const auto as_expected = rv1::RATING_AS_EXPECTED;
  const auto below = rv1::RATING_BELOW_EXPECTATION;
  std::vector<Staff> staff;
  // Dinas Kesehatan: 3 Sangat Baik, 5 Baik, nobody below Baik (its Baik organisation predicate
  // asks for at least one Butuh Perbaikan or Kurang: a band broken by one).
  for (int i = 0; i < 3; ++i) staff.push_back({absl::StrCat("k", i), "u-dinkes", above, above});
  for (int i = 3; i < 8; ++i) {
    staff.push_back({absl::StrCat("k", i), "u-dinkes", as_expected, as_expected});
  }
  // Dinas Pendidikan: 1 Sangat Baik, 4 Baik, 2 Butuh Perbaikan, 1 Kurang.
  staff.push_back({"p0", "u-dispen", above, above});
  for (int i = 1; i < 5; ++i) {
    staff.push_back({absl::StrCat("p", i), "u-dispen", as_expected, as_expected});
  }
  staff.push_back({"p5", "u-dispen", below, as_expected});
  staff.push_back({"p6", "u-dispen", below, as_expected});
  staff.push_back({"p7", "u-dispen", as_expected, below});
  PublishAgency(staff);
  WaitCaughtUp();

  // The expected numbers, from the staff above (the DOMAIN.md matrix).
  std::vector<int> dinkes(5), dispen(5), total(5);
  for (const Staff& s : staff) {
    int predicate = 1;  // Baik
    if (s.behaviour == below) {
      predicate = s.results == below ? 4 : 3;
    } else if (s.results == below) {
      predicate = 2;
    } else if (s.results == above && s.behaviour == above) {
      predicate = 0;
    }
    (s.unit == "u-dinkes" ? dinkes : dispen)[predicate]++;
    total[predicate]++;
  }
  const std::string url =
      absl::StrCat("http://127.0.0.1:", http_port(), "/dashboard?year=2026&agency_id=kota");
  const std::string token_file = auth::testing::MakeTempDir() + "/hr.jwt";
  std::ofstream(token_file) << HrToken("kota");

  const int signed_in = RunBrowserTest({"--url",           url,
                                        "--token-file",    token_file,
                                        "--chart",         "distribution",
                                        "--chart",         "compliance",
                                        "--chart",         "participation",
                                        "--chart",         "transparency",
                                        "--expect-text",   "Signed in: hr@kota",
                                        "--expect-text",   CountsText(total),
                                        "--expect-text",   CountsText(dinkes),
                                        "--expect-text",   CountsText(dispen),
                                        "--expect-text",   "Dinas Pendidikan <b>&",
                                        "--expect-text",   "Dinas Kesehatan (Baik)",
                                        "--expect-text",   "analytics.review",
                                        "--expect-number", absl::StrCat(staff.size())});
  if (signed_in == kBrowserSkipped) GTEST_SKIP() << "no Chromium: the dashboard was NOT tested";
  EXPECT_EQ(signed_in, 0) << "the signed-in dashboard failed the browser test (see above)";

  const int public_view =
      RunBrowserTest({"--url", url, "--chart", "transparency", "--no-chart", "distribution",
                      "--no-chart", "compliance", "--no-chart", "participation", "--expect-text",
                      "Public view: aggregates only.", "--expect-text", CountsText(total)});
  EXPECT_EQ(public_view, 0) << "the public dashboard failed the browser test (see above)";
}

}  // namespace
}  // namespace kinerja::analytics::testing
