#include "services/review/domain/siasn_export.h"

#include <gtest/gtest.h>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using test_util::IsInvalid;
using test_util::IsRule;
using test_util::kAssessorNip;
using test_util::MakeAssessment;
using test_util::MakeNonAsnHead;
using test_util::MakeOfficial;

constexpr char kSiasnId[] = "A8ACA7397AEB3912E040640A040269BB";

// A finalised quarterly assessment (Q1 2024 of a plan starting 15 Feb) rated above / below.
Assessment FinalisedPeriodic() {
  Assessment a = MakeAssessment();
  a.cadence = Cadence::kQuarterly;
  a.window.index = 1;
  a.window.first = absl::CivilDay(2024, 2, 15);
  a.window.last = absl::CivilDay(2024, 3, 31);
  a.window.month_start = 2;
  a.window.month_end = 3;
  a.results_rating = Rating::kAbove;
  a.behaviour_rating = Rating::kBelow;
  a.predicate = Predicate::kKurang;
  a.assessor = MakeOfficial(kAssessorNip, "Budi Santoso", "41");
  a.state = AssessmentState::kFinalised;
  return a;
}

Assessment FinalisedAnnual() {
  Assessment a = FinalisedPeriodic();
  a.kind = AssessmentKind::kAnnual;
  a.window.index = 0;
  a.window.last = absl::CivilDay(2024, 12, 31);
  a.window.month_end = 12;
  a.results_rating = Rating::kAsExpected;
  a.behaviour_rating = Rating::kAbove;
  a.predicate = Predicate::kBaik;
  return a;
}

TEST(BuildAnnualExport, AsnAssessor) {
  auto body = BuildAnnualExport(FinalisedAnnual(), {kSiasnId, ""});
  ASSERT_TRUE(body.ok()) << body.status();
  SiasnAnnualBody expected;
  expected.hasil_kinerja_nilai = 2;
  expected.perilaku_kerja_nilai = 1;
  expected.kuadran_kinerja_nilai = 2;
  expected.pns_dinilai_orang = kSiasnId;
  expected.tahun = 2024;
  expected.penilai_nama = "Budi Santoso";
  expected.penilai_nip_nrp = kAssessorNip;
  expected.penilai_golongan = "41";
  expected.penilai_jabatan = "Kepala Bidang";
  expected.penilai_unor_nama = "Bidang Pelayanan";
  expected.status_penilai = "ASN";
  EXPECT_EQ(*body, expected);
}

TEST(BuildAnnualExport, NonAsnAssessorHasNoNipNorRank) {
  Assessment a = FinalisedAnnual();
  a.assessor = MakeNonAsnHead();
  a.assessor->nip = "should-not-leak";
  a.assessor->rank_code = "99";
  auto body = BuildAnnualExport(a, {kSiasnId, ""});
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_EQ(body->penilai_nama, "Wali Kota");
  EXPECT_EQ(body->penilai_nip_nrp, "");
  EXPECT_EQ(body->penilai_golongan, "");
  EXPECT_EQ(body->penilai_jabatan, "Wali Kota Kupang");
  EXPECT_EQ(body->status_penilai, "NON ASN");
}

TEST(BuildPeriodicExport, BehaviourBelowIsKurangNotThree) {
  auto body = BuildPeriodicExport(FinalisedPeriodic(), {kSiasnId, "KOEF-2024-01"});
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_EQ(body->hasil_kinerja_nilai, 1);
  EXPECT_EQ(body->perilaku_kerja_nilai, 3);
  EXPECT_EQ(body->kuadran_kinerja_nilai, 4);
  EXPECT_EQ(body->bulan_mulai_penilaian, 2);
  EXPECT_EQ(body->bulan_selesai_penilaian, 3);
  EXPECT_EQ(body->tahun_mulai_penilaian, 2024);
  EXPECT_EQ(body->tahun_selesai_penilaian, 2024);
  EXPECT_EQ(body->tahun, 2024);
  EXPECT_EQ(body->periodik_id, 2);
  EXPECT_EQ(body->koefisien_id, "KOEF-2024-01");
  EXPECT_EQ(body->pns_dinilai_id, kSiasnId);
  EXPECT_EQ(body->pns_dinilai_orang, kSiasnId);
  EXPECT_EQ(body->status_penilai, "ASN");
}

TEST(BuildPeriodicExport, MonthlyPeriodikIdAndDerivedPredicate) {
  Assessment a = FinalisedPeriodic();
  a.cadence = Cadence::kMonthly;
  a.results_rating = Rating::kBelow;  // as after an objection decision
  a.predicate = Predicate::kBaik;     // a stale stored value is not exported
  auto body = BuildPeriodicExport(a, {kSiasnId, "1"});
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(body->periodik_id, 1);
  EXPECT_EQ(body->kuadran_kinerja_nilai, 5);
}

TEST(BuildExport, Refusals) {
  Assessment draft = FinalisedPeriodic();
  draft.state = AssessmentState::kDraft;
  EXPECT_TRUE(IsRule(BuildPeriodicExport(draft, {kSiasnId, "1"}).status(), "ASSESSMENT_NOT_FINAL"));
  Assessment annual_draft = FinalisedAnnual();
  annual_draft.state = AssessmentState::kDraft;
  EXPECT_TRUE(
      IsRule(BuildAnnualExport(annual_draft, {kSiasnId, ""}).status(), "ASSESSMENT_NOT_FINAL"));
  EXPECT_TRUE(
      IsInvalid(BuildAnnualExport(FinalisedAnnual(), {" ", ""}).status(), "employee_siasn_id"));
  EXPECT_TRUE(
      IsInvalid(BuildPeriodicExport(FinalisedPeriodic(), {"", "1"}).status(), "employee_siasn_id"));
  EXPECT_TRUE(
      IsInvalid(BuildPeriodicExport(FinalisedPeriodic(), {kSiasnId, ""}).status(), "koefisien_id"));
  EXPECT_TRUE(IsInvalid(BuildAnnualExport(FinalisedPeriodic(), {kSiasnId, ""}).status(),
                        "assessment.kind"));
  EXPECT_TRUE(IsInvalid(BuildPeriodicExport(FinalisedAnnual(), {kSiasnId, "1"}).status(),
                        "assessment.kind"));
  Assessment no_assessor = FinalisedAnnual();
  no_assessor.assessor.reset();
  EXPECT_TRUE(
      IsInvalid(BuildAnnualExport(no_assessor, {kSiasnId, ""}).status(), "assessment.assessor"));
  Assessment unnamed = FinalisedAnnual();
  unnamed.assessor->name = "";
  EXPECT_TRUE(
      IsInvalid(BuildAnnualExport(unnamed, {kSiasnId, ""}).status(), "assessment.assessor.name"));
}

}  // namespace
}  // namespace kinerja::review
