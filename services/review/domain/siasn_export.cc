#include "services/review/domain/siasn_export.h"

#include <vector>

#include "services/review/domain/predicate.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::review {
namespace {

absl::Status CheckExportable(const Assessment& assessment, AssessmentKind kind,
                             const SiasnFacts& facts, bool periodic) {
  if (assessment.kind != kind) {
    return errors::InvalidField("assessment.kind",
                                periodic ? "a periodic push needs a periodic assessment"
                                         : "an annual push needs an annual assessment");
  }
  if (assessment.state != AssessmentState::kFinalised || !assessment.results_rating.has_value() ||
      !assessment.behaviour_rating.has_value()) {
    return errors::RuleViolation("ASSESSMENT_NOT_FINAL", "only finalised results are exported");
  }
  std::vector<errors::FieldViolation> invalid;
  if (IsBlank(facts.employee_siasn_id)) {
    invalid.push_back({"employee_siasn_id", "the employee's SIASN id is required"});
  }
  if (periodic && IsBlank(facts.koefisien_id)) {
    invalid.push_back({"koefisien_id", "the agency's configured koefisienId is required"});
  }
  if (!assessment.assessor.has_value()) {
    invalid.push_back({"assessment.assessor", "no assessor recorded"});
  } else if (IsBlank(assessment.assessor->name)) {
    invalid.push_back({"assessment.assessor.name", "the assessor's name is required"});
  }
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  return absl::OkStatus();
}

// Fills the fields both bodies share.
template <typename Body>
void FillCommon(const Assessment& a, const SiasnFacts& facts, Body& body) {
  body.hasil_kinerja_nilai = RatingCode(*a.results_rating);
  body.perilaku_kerja_nilai = RatingCode(*a.behaviour_rating);
  body.kuadran_kinerja_nilai =
      PredicateCode(DerivePredicate(*a.results_rating, *a.behaviour_rating));
  body.pns_dinilai_orang = facts.employee_siasn_id;
  body.tahun = a.window.year;
  const Official& assessor = *a.assessor;
  body.penilai_nama = assessor.name;
  body.penilai_nip_nrp = assessor.non_asn ? "" : assessor.nip;
  body.penilai_golongan = assessor.non_asn ? "" : assessor.rank_code;
  body.penilai_jabatan = assessor.position_name;
  body.penilai_unor_nama = assessor.unit_name;
  body.status_penilai = assessor.non_asn ? kStatusPenilaiNonAsn : kStatusPenilaiAsn;
}

}  // namespace

absl::StatusOr<SiasnAnnualBody> BuildAnnualExport(const Assessment& assessment,
                                                  const SiasnFacts& facts) {
  RETURN_IF_ERROR(CheckExportable(assessment, AssessmentKind::kAnnual, facts, false));
  SiasnAnnualBody body;
  FillCommon(assessment, facts, body);
  return body;
}

absl::StatusOr<SiasnPeriodicBody> BuildPeriodicExport(const Assessment& assessment,
                                                      const SiasnFacts& facts) {
  RETURN_IF_ERROR(CheckExportable(assessment, AssessmentKind::kPeriodic, facts, true));
  SiasnPeriodicBody body;
  FillCommon(assessment, facts, body);
  body.bulan_mulai_penilaian = assessment.window.month_start;
  body.bulan_selesai_penilaian = assessment.window.month_end;
  body.tahun_mulai_penilaian = assessment.window.year;
  body.tahun_selesai_penilaian = assessment.window.year;
  body.periodik_id = PeriodikId(assessment.cadence);
  body.koefisien_id = facts.koefisien_id;
  body.pns_dinilai_id = facts.employee_siasn_id;
  return body;
}

}  // namespace kinerja::review
