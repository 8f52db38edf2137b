// Bodies of the national pushes to SIASN (DOMAIN.md "National systems"): the annual result
// `POST /skp22/save` and the periodic result `POST /kinerjaperiodik/save`. Plain structs whose
// member comments are the JSON field names; the API layer serializes them.
// Choices (DOMAIN.md does not define them):
// - koefisienId is an input from the agency's configuration (SiasnFacts::koefisien_id), never a
//   hard-coded guess; required for periodic pushes.
// - pnsDinilaiOrang and pnsDinilaiId both carry the employee's SIASN person id (unverified).
// - A NON-ASN assessor (political head) has no NIP and no rank: penilaiNipNrp and
//   penilaiGolongan are empty strings and statusPenilai is "NON ASN".
// - The codes come from the assessment's current ratings and the predicate is derived again
//   (never a stored or typed value), so an objection decision is exported as decided.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "services/review/domain/types.h"

namespace kinerja::review {

inline constexpr char kStatusPenilaiAsn[] = "ASN";
inline constexpr char kStatusPenilaiNonAsn[] = "NON ASN";

// Facts the assessment does not hold.
struct SiasnFacts {
  std::string employee_siasn_id;  // the employee's SIASN person id (data-utama "id")
  std::string koefisien_id;       // periodic only: from the agency's configuration
};

// POST /skp22/save
struct SiasnAnnualBody {
  int hasil_kinerja_nilai = 0;    // hasilKinerjaNilai: results rating code 1..3
  int perilaku_kerja_nilai = 0;   // perilakuKerjaNilai: behaviour rating code 1..3
  int kuadran_kinerja_nilai = 0;  // kuadranKinerjaNilai: predicate code 1..5
  std::string pns_dinilai_orang;  // pnsDinilaiOrang: SIASN person id
  int tahun = 0;                  // tahun
  std::string penilai_nama;       // penilaiNama
  std::string penilai_nip_nrp;    // penilaiNipNrp: "" for a NON-ASN assessor
  std::string penilai_golongan;   // penilaiGolongan: rank code ("41"); "" for NON-ASN
  std::string penilai_jabatan;    // penilaiJabatan
  std::string penilai_unor_nama;  // penilaiUnorNama
  std::string status_penilai;     // statusPenilai: "ASN" / "NON ASN"
  friend bool operator==(const SiasnAnnualBody&, const SiasnAnnualBody&) = default;
};

// POST /kinerjaperiodik/save: the annual fields plus the period.
struct SiasnPeriodicBody {
  int hasil_kinerja_nilai = 0;      // hasilKinerjaNilai
  int perilaku_kerja_nilai = 0;     // perilakuKerjaNilai
  int kuadran_kinerja_nilai = 0;    // kuadranKinerjaNilai
  std::string pns_dinilai_orang;    // pnsDinilaiOrang
  int tahun = 0;                    // tahun
  std::string penilai_nama;         // penilaiNama
  std::string penilai_nip_nrp;      // penilaiNipNrp
  std::string penilai_golongan;     // penilaiGolongan
  std::string penilai_jabatan;      // penilaiJabatan
  std::string penilai_unor_nama;    // penilaiUnorNama
  std::string status_penilai;       // statusPenilai
  int bulan_mulai_penilaian = 0;    // bulanMulaiPenilaian: 1..12
  int bulan_selesai_penilaian = 0;  // bulanSelesaiPenilaian: 1..12
  int tahun_mulai_penilaian = 0;    // tahunMulaiPenilaian
  int tahun_selesai_penilaian = 0;  // tahunSelesaiPenilaian
  int periodik_id = 0;              // periodikId: 1 monthly, 2 quarterly
  std::string koefisien_id;         // koefisienId: from the agency's configuration
  std::string pns_dinilai_id;       // pnsDinilaiId: SIASN person id
  friend bool operator==(const SiasnPeriodicBody&, const SiasnPeriodicBody&) = default;
};

// From a finalised ANNUAL assessment: INVALID_ARGUMENT "assessment.kind" for a periodic one;
// "ASSESSMENT_NOT_FINAL" unless finalised; INVALID_ARGUMENT "employee_siasn_id" when blank,
// "assessment.assessor" when no assessor is recorded, "assessment.assessor.name" when unnamed.
absl::StatusOr<SiasnAnnualBody> BuildAnnualExport(const Assessment& assessment,
                                                  const SiasnFacts& facts);

// From a finalised PERIODIC assessment: as BuildAnnualExport ("assessment.kind" for an annual
// one), and INVALID_ARGUMENT "koefisien_id" when blank.
absl::StatusOr<SiasnPeriodicBody> BuildPeriodicExport(const Assessment& assessment,
                                                      const SiasnFacts& facts);

}  // namespace kinerja::review
