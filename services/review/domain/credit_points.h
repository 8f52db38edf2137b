// Functional credit points (angka kredit, DOMAIN.md "Follow-up"): functional positions earn
// annual credit points by predicate: percent(predicate) x the level's annual coefficient.
// - Coefficients exactly as DOMAIN.md: Ahli Pertama 12.5, Ahli Muda 25, Ahli Madya 37.5, Ahli
//   Utama 50; Pemula 3.75, Terampil 5, Mahir 12.5, Penyelia 25.
// - Percent by predicate: Baik 100 % (DOMAIN.md). The others are NOT in DOMAIN.md: configurable,
//   defaults (unverified) Sangat Baik 150 %, Butuh Perbaikan 75 %, Kurang 50 %, Sangat Kurang 25 %.
// - A partial-year plan earns pro rata by months covered (months / 12), rounded to 3 decimals
//   (half up), computed in exact integer arithmetic.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/review/domain/types.h"

namespace kinerja::review {

enum class FunctionalLevel {
  kAhliPertama,  // "AHLI_PERTAMA"
  kAhliMuda,     // "AHLI_MUDA"
  kAhliMadya,    // "AHLI_MADYA"
  kAhliUtama,    // "AHLI_UTAMA"
  kPemula,       // "PEMULA"
  kTerampil,     // "TERAMPIL"
  kMahir,        // "MAHIR"
  kPenyelia,     // "PENYELIA"
};
std::string_view FunctionalLevelName(FunctionalLevel level);
absl::StatusOr<FunctionalLevel> ParseFunctionalLevel(std::string_view name, std::string_view field);
// "Ahli Pertama", ..., "Penyelia"
std::string_view FunctionalLevelLabel(FunctionalLevel level);

// The level's annual coefficient in hundredths (12.5 -> 1250).
int CoefficientHundredths(FunctionalLevel level);

struct CreditPointPolicy {
  // Whole percent of the coefficient by predicate (Predicate value - 1). Baik 100 is DOMAIN.md;
  // the others are (unverified) defaults.
  std::array<int, 5> percent = {150, 100, 75, 50, 25};
};

// INVALID_ARGUMENT "credit_point_policy.percent.<PREDICATE>" outside 0..1000.
absl::Status ValidateCreditPointPolicy(const CreditPointPolicy& policy);

// The months an annual span covers: month_end - month_start + 1 (a started month counts).
int MonthsCovered(const Window& annual);

// Credit points in thousandths (3 decimals): coefficient x percent x months / 12, half up.
// INVALID_ARGUMENT "months_covered" outside 1..12, or an invalid policy.
absl::StatusOr<int64_t> CreditPointsThousandths(FunctionalLevel level, Predicate predicate,
                                                int months_covered,
                                                const CreditPointPolicy& policy = {});

// The same as a number (e.g. 9.375).
absl::StatusOr<double> AnnualCreditPoints(FunctionalLevel level, Predicate predicate,
                                          int months_covered = 12,
                                          const CreditPointPolicy& policy = {});

}  // namespace kinerja::review
