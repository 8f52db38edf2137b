#include "services/analytics/web/report_csv.h"

#include <gmock/gmock.h>
#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_split.h"

namespace kinerja::analytics::web {
namespace {

using ::testing::ElementsAre;

template <typename Message>
Message Parse(const std::string& text) {
  Message message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message)) << text;
  return message;
}

// The document's records (CRLF-separated), without the empty string after the last CRLF.
std::vector<std::string> Lines(const std::string& csv) {
  EXPECT_TRUE(csv.ends_with("\r\n")) << csv;
  std::vector<std::string> lines = absl::StrSplit(csv, "\r\n");
  lines.pop_back();
  return lines;
}

TEST(ReportCsv, Distribution) {
  auto report = Parse<v1::DistributionReport>(R"pb(
    totals { sangat_baik: 3 baik: 10 butuh_perbaikan: 2 kurang: 1 sangat_kurang: 0 total: 16 }
    rows {
      group_id: "U1"
      group_name: "Bidang Umum, Kepegawaian"
      counts { sangat_baik: 1 baik: 6 butuh_perbaikan: 1 kurang: 0 total: 8 }
    }
    rows {
      group_id: "U2"
      group_name: "=1+1"
      counts { sangat_baik: 2 baik: 4 butuh_perbaikan: 1 kurang: 1 total: 8 }
    }
  )pb");
  EXPECT_THAT(Lines(DistributionCsv(report)),
              ElementsAre("group_id,group_name,Sangat Baik,Baik,Butuh Perbaikan,"
                          "Kurang/Misconduct,Sangat Kurang,total",
                          "U1,\"Bidang Umum, Kepegawaian\",1,6,1,0,0,8", "U2,'=1+1,2,4,1,1,0,8",
                          ",Total,3,10,2,1,0,16"));
}

TEST(ReportCsv, DistributionWithoutRowsIsHeaderAndTotal) {
  EXPECT_THAT(Lines(DistributionCsv(v1::DistributionReport())),
              ElementsAre(testing::StartsWith("group_id,"), ",Total,0,0,0,0,0,0"));
}

TEST(ReportCsv, ComplianceOneRowPerViolation) {
  auto report = Parse<v1::ComplianceReport>(R"pb(
    units {
      unit_id: "U1"
      unit_name: "Dinas A"
      agency_id: "AG"
      period_id: "P1"
      org_predicate: ORG_PREDICATE_BAIK
      unit_staff: 20
      finalised { sangat_baik: 12 baik: 8 total: 20 }
      violations {
        rule: "SANGAT_BAIK_AT_MOST 20%"
        count: 12
        pending: 0
        unit_staff: 20
        actual_percent: 60
        limit: 20
        excess_percent: 40
        excess_staff: 8
      }
      violations {
        rule: "BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1"
        count: 0
        unit_staff: 20
        limit: 1
        excess_staff: 1
      }
    }
    units {
      unit_id: "U2"
      unit_name: "Dinas B"
      agency_id: "AG"
      period_id: "P1"
      org_predicate: ORG_PREDICATE_ISTIMEWA
      unit_staff: 3
      skipped_small_unit: true
    }
  )pb");
  EXPECT_THAT(
      Lines(ComplianceCsv(report)),
      ElementsAre("unit_id,unit_name,agency_id,period_id,org_predicate,unit_staff,Sangat Baik,"
                  "Baik,Butuh Perbaikan,Kurang/Misconduct,Sangat Kurang,total,"
                  "skipped_small_unit,rule,count,pending,actual_percent,limit,excess_percent,"
                  "excess_staff",
                  "U1,Dinas A,AG,P1,Baik,20,12,8,0,0,0,20,false,SANGAT_BAIK_AT_MOST 20%,12,0,"
                  "60.0,20,40.0,8",
                  "U1,Dinas A,AG,P1,Baik,20,12,8,0,0,0,20,false,"
                  "BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1,0,0,0.0,1,0.0,1",
                  "U2,Dinas B,AG,P1,Istimewa,3,0,0,0,0,0,0,true,,,,,,,"));
}

TEST(ReportCsv, Participation) {
  auto report = Parse<v1::ParticipationReport>(R"pb(
    as_of { year: 2025 month: 3 day: 7 }
    plans: 100
    plans_submitted: 90
    plans_approved: 80
    plans_approved_on_time: 70
    plans_overdue: 15
    realisations_due: 400
    realisations_filed: 380
    realisations_late: 12
    periodic_assessments_due: 50
    periodic_assessments_finalised: 45
    annual_assessments_due: 0
    annual_assessments_finalised: 0
  )pb");
  EXPECT_THAT(Lines(ParticipationCsv(report)),
              ElementsAre("as_of,plans,plans_submitted,plans_approved,plans_approved_on_time,"
                          "plans_overdue,realisations_due,realisations_filed,realisations_late,"
                          "periodic_assessments_due,periodic_assessments_finalised,"
                          "annual_assessments_due,annual_assessments_finalised",
                          "2025-03-07,100,90,80,70,15,400,380,12,50,45,0,0"));
}

TEST(ReportCsv, LateEntries) {
  auto page = Parse<v1::ListLateEntriesResponse>(R"pb(
    entries {
      employee_id: "E1"
      nip: "198001012005011001"
      name: "Budi, S.Kom."
      unit_id: "U1"
      unit_name: "Dinas A"
      plan_id: "PL1"
      item: LATE_ITEM_ASSESSMENT_NOT_FINALISED
      due_date { year: 2025 month: 1 day: 31 }
      days_late: 12
      window_index: 0
      responsible_nip: "197001012000011001"
      responsible_name: "Siti"
    }
  )pb");
  EXPECT_THAT(Lines(LateEntriesCsv(page)),
              ElementsAre("employee_id,nip,name,unit_id,unit_name,plan_id,item,due_date,"
                          "days_late,missing,window_index,responsible_nip,responsible_name",
                          "E1,198001012005011001,\"Budi, S.Kom.\",U1,Dinas A,PL1,"
                          "ASSESSMENT_NOT_FINALISED,2025-01-31,12,0,0,197001012000011001,Siti"));
}

TEST(ReportCsv, DevelopmentNeeds) {
  auto report = Parse<v1::DevelopmentNeedsReport>(R"pb(
    assessed_employees: 200
    behaviour_below_without_values: 3
    themes {
      value: CORE_VALUE_COLLABORATIVE
      value_label: "Kolaboratif"
      theme: "Kerja sama tim"
      rated_below: 10
      peer_below: 4
      employees: 12
      share_percent: 6
      top_units {
        group_id: "U1"
        group_name: "Dinas A"
        counts { total: 7 }
      }
      top_units {
        group_id: "U2"
        group_name: "Dinas B"
        counts { total: 5 }
      }
    }
  )pb");
  EXPECT_THAT(Lines(DevelopmentNeedsCsv(report)),
              ElementsAre("value,value_label,theme,rated_below,peer_below,employees,"
                          "share_percent,assessed_employees,behaviour_below_without_values,"
                          "top_units",
                          "COLLABORATIVE,Kolaboratif,Kerja sama tim,10,4,12,6.0,200,3,"
                          "Dinas A: 7; Dinas B: 5"));
}

TEST(ReportCsv, RecognitionCandidates) {
  auto page = Parse<v1::ListRecognitionCandidatesResponse>(R"pb(
    candidates {
      employee_id: "E1"
      nip: "199001012015011001"
      name: "Ani"
      unit_id: "U1"
      unit_name: "Dinas A"
      position_type: "PELAKSANA"
      agency_id: "AG"
      annual_predicate: PREDICATE_SANGAT_BAIK
      periodic_finalised: 4
      periodic_sangat_baik: 4
      realisations_with_evidence: 9
      consecutive_years: 2
    }
  )pb");
  EXPECT_THAT(Lines(RecognitionCandidatesCsv(page)),
              ElementsAre("employee_id,nip,name,unit_id,unit_name,position_type,agency_id,"
                          "annual_predicate,periodic_finalised,periodic_sangat_baik,"
                          "realisations_with_evidence,consecutive_years",
                          "E1,199001012015011001,Ani,U1,Dinas A,PELAKSANA,AG,Sangat Baik,4,4,9,2"));
}

TEST(ReportCsv, IndicatorHealthFindingsInOneTable) {
  auto report = Parse<v1::IndicatorHealthReport>(R"pb(
    plans_without_quality {
      plan_id: "PL1"
      employee_name: "Ani"
      nip: "N1"
      unit_id: "U1"
      unit_name: "Puskesmas"
      period_id: "P1"
    }
    always_far_above {
      plan_id: "PL2"
      indicator_id: "I2"
      indicator_text: "Jumlah layanan"
      employee_name: "Budi"
      nip: "N2"
      unit_id: "U1"
      unit_name: "Puskesmas"
      target_min: 10
      target_max: 12
      target_unit: "layanan"
      windows: 4
      min_achievement: 1.6
      max_achievement: 2.25
    }
    never_reached {
      plan_id: "PL3"
      indicator_id: "I3"
      indicator_text: "-10% antrian"
      lower_is_better: true
      windows: 3
      min_achievement: 0.5
      max_achievement: 0.9
    }
  )pb");
  EXPECT_THAT(Lines(IndicatorHealthCsv(report)),
              ElementsAre("finding,plan_id,period_id,indicator_id,indicator_text,employee_name,"
                          "nip,unit_id,unit_name,target_min,target_max,target_unit,"
                          "lower_is_better,windows,min_achievement,max_achievement",
                          "PLAN_WITHOUT_QUALITY,PL1,P1,,,Ani,N1,U1,Puskesmas,,,,,,,",
                          "ALWAYS_FAR_ABOVE,PL2,,I2,Jumlah layanan,Budi,N2,U1,Puskesmas,10.00,"
                          "12.00,layanan,false,4,1.600,2.250",
                          "NEVER_REACHED,PL3,,I3,'-10% antrian,,,,,0.00,0.00,,true,3,0.500,"
                          "0.900"));
}

TEST(ReportCsv, RaterStatistics) {
  auto page = Parse<v1::ListRaterStatisticsResponse>(R"pb(
    raters {
      assessor_nip: "N9"
      assessor_name: "Siti"
      unit_id: "U1"
      unit_name: "Dinas A"
      agency_id: "AG"
      rated: 12
      above_share: 0.75
      as_expected_share: 0.25
      below_share: 0
      mean_score: 0.75
      baseline_score: 0.1
      leniency: 0.65
      with_360: 5
      agreement_360: 0.4
      flags: RATER_FLAG_LENIENT
      flags: RATER_FLAG_DISAGREES_WITH_360
    }
    raters { assessor_name: "Non ASN" rated: 2 leniency: -0.5 }
  )pb");
  EXPECT_THAT(Lines(RaterStatisticsCsv(page)),
              ElementsAre("assessor_nip,assessor_name,unit_id,unit_name,agency_id,rated,"
                          "above_share,as_expected_share,below_share,mean_score,baseline_score,"
                          "leniency,with_360,agreement_360,flags",
                          "N9,Siti,U1,Dinas A,AG,12,0.750,0.250,0.000,0.750,0.100,0.650,5,0.400,"
                          "LENIENT;DISAGREES_WITH_360",
                          ",Non ASN,,,,2,0.000,0.000,0.000,0.000,0.000,-0.500,0,0.000,"));
}

TEST(ReportCsv, Trends) {
  auto report = Parse<v1::TrendsReport>(R"pb(
    points {
      year: 2023
      annual { sangat_baik: 1 baik: 5 total: 6 }
      plans: 7
      plans_approved: 6
      annual_assessments_finalised: 6
      units_breaking: 1
    }
    points { year: 2024 }
  )pb");
  EXPECT_THAT(Lines(TrendsCsv(report)),
              ElementsAre("year,Sangat Baik,Baik,Butuh Perbaikan,Kurang/Misconduct,"
                          "Sangat Kurang,total,plans,plans_approved,"
                          "annual_assessments_finalised,units_breaking",
                          "2023,1,5,0,0,0,6,7,6,6,1", "2024,0,0,0,0,0,0,0,0,0,0"));
}

TEST(ReportCsv, TransparencyLeavesSuppressedCountsEmpty) {
  auto report = Parse<v1::TransparencyReport>(R"pb(
    year: 2024
    min_group_size: 5
    groups {
      id: "AG1"
      name: "Kota A"
      counts { sangat_baik: 2 baik: 8 butuh_perbaikan: 1 total: 11 }
    }
    groups { id: "AG2" name: "Kota B" suppressed: true }
    total {
      id: ""
      name: ""
      counts { sangat_baik: 4 baik: 10 butuh_perbaikan: 1 total: 15 }
    }
    suppressed_groups: 1
  )pb");
  EXPECT_THAT(Lines(TransparencyCsv(report)),
              ElementsAre("group_id,group_name,suppressed,Sangat Baik,Baik,Butuh Perbaikan,"
                          "Kurang/Misconduct,Sangat Kurang,total",
                          "AG1,Kota A,false,2,8,1,0,0,11", "AG2,Kota B,true,,,,,,",
                          ",Total,false,4,10,1,0,0,15"));
}

TEST(ReportCsv, StreamStatus) {
  auto status = Parse<v1::GetStreamStatusResponse>(R"pb(
    streams {
      name: "analytics.review"
      producer: "review"
      connected: true
      applied: 1234
      lag_seconds: 0.25
      last_event_time { seconds: 1735689600 }
      last_applied_time { seconds: 1735689601 }
    }
    streams {
      name: "analytics.goals"
      producer: "goals"
      last_error: "UNAVAILABLE: connect, refused"
    }
  )pb");
  EXPECT_THAT(Lines(StreamStatusCsv(status)),
              ElementsAre("name,producer,connected,applied,lag_seconds,last_event_time,"
                          "last_applied_time,last_error",
                          "analytics.review,review,true,1234,0.250,2025-01-01T00:00:00Z,"
                          "2025-01-01T00:00:01Z,",
                          "analytics.goals,goals,false,0,0.000,,,\"UNAVAILABLE: connect, "
                          "refused\""));
}

}  // namespace
}  // namespace kinerja::analytics::web
