// Command-line values of the review commands: ratings, kinds, organisation predicates, list
// filters built from flags, and the file name of an exported SIASN body. Every error names its
// flag.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "kinerja/review/v1/resources.pb.h"
#include "tools/cli/flags.h"

namespace kinerja::cli {

// above | as-expected | below (di atas / sesuai / di bawah ekspektasi).
absl::StatusOr<kinerja::review::v1::Rating> ParseRating(std::string_view flag,
                                                        std::string_view text);

// A core value and its rating, "VALUE=RATING" (--value accountable=below): VALUE is one of
// service-oriented, accountable, competent, harmonious, loyal, adaptive, collaborative (the
// BerAKHLAK values), RATING as ParseRating.
struct ValueRating {
  kinerja::review::v1::CoreValue value = kinerja::review::v1::CORE_VALUE_UNSPECIFIED;
  kinerja::review::v1::Rating rating = kinerja::review::v1::RATING_UNSPECIFIED;
};
absl::StatusOr<ValueRating> ParseValueRating(std::string_view flag, std::string_view text);

// annual | periodic.
absl::StatusOr<kinerja::review::v1::AssessmentKind> ParseKind(std::string_view flag,
                                                              std::string_view text);

// istimewa | baik | butuh-perbaikan | kurang | sangat-kurang.
absl::StatusOr<kinerja::review::v1::OrgPredicate> ParseOrgPredicate(std::string_view text);

// A whole number from 0 to max (e.g. --grace-days 0).
absl::StatusOr<int32_t> ParseNonNegativeInt(std::string_view flag, std::string_view text,
                                            int32_t max);

// A flag that narrows a List call: --flag VALUE becomes `field = "VALUE"`.
struct FilterFlag {
  std::string flag;   // without "--", e.g. "agency"
  std::string field;  // e.g. "agency_id"
};

// The filter of the given flags (quoted, '"' and '\' escaped) and --filter, joined by AND, in
// the order of `flags`, then --filter. Enum flags (--kind, --state) are translated by the
// caller and passed in `extra` as ready conditions.
std::string BuildFilter(const ParsedArgs& args, const std::vector<FilterFlag>& flags,
                        const std::vector<std::string>& extra = {});

// `field = "value"` with the value quoted for the List filter grammar.
std::string FilterCondition(std::string_view field, std::string_view value);

// The file an exported body is written to: the endpoint with '/' as '-', then the assessment
// id: "skp22-save_A1.json". InvalidArgument when either has a character other than letters,
// digits, '-', '_', '.' (and '/' in the endpoint), or the id is empty, "." or "..": a name
// from the server never leaves the output directory.
absl::StatusOr<std::string> ExportFileName(std::string_view endpoint,
                                           std::string_view assessment_id);

}  // namespace kinerja::cli
