#include "services/review/domain/types.h"

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::review {

int PeriodikId(Cadence cadence) { return static_cast<int>(cadence); }

absl::StatusOr<Cadence> CadenceFromPeriodikId(int id, std::string_view field) {
  if (id == PeriodikId(Cadence::kMonthly)) return Cadence::kMonthly;
  if (id == PeriodikId(Cadence::kQuarterly)) return Cadence::kQuarterly;
  return errors::InvalidField(
      ToAbsl(field), absl::StrCat("periodikId must be 1 (monthly) or 2 (quarterly), got ", id));
}

}  // namespace kinerja::review
