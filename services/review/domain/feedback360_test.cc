#include "services/review/domain/feedback360.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using test_util::IsInvalid;
using test_util::IsRule;
using test_util::kEmployeeNip;

constexpr char kPeer[] = "199001012015011001";
constexpr char kSub[] = "199502022020122002";
constexpr char kStranger[] = "198001012005011003";

Round360 OpenRound() {
  Round360 r;
  r.id = "round-1";
  r.rated_nip = kEmployeeNip;
  r.day = absl::CivilDay(2024, 6, 1);
  return r;
}

RoundRaters Raters() {
  RoundRaters r;
  r.peers = {kPeer};
  r.subordinates = {kSub};
  return r;
}

const std::vector<ValueAnswer> kOneAnswer = {{CoreValue::kLoyal, Rating::kAbove}};

TEST(CheckAnswer, PeersAndDirectSubordinatesOnTheRoundsDay) {
  auto peer = CheckAnswer(OpenRound(), kPeer, kOneAnswer, "", Raters());
  ASSERT_TRUE(peer.ok()) << peer.status();
  EXPECT_EQ(*peer, RaterRelation::kPeer);
  auto sub = CheckAnswer(OpenRound(), kSub, kOneAnswer, "", Raters());
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(*sub, RaterRelation::kSubordinate);
  RoundRaters both = Raters();
  both.peers.push_back(kSub);
  EXPECT_EQ(*CheckAnswer(OpenRound(), kSub, kOneAnswer, "", both), RaterRelation::kSubordinate);
}

TEST(CheckAnswer, Refusals) {
  EXPECT_TRUE(IsRule(CheckAnswer(OpenRound(), kStranger, kOneAnswer, "", Raters()).status(),
                     "NOT_ELIGIBLE_RATER"));
  RoundRaters listed_self = Raters();
  listed_self.peers.push_back(kEmployeeNip);
  EXPECT_TRUE(IsRule(CheckAnswer(OpenRound(), kEmployeeNip, kOneAnswer, "", listed_self).status(),
                     "SELF_RATING"));
  RoundRaters answered = Raters();
  answered.answered = {kPeer};
  EXPECT_TRUE(
      IsRule(CheckAnswer(OpenRound(), kPeer, kOneAnswer, "", answered).status(), "ANSWER_EXISTS"));
  Round360 closed = OpenRound();
  closed.state = RoundState::kClosed;
  EXPECT_TRUE(
      IsRule(CheckAnswer(closed, kPeer, kOneAnswer, "", Raters()).status(), "ROUND_CLOSED"));
}

TEST(CheckAnswer, BadInput) {
  EXPECT_TRUE(IsInvalid(CheckAnswer(OpenRound(), kPeer, {}, "", Raters()).status(), "answers"));
  const std::vector<ValueAnswer> twice = {{CoreValue::kLoyal, Rating::kAbove},
                                          {CoreValue::kAdaptive, Rating::kBelow},
                                          {CoreValue::kLoyal, Rating::kBelow}};
  EXPECT_TRUE(
      IsInvalid(CheckAnswer(OpenRound(), kPeer, twice, "", Raters()).status(), "answers[2].value"));
  const std::vector<ValueAnswer> bad_level = {{CoreValue::kLoyal, static_cast<Rating>(7)}};
  EXPECT_TRUE(IsInvalid(CheckAnswer(OpenRound(), kPeer, bad_level, "", Raters()).status(),
                        "answers[0].level"));
  EXPECT_TRUE(IsInvalid(
      CheckAnswer(OpenRound(), kPeer, kOneAnswer, std::string(kMaxCommentBytes + 1, 'x'), Raters())
          .status(),
      "comment"));
  EXPECT_TRUE(
      IsInvalid(CheckAnswer(OpenRound(), "", kOneAnswer, "", Raters()).status(), "rater_nip"));
}

TEST(ApplyCloseRound, Once) {
  Round360 r = OpenRound();
  ASSERT_TRUE(ApplyCloseRound(r).ok());
  EXPECT_EQ(r.state, RoundState::kClosed);
  EXPECT_TRUE(IsRule(ApplyCloseRound(r), "ROUND_CLOSED"));
}

Answer360 Set(std::string rater, std::vector<ValueAnswer> answers, std::string comment = "") {
  Answer360 a;
  a.rater_nip = std::move(rater);
  a.answers = std::move(answers);
  a.comment = std::move(comment);
  return a;
}

TEST(Aggregate, WithheldBelowKReleasedAtK) {
  std::vector<Answer360> answers = {
      Set("r1", {{CoreValue::kLoyal, Rating::kAbove}}, "Sangat membantu"),
      Set("r2", {{CoreValue::kLoyal, Rating::kAsExpected}}, "Cepat tanggap"),
  };
  auto two = Aggregate(answers);
  ASSERT_TRUE(two.ok());
  EXPECT_FALSE(two->released);
  EXPECT_EQ(two->raters, 0);
  EXPECT_TRUE(two->comments.empty());
  const ValueAggregate& loyal2 = two->values[static_cast<int>(CoreValue::kLoyal)];
  EXPECT_FALSE(loyal2.released);
  EXPECT_EQ(loyal2.raters, 0);
  EXPECT_EQ(loyal2.counts, (std::array<int, 3>{0, 0, 0}));

  answers.push_back(
      Set("r3", {{CoreValue::kLoyal, Rating::kAbove}, {CoreValue::kAdaptive, Rating::kBelow}},
          "Adaptasi lambat"));
  auto three = Aggregate(answers);
  ASSERT_TRUE(three.ok());
  EXPECT_TRUE(three->released);
  EXPECT_EQ(three->raters, 3);
  const ValueAggregate& loyal = three->values[static_cast<int>(CoreValue::kLoyal)];
  EXPECT_TRUE(loyal.released);
  EXPECT_EQ(loyal.value, CoreValue::kLoyal);
  EXPECT_EQ(loyal.raters, 3);
  EXPECT_EQ(loyal.counts, (std::array<int, 3>{2, 1, 0}));  // above, as expected, below
  // Only one rater answered ADAPTIVE: withheld although the round is released.
  const ValueAggregate& adaptive = three->values[static_cast<int>(CoreValue::kAdaptive)];
  EXPECT_FALSE(adaptive.released);
  EXPECT_EQ(adaptive.counts, (std::array<int, 3>{0, 0, 0}));
  EXPECT_EQ(adaptive.value, CoreValue::kAdaptive);
  // Comments without identity, sorted (not in answer order).
  EXPECT_EQ(three->comments,
            (std::vector<std::string>{"Adaptasi lambat", "Cepat tanggap", "Sangat membantu"}));
}

TEST(Aggregate, DistinctRatersOnly) {
  std::vector<Answer360> answers = {
      Set("r1", {{CoreValue::kLoyal, Rating::kAbove}}),
      Set("r1", {{CoreValue::kLoyal, Rating::kBelow}}),
      Set("r2", {{CoreValue::kLoyal, Rating::kAbove}}),
  };
  auto agg = Aggregate(answers);
  ASSERT_TRUE(agg.ok());
  EXPECT_FALSE(agg->released);
  EXPECT_FALSE(agg->values[static_cast<int>(CoreValue::kLoyal)].released);
}

TEST(Aggregate, ConfiguredK) {
  std::vector<Answer360> answers = {
      Set("r1", {{CoreValue::kCompetent, Rating::kBelow}}, " "),
      Set("r2", {{CoreValue::kCompetent, Rating::kBelow}}, "Perlu pelatihan"),
  };
  auto agg = Aggregate(answers, Feedback360Policy{2});
  ASSERT_TRUE(agg.ok());
  EXPECT_TRUE(agg->released);
  EXPECT_EQ(agg->values[static_cast<int>(CoreValue::kCompetent)].counts,
            (std::array<int, 3>{0, 0, 2}));
  EXPECT_EQ(agg->comments, std::vector<std::string>{"Perlu pelatihan"});  // blank dropped
  auto five = Aggregate(answers, Feedback360Policy{5});
  ASSERT_TRUE(five.ok());
  EXPECT_FALSE(five->released);
  EXPECT_TRUE(IsInvalid(Aggregate(answers, Feedback360Policy{1}).status(),
                        "feedback360_policy.min_raters"));
}

TEST(Aggregate, EmptyRoundIsWithheld) {
  auto agg = Aggregate({});
  ASSERT_TRUE(agg.ok());
  EXPECT_FALSE(agg->released);
  for (int i = 0; i < kCoreValueCount; ++i) {
    EXPECT_FALSE(agg->values[i].released);
    EXPECT_EQ(agg->values[i].value, static_cast<CoreValue>(i));
  }
}

}  // namespace
}  // namespace kinerja::review
