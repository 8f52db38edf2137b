#include "services/review/domain/credit_points.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/review/domain/names.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::review {
namespace {

struct LevelRow {
  FunctionalLevel level;
  std::string_view name;
  std::string_view label;
  int coefficient_hundredths;
};

constexpr std::array<LevelRow, 8> kLevels = {{
    {FunctionalLevel::kAhliPertama, "AHLI_PERTAMA", "Ahli Pertama", 1250},
    {FunctionalLevel::kAhliMuda, "AHLI_MUDA", "Ahli Muda", 2500},
    {FunctionalLevel::kAhliMadya, "AHLI_MADYA", "Ahli Madya", 3750},
    {FunctionalLevel::kAhliUtama, "AHLI_UTAMA", "Ahli Utama", 5000},
    {FunctionalLevel::kPemula, "PEMULA", "Pemula", 375},
    {FunctionalLevel::kTerampil, "TERAMPIL", "Terampil", 500},
    {FunctionalLevel::kMahir, "MAHIR", "Mahir", 1250},
    {FunctionalLevel::kPenyelia, "PENYELIA", "Penyelia", 2500},
}};

const LevelRow* Row(FunctionalLevel level) {
  for (const LevelRow& row : kLevels) {
    if (row.level == level) return &row;
  }
  return nullptr;
}

}  // namespace

std::string_view FunctionalLevelName(FunctionalLevel level) {
  const LevelRow* row = Row(level);
  return row == nullptr ? "" : row->name;
}

std::string_view FunctionalLevelLabel(FunctionalLevel level) {
  const LevelRow* row = Row(level);
  return row == nullptr ? "" : row->label;
}

absl::StatusOr<FunctionalLevel> ParseFunctionalLevel(std::string_view name,
                                                     std::string_view field) {
  for (const LevelRow& row : kLevels) {
    if (row.name == name) return row.level;
  }
  return errors::InvalidField(ToAbsl(field),
                              absl::StrCat("unknown functional level '", ToAbsl(name), "'"));
}

int CoefficientHundredths(FunctionalLevel level) {
  const LevelRow* row = Row(level);
  return row == nullptr ? 0 : row->coefficient_hundredths;
}

absl::Status ValidateCreditPointPolicy(const CreditPointPolicy& policy) {
  std::vector<errors::FieldViolation> invalid;
  for (Predicate p : kAllPredicates) {
    const int percent = policy.percent[static_cast<size_t>(p) - 1];
    if (percent < 0 || percent > 1000) {
      invalid.push_back({absl::StrCat("credit_point_policy.percent.", ToAbsl(PredicateName(p))),
                         absl::StrCat("must be 0..1000, got ", percent)});
    }
  }
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  return absl::OkStatus();
}

int MonthsCovered(const Window& annual) { return annual.month_end - annual.month_start + 1; }

absl::StatusOr<int64_t> CreditPointsThousandths(FunctionalLevel level, Predicate predicate,
                                                int months_covered,
                                                const CreditPointPolicy& policy) {
  RETURN_IF_ERROR(ValidateCreditPointPolicy(policy));
  if (months_covered < 1 || months_covered > 12) {
    return errors::InvalidField("months_covered",
                                absl::StrCat("must be 1..12, got ", months_covered));
  }
  const LevelRow* row = Row(level);
  if (row == nullptr) return errors::InvalidField("functional_level", "unknown level");
  // coefficient/100 x percent/100 x months/12 x 1000 = coefficient x percent x months / 120.
  const int64_t numerator = static_cast<int64_t>(row->coefficient_hundredths) *
                            policy.percent[static_cast<size_t>(predicate) - 1] * months_covered;
  return (numerator + 60) / 120;
}

absl::StatusOr<double> AnnualCreditPoints(FunctionalLevel level, Predicate predicate,
                                          int months_covered, const CreditPointPolicy& policy) {
  ASSIGN_OR_RETURN(const int64_t thousandths,
                   CreditPointsThousandths(level, predicate, months_covered, policy));
  return static_cast<double>(thousandths) / 1000.0;
}

}  // namespace kinerja::review
