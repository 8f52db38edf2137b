// Public satisfaction survey results (survei kepuasan masyarakat, index IKM; DOMAIN.md
// "Execution and periodic assessment": IKM measures unit service quality and feeds the quality
// indicators of service units). The survey office delivers a CSV with a header row:
//   unit_id, survey_id, period_start, period_end, ikm, respondents
// period dates YYYY-MM-DD (period_end not before period_start), ikm 0..100 with a decimal point
// and at most 4 decimals, respondents a whole number >= 0. Column order is free; other columns
// are ignored. One result per (unit, survey, period): a re-import updates it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "shared/text/csv.h"

namespace kinerja::review {

inline constexpr size_t kMaxSurveyIdBytes = 64;
inline constexpr int kIkmScale = 10000;  // ikm kept as ten-thousandths (4 decimals), exactly

struct SurveyRow {
  std::string unit_id;
  std::string survey_id;
  absl::CivilDay period_start;
  absl::CivilDay period_end;
  int64_t ikm_ten_thousandths = 0;  // 0..1000000
  int64_t respondents = 0;
  friend bool operator==(const SurveyRow&, const SurveyRow&) = default;
};

// The columns of the file. INVALID_ARGUMENT naming "header" when a column is missing.
struct SurveyColumns {
  size_t unit_id = 0, survey_id = 0, period_start = 0, period_end = 0, ikm = 0, respondents = 0;
  static absl::StatusOr<SurveyColumns> FromHeader(const text::CsvHeader& header);
};

// "82.5" -> 825000; INVALID_ARGUMENT naming `field` for anything but digits with an optional
// decimal point and at most 4 decimals, or a value above 100.
absl::StatusOr<int64_t> ParseIkm(std::string_view text, std::string_view field);

// One data line's fields. INVALID_ARGUMENT with a violation per bad field (the column names):
// unit_id and survey_id required (survey_id <= 64 bytes of [A-Za-z0-9._-], as the goals
// service's survey codes), dates, ikm, respondents.
absl::StatusOr<SurveyRow> ParseSurveyRow(const SurveyColumns& columns,
                                         const std::vector<std::string_view>& fields);

}  // namespace kinerja::review
