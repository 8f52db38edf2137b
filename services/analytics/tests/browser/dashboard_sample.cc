// Prints a dashboard page rendered from fixed reports, for the browser test's own test
// (run_sample_test.sh): `full` (signed in, every chart), `public` (transparency only) or
// `empty` (every report, all zeros: no bar anywhere, which the browser test must refuse).
#include <google/protobuf/text_format.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "absl/time/time.h"
#include "services/analytics/web/dashboard.h"

namespace {

namespace v1 = ::kinerja::analytics::v1;
namespace web = ::kinerja::analytics::web;

template <typename Message>
Message Parse(const char* text) {
  Message message;
  if (!google::protobuf::TextFormat::ParseFromString(text, &message)) {
    std::fprintf(stderr, "dashboard_sample: bad sample %s\n", text);
    std::exit(2);
  }
  return message;
}

constexpr char kDistribution[] = R"pb(
  kind: ASSESSMENT_KIND_ANNUAL
  totals { sangat_baik: 37 baik: 1180 butuh_perbaikan: 64 kurang: 9 sangat_kurang: 2 total: 1292 }
  rows {
    group_id: "U1"
    group_name: "Dinas Kesehatan"
    counts { sangat_baik: 21 baik: 610 butuh_perbaikan: 30 kurang: 4 sangat_kurang: 1 total: 666 }
  }
  rows {
    group_id: "U2"
    group_name: "Dinas Pendidikan <script>"
    counts { sangat_baik: 16 baik: 570 butuh_perbaikan: 34 kurang: 5 sangat_kurang: 1 total: 626 }
  }
  freshness_lag_seconds: 0.8
)pb";

constexpr char kCompliance[] = R"pb(
  units_with_org_predicate: 12
  units_breaking: 2
  units_without_org_predicate: 3
  units {
    unit_id: "U7"
    unit_name: "Bagian Umum"
    org_predicate: ORG_PREDICATE_BAIK
    unit_staff: 40
    finalised { total: 40 }
    violations {
      rule: "SANGAT_BAIK_AT_MOST 20%"
      count: 14
      unit_staff: 40
      actual_percent: 35
      limit: 20
      excess_percent: 15
      excess_staff: 6
    }
  }
  units {
    unit_id: "U8"
    unit_name: "Bidang Mutasi"
    org_predicate: ORG_PREDICATE_KURANG
    unit_staff: 25
    finalised { total: 25 }
    violations {
      rule: "BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 30%"
      count: 4
      unit_staff: 25
      actual_percent: 16
      limit: 30
      excess_percent: 14
      excess_staff: 4
    }
  }
)pb";

constexpr char kParticipation[] = R"pb(
  as_of { year: 2024 month: 7 day: 15 }
  plans: 1350
  plans_submitted: 1320
  plans_approved: 1301
  plans_approved_on_time: 1187
  plans_overdue: 41
  realisations_due: 8412
  realisations_filed: 7977
  realisations_late: 388
  periodic_assessments_due: 2630
  periodic_assessments_finalised: 2411
  annual_assessments_due: 0
  annual_assessments_finalised: 0
)pb";

constexpr char kTransparency[] = R"pb(
  year: 2024
  min_group_size: 5
  suppressed_groups: 1
  groups {
    id: "A1"
    name: "Kota Contoh"
    counts { sangat_baik: 37 baik: 1180 butuh_perbaikan: 64 kurang: 9 sangat_kurang: 2 total: 1292 }
  }
  groups { id: "A2" name: "Kabupaten Kecil" suppressed: true }
  total {
    counts { sangat_baik: 40 baik: 1183 butuh_perbaikan: 64 kurang: 9 sangat_kurang: 2 total: 1298 }
  }
)pb";

constexpr char kStreams[] = R"pb(
  streams {
    name: "analytics.employee"
    producer: "employee"
    connected: true
    applied: 5120
    lag_seconds: 0.4
  }
  streams {
    name: "analytics.goals"
    producer: "goals"
    connected: true
    applied: 20311
    lag_seconds: 2.6
  }
  streams {
    name: "analytics.review"
    producer: "review"
    connected: false
    applied: 18007
    lag_seconds: 47.5
    last_error: "UNAVAILABLE"
  }
)pb";

}  // namespace

int main(int argc, char** argv) {
  const std::string kind = argc > 1 ? argv[1] : "full";
  web::DashboardPage page;
  page.scope.year = 2024;
  page.scope.agency_id = "A1";
  page.generated_time = absl::FromUnixSeconds(1721001600);
  if (kind == "full") {
    page.viewer = "hr-admin (hr_admin, agency A1)";
    page.distribution = Parse<v1::DistributionReport>(kDistribution);
    page.compliance = Parse<v1::ComplianceReport>(kCompliance);
    page.participation = Parse<v1::ParticipationReport>(kParticipation);
    page.transparency = Parse<v1::TransparencyReport>(kTransparency);
    page.streams = Parse<v1::GetStreamStatusResponse>(kStreams);
  } else if (kind == "public") {
    page.transparency = Parse<v1::TransparencyReport>(kTransparency);
  } else if (kind == "empty") {
    page.viewer = "hr-admin (hr_admin, agency A1)";
    page.distribution = v1::DistributionReport();
    page.compliance = v1::ComplianceReport();
    page.participation = v1::ParticipationReport();
    page.transparency = v1::TransparencyReport();
    page.streams = v1::GetStreamStatusResponse();
  } else {
    std::fprintf(stderr, "usage: %s [full|public|empty] > page.html\n", argv[0]);
    return 2;
  }
  std::fputs(web::RenderDashboard(page).c_str(), stdout);
  return 0;
}
