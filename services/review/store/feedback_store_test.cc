// The feedback area's writes on a real PostgreSQL: one transaction with the audit row and the
// event, idempotent replays, refusals that leave nothing behind, and 360 answers stored so that
// no row links a rater to an answer.
#include <gtest/gtest.h>

#include "services/review/store/migrations.h"
#include "services/review/store/review_store.h"
#include "shared/errors/errors.h"
#include "tests/harness/store_fixture.h"

namespace kinerja::review::store {
namespace {

using ::kinerja::testing::StoreDatabase;

class FeedbackStoreTest : public ::kinerja::testing::StoreFixture<ReviewStore> {
 protected:
  FeedbackStoreTest() : StoreFixture("review", ReviewMigrations) {}

  static Window March() {
    Window w;
    w.year = 2026;
    w.index = 3;
    w.first = absl::CivilDay(2026, 3, 1);
    w.last = absl::CivilDay(2026, 3, 31);
    w.month_start = w.month_end = 3;
    return w;
  }

  RealisationEntry Entry(double value, absl::Status verdict = absl::OkStatus()) {
    RealisationEntry e;
    e.agency_id = "kota";
    e.employee_id = "emp-1";
    e.plan_revision = 1;
    e.realisation.plan_id = "plan-1";
    e.realisation.indicator_id = "iki-1";
    e.realisation.window = March();
    e.realisation.value = value;
    e.realisation.evidence = {{"Laporan", "https://example.go.id/l.pdf"}};
    e.realisation.recorded_by = "emp-1";
    e.check = [verdict](std::optional<absl::CivilDay>) -> absl::StatusOr<bool> {
      if (!verdict.ok()) return verdict;
      return false;
    };
    return e;
  }

  absl::StatusOr<v1::FeedbackRound> OpenRound() {
    RoundOpening o{.agency_id = "kota",
                   .employee_id = "emp-rated",
                   .employee_nip = "199001012015031001",
                   .plan_id = "plan-1",
                   .open_date = absl::CivilDay(2026, 5, 1),
                   .close_date = absl::CivilDay(2026, 5, 31),
                   .opened_by = "kabid",
                   .invitations = {{"198001012005011001", "r1", RaterRelation::kPeer},
                                   {"198001012005011002", "r2", RaterRelation::kPeer},
                                   {"198001012005011003", "r3", RaterRelation::kSubordinate}}};
    return store_->OpenFeedbackRound(o, StoreDatabase::Write());
  }

  static auto NoSummary() {
    return [](const v1::FeedbackRound&,
              const std::vector<Answer360>&) -> std::optional<v1::FeedbackSummary> {
      return std::nullopt;
    };
  }

  absl::StatusOr<v1::FeedbackRound> Answer(const std::string& round_id, const std::string& nip,
                                           const std::string& comment,
                                           absl::Status verdict = absl::OkStatus()) {
    RoundAnswer a;
    a.round_id = round_id;
    a.rater_nip = nip;
    a.answers = {{CoreValue::kAccountable, Rating::kAbove},
                 {CoreValue::kHarmonious, Rating::kBelow}};
    a.comment = comment;
    a.check = [verdict](const RoundRow&, const RoundRaters&) { return verdict; };
    return store_->AnswerFeedbackRound(std::move(a), StoreDatabase::Write(), NoSummary());
  }
};

TEST_F(FeedbackStoreTest, RealisationWithAuditAndEventThenUpdatedByReRecording) {
  absl::StatusOr<v1::Realisation> first =
      store_->RecordRealisation(Entry(10), StoreDatabase::IdempotentWrite("r-1"));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->value(), 10);
  ASSERT_EQ(first->evidence_size(), 1);
  EXPECT_EQ(first->evidence(0).link(), "https://example.go.id/l.pdf");
  EXPECT_EQ(Count("audit_log", "action = 'realisation.record'"), 1);
  EXPECT_EQ(Count("outbox", "type = 'RealisationRecorded'"), 1);

  // A replay answers the first answer and writes nothing.
  absl::StatusOr<v1::Realisation> replay =
      store_->RecordRealisation(Entry(99), StoreDatabase::IdempotentWrite("r-1"));
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_EQ(replay->value(), 10);
  EXPECT_EQ(replay->etag(), first->etag());
  EXPECT_EQ(Count("outbox"), 1);

  // Re-recording the same indicator and window updates the row (etag checked when given).
  RealisationEntry stale = Entry(11);
  stale.expected_version = 7;
  EXPECT_EQ(store_->RecordRealisation(std::move(stale), StoreDatabase::Write()).status().code(),
            absl::StatusCode::kAborted);
  RealisationEntry update = Entry(12);
  update.expected_version = 1;
  absl::StatusOr<v1::Realisation> updated =
      store_->RecordRealisation(std::move(update), StoreDatabase::Write());
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->id(), first->id());
  EXPECT_EQ(updated->value(), 12);
  EXPECT_NE(updated->etag(), first->etag());
  EXPECT_EQ(Count("realisations"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'realisation.record' AND before IS NOT NULL"), 1);
  EXPECT_EQ(Count("outbox", "type = 'RealisationRecorded'"), 2);
}

TEST_F(FeedbackStoreTest, ARefusedEntryLeavesNothing) {
  absl::Status refused =
      store_
          ->RecordRealisation(Entry(10, errors::RuleViolation("WINDOW_CLOSED", "closed")),
                              StoreDatabase::IdempotentWrite("r-2"))
          .status();
  EXPECT_EQ(errors::ReasonOf(refused), "WINDOW_CLOSED");
  EXPECT_EQ(Count("realisations"), 0);
  EXPECT_EQ(Count("audit_log"), 0);
  EXPECT_EQ(Count("outbox"), 0);
  EXPECT_EQ(Count("idempotency_keys"), 0);
}

TEST_F(FeedbackStoreTest, TheReopeningIsSeenByTheEntryCheck) {
  ASSERT_TRUE(store_
                  ->ReopenWindow({.agency_id = "kota",
                                  .plan_id = "plan-1",
                                  .window = March(),
                                  .until = absl::CivilDay(2026, 4, 30),
                                  .reason = "sakit",
                                  .granted_by = "hr"},
                                 StoreDatabase::Write())
                  .ok());
  EXPECT_EQ(Count("outbox", "type = 'WindowReopened'"), 1);
  RealisationEntry e = Entry(5);
  std::optional<absl::CivilDay> seen;
  e.check = [&](std::optional<absl::CivilDay> until) -> absl::StatusOr<bool> {
    seen = until;
    return true;
  };
  absl::StatusOr<v1::Realisation> late =
      store_->RecordRealisation(std::move(e), StoreDatabase::Write());
  ASSERT_TRUE(late.ok()) << late.status();
  EXPECT_TRUE(late->late());
  EXPECT_EQ(seen, absl::CivilDay(2026, 4, 30));
}

TEST_F(FeedbackStoreTest, AnswersAreStoredWithoutTheirRater) {
  absl::StatusOr<v1::FeedbackRound> round = OpenRound();
  ASSERT_TRUE(round.ok()) << round.status();
  EXPECT_EQ(round->raters_invited(), 3);
  ASSERT_TRUE(Answer(round->id(), "198001012005011001", "komentar-rahasia-satu").ok());
  absl::StatusOr<v1::FeedbackRound> second =
      Answer(round->id(), "198001012005011003", "komentar-rahasia-dua");
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->raters_answered(), 2);

  // Twice by the same rater: refused by the invitation, nothing written.
  const int64_t outbox = Count("outbox");
  EXPECT_EQ(errors::ReasonOf(Answer(round->id(), "198001012005011001", "lagi").status()),
            "ANSWER_EXISTS");
  // A refused check: nothing written either.
  EXPECT_FALSE(Answer(round->id(), "198001012005011002", "x",
                      errors::RuleViolation("ROUND_CLOSED", "closed"))
                   .ok());
  EXPECT_EQ(Count("feedback_answers"), 2);
  EXPECT_EQ(Count("feedback_invitations", "answered"), 2);
  EXPECT_EQ(Count("outbox"), outbox);

  // The answers table has no column that could name a rater, and no answer row holds a NIP.
  EXPECT_EQ(Scalar("SELECT string_agg(column_name, ',' ORDER BY column_name) FROM "
                   "information_schema.columns WHERE table_schema = current_schema() AND "
                   "table_name = 'feedback_answers'"),
            "comment,id,levels,round_id");
  EXPECT_EQ(Count("feedback_answers", "to_jsonb(feedback_answers)::text LIKE '%19800101%'"), 0);
  // Neither the audit rows, the events nor the idempotent answers carry what was answered.
  EXPECT_EQ(Count("audit_log",
                  "coalesce(after::text, '') LIKE '%rahasia%' OR "
                  "coalesce(before::text, '') LIKE '%rahasia%' OR "
                  "coalesce(after::text, '') LIKE '%19800101%'"),
            0);
  EXPECT_EQ(Count("outbox",
                  "position('rahasia'::bytea in payload) > 0 OR "
                  "position('19800101'::bytea in payload) > 0"),
            0);
  EXPECT_EQ(Count("outbox", "type = 'FeedbackRoundAnswered'"), 2);
  EXPECT_EQ(Count("audit_log", "action = 'feedback_round.answer'"), 2);

  // The answers come back without identity: distinct opaque keys, none of them a NIP.
  absl::StatusOr<std::vector<Answer360>> answers = store_->RoundAnswers(round->id());
  ASSERT_TRUE(answers.ok()) << answers.status();
  ASSERT_EQ(answers->size(), 2u);
  for (const Answer360& a : *answers) {
    EXPECT_EQ(a.rater_nip.find("19800101"), std::string::npos);
    EXPECT_EQ(a.answers.size(), 2u);
  }
  EXPECT_NE((*answers)[0].rater_nip, (*answers)[1].rater_nip);
}

TEST_F(FeedbackStoreTest, ClosingARoundRunsTheRuleOnTheLockedRow) {
  absl::StatusOr<v1::FeedbackRound> round = OpenRound();
  ASSERT_TRUE(round.ok()) << round.status();
  absl::StatusOr<v1::FeedbackRound> closed = store_->CloseFeedbackRound(
      round->id(),
      [](const RoundRow& r) -> absl::Status {
        return r.round.state() == v1::ROUND_STATE_CLOSED
                   ? errors::RuleViolation("ROUND_CLOSED", "closed")
                   : absl::OkStatus();
      },
      StoreDatabase::Write(), NoSummary());
  ASSERT_TRUE(closed.ok()) << closed.status();
  EXPECT_EQ(closed->state(), v1::ROUND_STATE_CLOSED);
  EXPECT_EQ(errors::ReasonOf(store_
                                 ->CloseFeedbackRound(
                                     round->id(),
                                     [](const RoundRow& r) -> absl::Status {
                                       return r.round.state() == v1::ROUND_STATE_CLOSED
                                                  ? errors::RuleViolation("ROUND_CLOSED", "c")
                                                  : absl::OkStatus();
                                     },
                                     StoreDatabase::Write(), NoSummary())
                                 .status()),
            "ROUND_CLOSED");
  EXPECT_EQ(Count("outbox", "type = 'FeedbackRoundClosed'"), 1);
}

SurveyImport Import(std::vector<SurveyRow> rows, bool dry_run) {
  SurveyImport import{.agency_id = "kota",
                      .rows = std::move(rows),
                      .dry_run = dry_run,
                      .summarise = [](int64_t created, int64_t updated) {
                        v1::ImportSurveyResultsSummary s;
                        s.set_created(created);
                        s.set_updated(updated);
                        return s;
                      }};
  return import;
}

SurveyRow Row(const std::string& unit, int64_t ikm) {
  return SurveyRow{.unit_id = unit,
                   .survey_id = "IKM-2026",
                   .period_start = absl::CivilDay(2026, 1, 1),
                   .period_end = absl::CivilDay(2026, 6, 30),
                   .ikm_ten_thousandths = ikm,
                   .respondents = 100};
}

TEST_F(FeedbackStoreTest, SurveyImportsAllOrNothingAndUpdatesOnReimport) {
  absl::StatusOr<v1::ImportSurveyResultsSummary> dry = store_->ImportSurveyResults(
      Import({Row("u1", 825000), Row("u2", 700000)}, true), StoreDatabase::Write());
  ASSERT_TRUE(dry.ok()) << dry.status();
  EXPECT_EQ(dry->created(), 2);
  EXPECT_EQ(Count("survey_results"), 0);
  EXPECT_EQ(Count("outbox"), 0);

  absl::StatusOr<v1::ImportSurveyResultsSummary> first = store_->ImportSurveyResults(
      Import({Row("u1", 825000), Row("u2", 700000)}, false), StoreDatabase::IdempotentWrite("s"));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->created(), 2);
  EXPECT_EQ(Count("audit_log", "action = 'survey_result.create'"), 2);
  EXPECT_EQ(Count("outbox", "type = 'SurveyResultImported'"), 2);

  absl::StatusOr<v1::ImportSurveyResultsSummary> again = store_->ImportSurveyResults(
      Import({Row("u1", 900000), Row("u3", 500000)}, false), StoreDatabase::Write());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->created(), 1);
  EXPECT_EQ(again->updated(), 1);
  EXPECT_EQ(Count("survey_results"), 3);
  EXPECT_EQ(Scalar("SELECT ikm_ten_thousandths FROM survey_results WHERE unit_id = 'u1'"),
            "900000");

  // A row the database refuses (negative respondents) rolls back the whole import.
  SurveyRow bad = Row("u4", 100);
  bad.respondents = -1;
  EXPECT_FALSE(
      store_->ImportSurveyResults(Import({Row("u5", 1), bad}, false), StoreDatabase::Write()).ok());
  EXPECT_EQ(Count("survey_results"), 3);
  EXPECT_EQ(Count("outbox", "type = 'SurveyResultImported'"), 4);

  absl::StatusOr<db::Page<v1::SurveyResult>> page = store_->ListSurveyResults(
      {rpc::Condition{.field = "unit_id", .op = rpc::FilterOp::kEq, .value = std::string("u1")}},
      db::PageRequest{.page_size = 10});
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_DOUBLE_EQ(page->items[0].ikm(), 90.0);
}

}  // namespace
}  // namespace kinerja::review::store
