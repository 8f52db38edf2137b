#include "services/analytics/domain/rater_statistics.h"

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"

namespace kinerja::analytics {
namespace {

// Compared with a small tolerance so that a share of exactly 9/10 or a score of exactly 1/2
// (both inexact in binary) counts as reaching the threshold.
constexpr double kEpsilon = 1e-9;

}  // namespace

void RatingTally::Add(int rating_code) {
  switch (rating_code) {
    case kRatingAbove:
      ++above;
      break;
    case kRatingAsExpected:
      ++as_expected;
      break;
    case kRatingBelow:
      ++below;
      break;
    default:
      break;
  }
}

RatingTally& RatingTally::operator+=(const RatingTally& other) {
  above += other.above;
  as_expected += other.as_expected;
  below += other.below;
  return *this;
}

std::optional<double> MeanScore(const RatingTally& tally) {
  if (tally.Total() == 0) return std::nullopt;
  return static_cast<double>(tally.above - tally.below) / static_cast<double>(tally.Total());
}

std::optional<int> RatingOf360(const Summary360& summary) {
  const int64_t answers = summary.above + summary.as_expected + summary.below;
  if (answers <= 0) return std::nullopt;
  // (above - below) / answers >= 1/3, in integers.
  const int64_t net3 = 3 * (summary.above - summary.below);
  if (net3 >= answers) return kRatingAbove;
  if (net3 <= -answers) return kRatingBelow;
  return kRatingAsExpected;
}

absl::StatusOr<int> MinRatedOf(int requested) {
  if (requested < 0) {
    return errors::InvalidField("min_rated", absl::StrCat("must not be negative, got ", requested));
  }
  return requested == 0 ? RaterThresholds{}.min_rated : requested;
}

RaterResult ComputeRaterStatistics(const RaterInput& input, const RaterThresholds& thresholds) {
  RaterResult result;
  const int64_t given = input.given.Total();
  if (given > 0) {
    const double n = static_cast<double>(given);
    result.above_share = static_cast<double>(input.given.above) / n;
    result.as_expected_share = static_cast<double>(input.given.as_expected) / n;
    result.below_share = static_cast<double>(input.given.below) / n;
    result.mean_score = *MeanScore(input.given);
  }
  if (std::optional<double> baseline = MeanScore(input.baseline); baseline.has_value()) {
    result.has_baseline = true;
    result.baseline_score = *baseline;
    result.leniency = given > 0 ? result.mean_score - *baseline : 0.0;
  }
  int agree = 0;
  for (const RaterInput::With360& a : input.with_360) {
    std::optional<int> peers = RatingOf360(a.summary);
    if (!peers.has_value()) continue;
    ++result.with_360;
    if (*peers == a.behaviour_rating) ++agree;
  }
  if (result.with_360 > 0) {
    result.agreement_360 = static_cast<double>(agree) / result.with_360;
  }

  const bool enough = input.rated >= thresholds.min_rated && given > 0;
  if (enough && result.has_baseline) {
    if (result.leniency >= thresholds.leniency - kEpsilon) {
      result.flags.push_back(RaterFlag::kLenient);
    } else if (result.leniency <= -thresholds.leniency + kEpsilon) {
      result.flags.push_back(RaterFlag::kSevere);
    }
  }
  if (enough && result.as_expected_share >= thresholds.central_share - kEpsilon) {
    result.flags.push_back(RaterFlag::kCentralTendency);
  }
  if (result.with_360 >= thresholds.min_rated && result.with_360 > 0 &&
      result.agreement_360 < thresholds.min_agreement - kEpsilon) {
    result.flags.push_back(RaterFlag::kDisagreesWith360);
  }
  return result;
}

}  // namespace kinerja::analytics
