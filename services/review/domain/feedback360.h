// 360 behaviour input (DOMAIN.md "Execution and periodic assessment": peers and direct
// subordinates rate behaviour; "rater categories with anonymity thresholds"). Each rater gives,
// per BerAKHLAK core value, a level (below / as expected / above, the Rating scale) and an
// optional comment.
// - Eligible raters are the rated employee's peers and direct subordinates on the round's day
//   (input lists from the employee service); the rated employee never answers; one answer set per
//   rater; a closed round takes no answers.
// - Anonymity: per core value, counts per level are released only when at least k distinct
//   raters answered that value (k default 3, configurable per agency, at least 2); below k only
//   a "withheld" flag is returned, no counts and no number of raters. Comments are released only
//   when at least k distinct raters answered the round, without rater identity, in sorted order
//   (so the order of answering cannot identify anyone).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/review/domain/types.h"

namespace kinerja::review {

inline constexpr size_t kMaxCommentBytes = 2000;

struct Feedback360Policy {
  int min_raters = 3;  // k; a choice of default, configurable per agency: 2..1000
};

// INVALID_ARGUMENT "feedback360_policy.min_raters" outside 2..1000 (k = 1 is no anonymity).
absl::Status ValidateFeedback360Policy(const Feedback360Policy& policy);

// Who may answer, as of the round's day.
struct RoundRaters {
  std::vector<std::string> peers;         // NIPs of peers on round.day
  std::vector<std::string> subordinates;  // NIPs of direct subordinates on round.day
  std::vector<std::string> answered;      // NIPs that already answered this round
};

// Checks an answer set by `rater_nip`: round open ("ROUND_CLOSED"); not the rated employee
// ("SELF_RATING"); not answered yet ("ANSWER_EXISTS"); the input (INVALID_ARGUMENT): rater_nip
// required, at least one answer ("answers"), each core value at most once ("answers[i].value"),
// known levels ("answers[i].level"), comment <= 2000 bytes ("comment"); then a peer or direct
// subordinate on the round's day ("NOT_ELIGIBLE_RATER"). Returns the rater's relation (a
// subordinate who is also listed as a peer counts as a subordinate).
absl::StatusOr<RaterRelation> CheckAnswer(const Round360& round, const std::string& rater_nip,
                                          const std::vector<ValueAnswer>& answers,
                                          const std::string& comment, const RoundRaters& raters);

// Closing a round: open ("ROUND_CLOSED").
absl::Status ApplyCloseRound(Round360& round);

struct ValueAggregate {
  CoreValue value = CoreValue::kServiceOriented;
  bool released = false;  // false: withheld (fewer than k raters answered this value)
  int raters = 0;         // distinct raters who answered this value; 0 when withheld
  // Raters per level, by Rating code - 1 (above, as expected, below); zeros when withheld.
  std::array<int, 3> counts = {0, 0, 0};
};

struct Aggregate360 {
  bool released = false;  // at least k distinct raters answered the round
  int raters = 0;         // distinct raters; 0 when withheld
  std::array<ValueAggregate, kCoreValueCount> values = {};  // in CoreValue order
  std::vector<std::string> comments;  // non-blank comments, sorted; empty when withheld
};

// Aggregates the answer sets of one round. A rater appearing twice counts once (first set).
absl::StatusOr<Aggregate360> Aggregate(const std::vector<Answer360>& answers,
                                       const Feedback360Policy& policy = {});

}  // namespace kinerja::review
