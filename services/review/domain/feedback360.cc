#include "services/review/domain/feedback360.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "services/review/domain/names.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::review {
namespace {

bool Contains(const std::vector<std::string>& list, const std::string& nip) {
  return std::find(list.begin(), list.end(), nip) != list.end();
}

absl::Status ValidateAnswers(const std::string& rater_nip, const std::vector<ValueAnswer>& answers,
                             const std::string& comment) {
  std::vector<errors::FieldViolation> invalid;
  if (IsBlank(rater_nip)) invalid.push_back({"rater_nip", "is required"});
  if (answers.empty()) invalid.push_back({"answers", "at least one core value is required"});
  std::set<CoreValue> seen;
  for (size_t i = 0; i < answers.size(); ++i) {
    if (CoreValueName(answers[i].value).empty()) {
      invalid.push_back({absl::StrCat("answers[", i, "].value"), "unknown core value"});
    } else if (!seen.insert(answers[i].value).second) {
      invalid.push_back({absl::StrCat("answers[", i, "].value"),
                         absl::StrCat("core value ", ToAbsl(CoreValueName(answers[i].value)),
                                      " answered twice")});
    }
    if (RatingName(answers[i].level).empty()) {
      invalid.push_back({absl::StrCat("answers[", i, "].level"), "unknown level"});
    }
  }
  if (comment.size() > kMaxCommentBytes) {
    invalid.push_back({"comment", absl::StrCat("must be at most ", kMaxCommentBytes, " bytes, got ",
                                               comment.size())});
  }
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateFeedback360Policy(const Feedback360Policy& policy) {
  if (policy.min_raters < 2 || policy.min_raters > 1000) {
    return errors::InvalidField("feedback360_policy.min_raters",
                                absl::StrCat("must be 2..1000, got ", policy.min_raters));
  }
  return absl::OkStatus();
}

absl::StatusOr<RaterRelation> CheckAnswer(const Round360& round, const std::string& rater_nip,
                                          const std::vector<ValueAnswer>& answers,
                                          const std::string& comment, const RoundRaters& raters) {
  if (round.state == RoundState::kClosed) {
    return errors::RuleViolation("ROUND_CLOSED", absl::StrCat("round ", round.id, " is closed"));
  }
  if (!rater_nip.empty() && rater_nip == round.rated_nip) {
    return errors::RuleViolation("SELF_RATING", "the rated employee does not answer their round");
  }
  if (!rater_nip.empty() && Contains(raters.answered, rater_nip)) {
    return errors::RuleViolation("ANSWER_EXISTS", "one answer set per rater");
  }
  RETURN_IF_ERROR(ValidateAnswers(rater_nip, answers, comment));
  if (Contains(raters.subordinates, rater_nip)) return RaterRelation::kSubordinate;
  if (Contains(raters.peers, rater_nip)) return RaterRelation::kPeer;
  return errors::RuleViolation(
      "NOT_ELIGIBLE_RATER",
      absl::StrCat("only peers and direct subordinates of the rated employee on ",
                   absl::FormatCivilTime(round.day), " answer"));
}

absl::Status ApplyCloseRound(Round360& round) {
  if (round.state == RoundState::kClosed) {
    return errors::RuleViolation("ROUND_CLOSED", absl::StrCat("round ", round.id, " is closed"));
  }
  round.state = RoundState::kClosed;
  return absl::OkStatus();
}

absl::StatusOr<Aggregate360> Aggregate(const std::vector<Answer360>& answers,
                                       const Feedback360Policy& policy) {
  RETURN_IF_ERROR(ValidateFeedback360Policy(policy));
  Aggregate360 out;
  std::array<ValueAggregate, kCoreValueCount> all = {};
  for (int i = 0; i < kCoreValueCount; ++i) all[i].value = static_cast<CoreValue>(i);
  std::set<std::string> raters;
  std::vector<std::string> comments;
  for (const Answer360& set : answers) {
    if (!raters.insert(set.rater_nip).second) continue;  // a rater counts once
    std::set<CoreValue> seen;
    for (const ValueAnswer& a : set.answers) {
      const int v = static_cast<int>(a.value);
      const int level = static_cast<int>(a.level) - 1;
      if (v < 0 || v >= kCoreValueCount || level < 0 || level > 2) continue;
      if (!seen.insert(a.value).second) continue;
      all[v].raters += 1;
      all[v].counts[level] += 1;
    }
    if (!IsBlank(set.comment)) comments.push_back(set.comment);
  }
  const int k = policy.min_raters;
  for (int i = 0; i < kCoreValueCount; ++i) {
    out.values[i].value = all[i].value;
    if (all[i].raters >= k) {
      out.values[i] = all[i];
      out.values[i].released = true;
    }
  }
  if (static_cast<int>(raters.size()) >= k) {
    out.released = true;
    out.raters = static_cast<int>(raters.size());
    std::sort(comments.begin(), comments.end());
    out.comments = std::move(comments);
  }
  return out;
}

}  // namespace kinerja::review
