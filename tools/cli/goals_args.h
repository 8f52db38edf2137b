// Command-line values of the goals commands: cadence, perspective, indicator (IKI) and dates.
// Every error names its flag.
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "google/type/date.pb.h"
#include "kinerja/goals/v1/resources.pb.h"

namespace kinerja::cli {

// --cadence: monthly | quarterly.
absl::StatusOr<kinerja::goals::v1::Cadence> ParseCadence(std::string_view text);

// --perspective: service-recipients | business-process | internal-strengthening | budget.
absl::StatusOr<kinerja::goals::v1::Perspective> ParsePerspective(std::string_view text);

// The ASPECT of an --indicator: quantity | quality | time | cost.
absl::StatusOr<kinerja::goals::v1::Aspect> ParseAspect(std::string_view text);

// --indicator "TEXT;ASPECT;MIN;MAX;UNIT", e.g. "Dokumen renstra tersusun;quantity;1;1;dokumen".
// MIN and MAX are numbers with MIN <= MAX; TEXT and UNIT are not blank.
absl::StatusOr<kinerja::goals::v1::Indicator> ParseIndicator(std::string_view text);

google::type::Date DateOf(absl::CivilDay day);

}  // namespace kinerja::cli
