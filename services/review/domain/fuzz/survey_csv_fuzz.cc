// Fuzzes the reader of the survey office's CSV of public satisfaction results (IKM), line by
// line as the review service's ImportSurveyResults does: the first line is the header
// (text::CsvHeader, SurveyColumns), every other non-blank line a row (text::CsvLineSplitter,
// ParseSurveyRow). Properties, besides no crash and no sanitizer finding: failures are
// INVALID_ARGUMENT; an accepted row keeps the documented bounds (ids present, survey_id at most
// kMaxSurveyIdBytes, the period in order, ikm within 0..100, respondents not negative).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/status/status.h"
#include "services/review/domain/survey.h"
#include "shared/text/csv.h"
#include "shared/text/text.h"
#include "tests/harness/fuzz_check.h"
#include "tests/harness/fuzz_lines.h"

namespace {

namespace review = ::kinerja::review;

constexpr size_t kMaxLineBytes = 4096;

void Check(const absl::StatusOr<review::SurveyRow>& row) {
  if (!row.ok()) {
    KINERJA_FUZZ_CHECK(row.status().code() == absl::StatusCode::kInvalidArgument);
    return;
  }
  KINERJA_FUZZ_CHECK(!row->unit_id.empty() && !row->survey_id.empty());
  KINERJA_FUZZ_CHECK(row->survey_id.size() <= review::kMaxSurveyIdBytes);
  KINERJA_FUZZ_CHECK(row->period_start <= row->period_end);
  KINERJA_FUZZ_CHECK(row->ikm_ten_thousandths >= 0 &&
                     row->ikm_ten_thousandths <= 100 * review::kIkmScale);
  KINERJA_FUZZ_CHECK(row->respondents >= 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::optional<review::SurveyColumns> columns;
  kinerja::text::CsvLineSplitter splitter;
  for (const kinerja::fuzz::FuzzLine& line : kinerja::fuzz::LinesOf(input, kMaxLineBytes)) {
    if (line.too_long) continue;
    if (!columns) {
      absl::StatusOr<kinerja::text::CsvHeader> header = kinerja::text::CsvHeader::Parse(line.text);
      if (!header.ok()) return 0;
      absl::StatusOr<review::SurveyColumns> found = review::SurveyColumns::FromHeader(*header);
      if (!found.ok()) {
        KINERJA_FUZZ_CHECK(found.status().code() == absl::StatusCode::kInvalidArgument);
        return 0;
      }
      columns = *found;
      continue;
    }
    if (kinerja::IsBlank(line.text)) continue;
    if (!splitter.Split(line.text).ok()) continue;
    Check(review::ParseSurveyRow(*columns, splitter.fields()));
  }
  return 0;
}
