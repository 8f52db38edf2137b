// Rater statistics (DOMAIN.md "What users of existing systems ask for": leniency, severity,
// central tendency; PP 30/2019's 360 input), per assessor over their finalised annual
// assessments in a report's scope. The choices (see README.md):
//  - Every rating an assessor gave counts: the results and the behaviour rating of each
//    assessment. Score: above +1, as expected 0, below -1; mean_score is their mean.
//  - Baseline: the other assessors' ratings of staff in the same units (the units of the
//    assessor's own assessments), same year and position type filter. leniency = mean_score -
//    baseline_score; no other ratings in those units: no baseline (leniency 0, never flagged).
//  - LENIENT when leniency >= +0.5, SEVERE when <= -0.5 (half a rating category on average:
//    e.g. "above" where the colleagues of the same units give "as expected" to every second
//    person), CENTRAL_TENDENCY when at least 90 % of the ratings are "as expected"; both only
//    with at least min_rated assessments (default 5).
//  - 360 agreement, per assessment with a released 360 summary: the raters' rating is ABOVE when
//    (above - below) / answers >= 1/3 over all core values of the summary, BELOW when <= -1/3,
//    else AS_EXPECTED; it agrees when the assessor's behaviour rating is the same.
//    DISAGREES_WITH_360 when fewer than half agree, with at least min_rated such assessments.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "shared/rating/rating.h"

namespace kinerja::analytics {

// National rating codes (hasil kerja / perilaku kerja) as the read model stores them: the
// shared vocabulary's values (shared/rating/rating.h), 1 above, 2 as expected, 3 below.
inline constexpr int kRatingAbove = static_cast<int>(rating::Rating::kAbove);
inline constexpr int kRatingAsExpected = static_cast<int>(rating::Rating::kAsExpected);
inline constexpr int kRatingBelow = static_cast<int>(rating::Rating::kBelow);

struct RatingTally {
  int64_t above = 0;
  int64_t as_expected = 0;
  int64_t below = 0;
  int64_t Total() const { return above + as_expected + below; }
  // Adds one rating by its national code (others are ignored).
  void Add(int rating_code);
  RatingTally& operator+=(const RatingTally& other);
  friend bool operator==(const RatingTally&, const RatingTally&) = default;
};

// Mean score of the tally's ratings (above +1, as expected 0, below -1); nullopt when empty.
std::optional<double> MeanScore(const RatingTally& tally);

// A released 360 summary's answers over all core values.
struct Summary360 {
  int64_t below = 0;
  int64_t as_expected = 0;
  int64_t above = 0;
};

// The 360 raters' rating (national code) for the summary, or nullopt with no answers.
std::optional<int> RatingOf360(const Summary360& summary);

struct RaterThresholds {
  double leniency = 0.5;       // |leniency| at or above: LENIENT / SEVERE
  double central_share = 0.9;  // as-expected share at or above: CENTRAL_TENDENCY
  double min_agreement = 0.5;  // agreement below: DISAGREES_WITH_360
  int min_rated = 5;           // assessments (or 360 assessments) before any flag
};

// min_rated of a request: 0 -> the default 5; INVALID_ARGUMENT "min_rated" when negative.
absl::StatusOr<int> MinRatedOf(int requested);

enum class RaterFlag { kLenient, kSevere, kCentralTendency, kDisagreesWith360 };

struct RaterInput {
  int rated = 0;              // finalised assessments
  RatingTally given = {};     // their ratings (results and behaviour)
  RatingTally baseline = {};  // other assessors' ratings of staff in the same units
  // Per assessment with a released 360 summary: the assessor's behaviour rating (code) and the
  // summary.
  struct With360 {
    int behaviour_rating = 0;
    Summary360 summary = {};
  };
  std::vector<With360> with_360 = {};
};

struct RaterResult {
  double above_share = 0;
  double as_expected_share = 0;
  double below_share = 0;
  double mean_score = 0;
  bool has_baseline = false;
  double baseline_score = 0;
  double leniency = 0;
  int with_360 = 0;  // assessments whose summary gives a 360 rating
  double agreement_360 = 0;
  std::vector<RaterFlag> flags = {};  // in RaterFlag order
};

RaterResult ComputeRaterStatistics(const RaterInput& input, const RaterThresholds& thresholds);

}  // namespace kinerja::analytics
