// Classifies a SIASN position (jenisJabatanId + eselonId + jabatanNama) into the domain's
// PositionType and FunctionalLevel (DOMAIN.md "Organisation", "National systems").
#pragma once

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "services/employee/domain/position.h"

namespace kinerja::employee {

// SIASN jenisJabatanId values.
enum class SiasnPositionKind {
  kStructural = 1,  // struktural: type follows the echelon
  kFunctional = 2,  // fungsional tertentu: level from the position name
  kGeneral = 4,     // fungsional umum / pelaksana
};

struct PositionClass {
  PositionType type = PositionType::kPelaksana;
  FunctionalLevel level = FunctionalLevel::kNone;  // set only for kFungsional

  friend bool operator==(const PositionClass&, const PositionClass&) = default;
};

// Functional level named in a position name, case-insensitive, on word boundaries:
// - "Ahli Pertama|Muda|Madya|Utama" (current names: "Guru Ahli Muda");
// - "Pemula", "Terampil", "Mahir", "Penyelia" (current names: "Perawat Terampil");
// - older names still found in records: "<name> Pertama|Muda|Madya|Utama" -> Ahli level
//   ("Peneliti Madya"), "<name> Pelaksana Lanjutan" -> Mahir, "<name> Pelaksana Pemula" ->
//   Pemula, "<name> Pelaksana" (last word) -> Terampil.
// kNone when nothing matches. The first word is never taken as a level.
FunctionalLevel DetectFunctionalLevel(std::string_view position_name);

// Errors name the SIASN field: "jenisJabatanId: ...", "eselonId: ...", "jabatanNama: ...".
// - 1 struktural: the echelon is required; type = PositionTypeForEselon (I.a/I.b -> JPT Madya,
//   II -> JPT Pratama, III -> Administrator, IV -> Pengawas, V -> Pelaksana).
// - 2 fungsional tertentu: kFungsional with the level detected from the name (required).
// - 4 fungsional umum / pelaksana: kPelaksana.
// For 2 and 4 the echelon is ignored: stale eselonId values are common in records.
absl::StatusOr<PositionClass> ClassifySiasnPosition(int jenis_jabatan_id,
                                                    std::optional<Eselon> eselon,
                                                    std::string_view position_name);

}  // namespace kinerja::employee
