// 360 rounds. Anonymity by storage (docs/design.md "360 anonymity"): feedback_invitations says
// who may answer and whether they did; feedback_answers says what was answered, with no rater
// reference. An answer marks the invitation answered and inserts the answer in one transaction,
// so a rater answers once; the audit row and the event carry the round's counts only.
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"
#include "services/review/domain/names.h"
#include "services/review/store/feedback_rows.h"
#include "services/review/store/queries.h"
#include "services/review/store/review_store.h"
#include "services/review/store/rows.h"
#include "shared/db/row_decode.h"

namespace kinerja::review::store {
namespace {

using internal::DayParam;

std::string LevelsJson(const std::vector<ValueAnswer>& answers) {
  nlohmann::json out = nlohmann::json::object();
  for (const ValueAnswer& a : answers) {
    out[std::string(CoreValueName(a.value))] = std::string(RatingName(a.level));
  }
  return out.dump();
}

std::vector<Answer360> AnswersOf(pqxx::transaction_base& tx, const std::string& round_id) {
  std::vector<Answer360> out;
  for (const pqxx::row& row : db::Exec(tx, queries::kRoundAnswers, round_id)) {
    Answer360 a;
    a.round_id = round_id;
    a.rater_nip = row[0].as<std::string>();  // the answer's own id: distinct, names nobody
    nlohmann::json levels =
        nlohmann::json::parse(db::FieldView(row[1]), nullptr, /*allow_exceptions=*/false);
    if (levels.is_object()) {
      for (auto it = levels.begin(); it != levels.end(); ++it) {
        absl::StatusOr<CoreValue> value = ParseCoreValue(it.key(), "value");
        absl::StatusOr<Rating> level =
            ParseRating(it.value().is_string() ? it.value().get<std::string>() : "", "level");
        if (value.ok() && level.ok()) a.answers.push_back({*value, *level});
      }
    }
    a.comment = db::TextOrEmpty(row[2]);
    out.push_back(std::move(a));
  }
  return out;
}

// The audit row and event of a round change: the round's counts and, when released, the
// summary; nothing about any single answer.
void RecordRoundChange(pqxx::work& tx, const WriteOptions& write, const char* action,
                       const char* event_type, const std::optional<v1::FeedbackRound>& before,
                       const v1::FeedbackRound& after,
                       const std::optional<v1::FeedbackSummary>& summary) {
  std::optional<std::string> before_json;
  if (before.has_value()) before_json = internal::MessageJson(*before);
  internal::Audit(tx, write, action, "feedback_round", after.id(), std::move(before_json),
                  internal::MessageJson(after));
  v1::FeedbackRoundChanged event;
  *event.mutable_round() = after;
  if (summary.has_value()) *event.mutable_summary() = *summary;
  internal::Emit(tx, write, event_type, "feedback_round", after.id(), event);
}

absl::StatusOr<RoundRow> LockRound(pqxx::work& tx, const std::string& id) {
  pqxx::result r = db::Exec(tx, queries::kLockRound, id);
  if (r.empty()) return errors::NotFound("feedback round", id);
  return internal::RoundFromRow(r[0]);
}

}  // namespace

absl::StatusOr<v1::FeedbackRound> ReviewStore::OpenFeedbackRound(const RoundOpening& opening,
                                                                 const WriteOptions& write) {
  return internal::RunMessageWrite<v1::FeedbackRound>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<v1::FeedbackRound> {
        pqxx::result saved = db::Exec(
            tx, queries::kInsertRound, opening.agency_id, opening.employee_id, opening.employee_nip,
            opening.plan_id, DayParam(opening.open_date), DayParam(opening.close_date),
            static_cast<int>(opening.invitations.size()), opening.opened_by);
        RoundRow round = internal::RoundFromRow(saved[0]);
        for (const Invitation& i : opening.invitations) {
          db::Exec(tx, queries::kInsertInvitation, round.round.id(), i.rater_nip,
                   i.rater_employee_id, std::string(RaterRelationName(i.relation)));
        }
        RecordRoundChange(tx, write, "feedback_round.open", kFeedbackRoundOpened, std::nullopt,
                          round.round, std::nullopt);
        return round.round;
      });
}

absl::StatusOr<RoundRow> ReviewStore::GetFeedbackRound(const std::string& id) {
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<RoundRow> {
    pqxx::result r = db::Exec(tx, queries::kRoundById, id);
    if (r.empty()) return errors::NotFound("feedback round", id);
    return internal::RoundFromRow(r[0]);
  });
}

absl::StatusOr<v1::FeedbackRound> ReviewStore::AnswerFeedbackRound(
    RoundAnswer answer, const WriteOptions& write,
    absl::AnyInvocable<std::optional<v1::FeedbackSummary>(const v1::FeedbackRound&,
                                                          const std::vector<Answer360>&)>
        released_summary) {
  return internal::RunMessageWrite<v1::FeedbackRound>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<v1::FeedbackRound> {
        ASSIGN_OR_RETURN(RoundRow round, LockRound(tx, answer.round_id));
        RoundRaters raters;
        for (const pqxx::row& row : db::Exec(tx, queries::kRoundInvitations, answer.round_id)) {
          std::string nip = row[0].as<std::string>();
          if (row[2].as<bool>()) raters.answered.push_back(nip);
          (row[1].as<std::string>() == "SUBORDINATE" ? raters.subordinates : raters.peers)
              .push_back(std::move(nip));
        }
        RETURN_IF_ERROR(answer.check(round, raters));
        if (db::Exec(tx, queries::kMarkInvitationAnswered, answer.round_id, answer.rater_nip)
                .empty()) {
          return errors::RuleViolation("ANSWER_EXISTS", "one answer set per rater");
        }
        db::Exec(tx, queries::kInsertAnswer, answer.round_id, LevelsJson(answer.answers),
                 answer.comment);
        RoundRow after =
            internal::RoundFromRow(db::Exec(tx, queries::kCountAnswer, answer.round_id)[0]);
        std::optional<v1::FeedbackSummary> summary =
            released_summary(after.round, AnswersOf(tx, answer.round_id));
        RecordRoundChange(tx, write, "feedback_round.answer", kFeedbackRoundAnswered, round.round,
                          after.round, summary);
        return after.round;
      });
}

absl::StatusOr<v1::FeedbackRound> ReviewStore::CloseFeedbackRound(
    const std::string& id, absl::AnyInvocable<absl::Status(const RoundRow&)> check,
    const WriteOptions& write,
    absl::AnyInvocable<std::optional<v1::FeedbackSummary>(const v1::FeedbackRound&,
                                                          const std::vector<Answer360>&)>
        released_summary) {
  return internal::RunMessageWrite<v1::FeedbackRound>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<v1::FeedbackRound> {
        ASSIGN_OR_RETURN(RoundRow round, LockRound(tx, id));
        RETURN_IF_ERROR(check(round));
        RoundRow after = internal::RoundFromRow(db::Exec(tx, queries::kCloseRound, id)[0]);
        RecordRoundChange(tx, write, "feedback_round.close", kFeedbackRoundClosed, round.round,
                          after.round, released_summary(after.round, AnswersOf(tx, id)));
        return after.round;
      });
}

absl::StatusOr<std::vector<Answer360>> ReviewStore::RoundAnswers(const std::string& round_id) {
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<std::vector<Answer360>> {
        return AnswersOf(tx, round_id);
      });
}

}  // namespace kinerja::review::store
