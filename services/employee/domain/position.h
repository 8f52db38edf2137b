// Position (jabatan) vocabulary (DOMAIN.md "Organisation", "Follow-up"): position types,
// functional levels with their annual credit-point coefficients, structural echelons
// (eselon) with SIASN eselonId codes, and who may act as an assessor.
// Every enum has a stable UPPER_SNAKE name for the API and database and parses back from it.
#pragma once

#include <string_view>

#include "absl/status/statusor.h"

namespace kinerja::employee {

enum class PositionType {
  kJptUtama,       // Jabatan Pimpinan Tinggi Utama
  kJptMadya,       // Jabatan Pimpinan Tinggi Madya
  kJptPratama,     // Jabatan Pimpinan Tinggi Pratama
  kAdministrator,  // Jabatan Administrator
  kPengawas,       // Jabatan Pengawas (supervisor)
  kPelaksana,      // Jabatan Pelaksana (general staff)
  kFungsional,     // Jabatan Fungsional (functional)
};

enum class FunctionalLevel {
  kNone,  // not a functional position
  // Expert track (keahlian).
  kAhliPertama,
  kAhliMuda,
  kAhliMadya,
  kAhliUtama,
  // Skill track (keterampilan).
  kPemula,
  kTerampil,
  kMahir,
  kPenyelia,
};

// Structural echelon; the value is SIASN's eselonId.
enum class Eselon {
  kIa = 11,
  kIb = 12,
  kIIa = 21,
  kIIb = 22,
  kIIIa = 31,
  kIIIb = 32,
  kIVa = 41,
  kIVb = 42,
  kVa = 51,
};

// "JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA",
// "FUNGSIONAL".
std::string_view PositionTypeName(PositionType type);
absl::StatusOr<PositionType> ParsePositionType(std::string_view name);  // "position_type: ..."
// Indonesian display label: "JPT Pratama", "Pengawas", ...
std::string_view PositionTypeLabel(PositionType type);

// "NONE", "AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA", "PEMULA", "TERAMPIL",
// "MAHIR", "PENYELIA".
std::string_view FunctionalLevelName(FunctionalLevel level);
absl::StatusOr<FunctionalLevel> ParseFunctionalLevel(std::string_view name);  // "functional_level"
// Indonesian display label: "Ahli Muda", "Terampil", "" for kNone.
std::string_view FunctionalLevelLabel(FunctionalLevel level);

// Annual credit-point coefficient (koefisien angka kredit tahunan) earned at predicate Baik
// (100 %): Ahli Pertama 12.5, Muda 25, Madya 37.5, Utama 50; Pemula 3.75, Terampil 5,
// Mahir 12.5, Penyelia 25; 0 for kNone.
double AnnualCreditCoefficient(FunctionalLevel level);

int EselonCode(Eselon eselon);                              // SIASN eselonId: 11, 12, 21, ...
std::string_view EselonLabel(Eselon eselon);                // "I.a", "II.b", ...
absl::StatusOr<Eselon> EselonFromCode(int code);            // "eselon: ..."
absl::StatusOr<Eselon> ParseEselon(std::string_view text);  // "21" or "II.a" (any case)

// Position type equivalent to a structural echelon (UU 5/2014 art. 131), see position.cc.
PositionType PositionTypeForEselon(Eselon eselon);

// Whether holders of this type of position may be a performance assessor (pejabat penilai
// kinerja): "at least Pengawas" (JPT, Administrator, Pengawas). Delegation to others is a
// separate, explicit act and not decided here.
bool MayBeAssessor(PositionType type);

}  // namespace kinerja::employee
