// The feedback area of ReviewService through a real gRPC channel, beside the real employee and
// goals services: realisations in open, closed and reopened windows, the version in force,
// indicator feedback and notes by who may give them, a 360 round withheld then released at k,
// and the streamed survey import.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "services/review/tests/review_fixture.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::testing {
namespace {

using employee::testing::AuditorToken;
using employee::testing::BuildOrg;
using employee::testing::CreateEmployee;
using employee::testing::Org;
using goals::testing::ApprovedPlan;
using goals::testing::CreatePeriod2026;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

rv1::ReviewService::Stub& Stub() { return ReviewEnv::Get().stub(); }

google::type::Date Day(int y, int m, int d) { return rpc::DayToProto(absl::CivilDay(y, m, d)); }

// An agency with staff1's plan approved by kabid (quarterly period 2026).
struct Scene {
  Org org;
  gv1::Plan plan;
  gv1::Plan other_plan;                      // staff2's
  std::string staff1, staff2, kabid, kadis;  // tokens
};

Scene MakeScene() {
  Scene s;
  s.org = BuildOrg();
  gv1::Period period = CreatePeriod2026(s.org.hr_token, s.org.agency_id);
  s.kabid = PersonToken(s.org.kabid, s.org.agency_id);
  s.staff1 = PersonToken(s.org.staff1, s.org.agency_id);
  s.staff2 = PersonToken(s.org.staff2, s.org.agency_id);
  s.kadis = PersonToken(s.org.kadis, s.org.agency_id);
  // The cascade: the head of the dinas (JPT, assessed by the NON-ASN mayor: HR approves), the
  // head of the bidang under it, then the staff under the bidang.
  const gv1::Plan kadis_plan = ApprovedPlan(period, s.org.kadis, s.org.agency_id, s.org.hr_token);
  const gv1::Plan kabid_plan =
      ApprovedPlan(period, s.org.kabid, s.org.agency_id, s.kadis, kadis_plan.results(0).id());
  s.plan = ApprovedPlan(period, s.org.staff1, s.org.agency_id, s.kabid, kabid_plan.results(0).id());
  s.other_plan =
      ApprovedPlan(period, s.org.staff2, s.org.agency_id, s.kabid, kabid_plan.results(0).id());
  return s;
}

std::string IndicatorOf(const gv1::Plan& plan) { return plan.results(0).indicators(0).id(); }

rv1::RecordRealisationRequest Realisation(const Scene& s, google::type::Date window_date) {
  rv1::RecordRealisationRequest r;
  r.set_plan_id(s.plan.id());
  r.set_indicator_id(IndicatorOf(s.plan));
  *r.mutable_window_date() = window_date;
  r.set_value(95);
  r.set_has_value(true);
  rv1::Evidence* e = r.add_evidence();
  e->set_name("Laporan");
  e->set_link("https://drive.example.go.id/laporan.pdf");
  return r;
}

TEST(RealisationTest, OpenWindowLateRefusedUntilReopenedAndVersionInForce) {
  const Scene s = MakeScene();
  // Q4 is open on 20 Dec.
  rv1::Realisation out;
  rv1::RecordRealisationRequest q4 = Realisation(s, Day(2026, 11, 1));
  q4.set_request_id("real-q4");
  grpc::Status st = Stub().RecordRealisation(Ctx(s.staff1).get(), q4, &out);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(out.window().start_month(), 10);
  EXPECT_EQ(out.window().end_month(), 12);
  EXPECT_EQ(out.plan_revision(), 1);
  EXPECT_FALSE(out.late());
  rv1::Realisation replay;
  st = Stub().RecordRealisation(Ctx(s.staff1).get(), q4, &replay);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(replay.etag(), out.etag());

  // Q3 closed on 5 Oct (5 grace days).
  rv1::RecordRealisationRequest q3 = Realisation(s, Day(2026, 8, 15));
  st = Stub().RecordRealisation(Ctx(s.staff1).get(), q3, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(st);
  EXPECT_EQ(ReasonOf(st), "WINDOW_CLOSED");

  // Only HR reopens; then the late entry is accepted and marked late.
  rv1::ReopenWindowRequest reopen;
  reopen.set_plan_id(s.plan.id());
  *reopen.mutable_window_date() = Day(2026, 7, 1);
  *reopen.mutable_until() = Day(2026, 12, 31);
  reopen.set_reason("Pegawai cuti sakit");
  rv1::WindowReopening reopening;
  st = Stub().ReopenWindow(Ctx(s.kabid).get(), reopen, &reopening);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  st = Stub().ReopenWindow(Ctx(s.org.hr_token).get(), reopen, &reopening);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(reopening.window().start_month(), 7);
  st = Stub().RecordRealisation(Ctx(s.staff1).get(), q3, &out);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_TRUE(out.late());

  // Re-recording updates; a stale etag is refused.
  q3.set_value(80);
  q3.set_etag(out.etag());
  rv1::Realisation updated;
  st = Stub().RecordRealisation(Ctx(s.staff1).get(), q3, &updated);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(updated.id(), out.id());
  EXPECT_EQ(updated.value(), 80);
  st = Stub().RecordRealisation(Ctx(s.staff1).get(), q3, &updated);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::ABORTED) << Describe(st);

  // An indicator that is not in the version in force in the window.
  rv1::RecordRealisationRequest foreign = Realisation(s, Day(2026, 11, 1));
  foreign.set_indicator_id(IndicatorOf(s.other_plan));
  st = Stub().RecordRealisation(Ctx(s.staff1).get(), foreign, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(st);
  EXPECT_THAT(st.error_message(), HasSubstr("indicator_id"));

  // Someone else's plan; bad evidence names the field.
  st = Stub().RecordRealisation(Ctx(s.staff2).get(), Realisation(s, Day(2026, 11, 1)), &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  EXPECT_EQ(ReasonOf(st), "NOT_PLAN_EMPLOYEE");
  rv1::RecordRealisationRequest bad_link = Realisation(s, Day(2026, 11, 1));
  bad_link.mutable_evidence(0)->set_link("ftp://x/y");
  st = Stub().RecordRealisation(Ctx(s.staff1).get(), bad_link, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(st);
  EXPECT_THAT(st.error_message(), HasSubstr("evidence[0].link"));

  // Read by the employee, the assessor of the day and HR; not by a peer.
  rv1::ListRealisationsRequest list;
  list.set_filter(absl::StrCat("plan_id = \"", s.plan.id(), "\""));
  rv1::ListRealisationsResponse listed;
  for (const std::string& token :
       std::vector<std::string>{s.staff1, s.kabid, s.org.hr_token, AuditorToken()}) {
    st = Stub().ListRealisations(Ctx(token).get(), list, &listed);
    ASSERT_TRUE(st.ok()) << Describe(st);
    EXPECT_EQ(listed.realisations_size(), 2);
  }
  list.set_filter(absl::StrCat("plan_id = \"", s.plan.id(), "\" AND window_start_month = 7"));
  st = Stub().ListRealisations(Ctx(s.staff1).get(), list, &listed);
  ASSERT_TRUE(st.ok()) << Describe(st);
  ASSERT_EQ(listed.realisations_size(), 1);
  EXPECT_EQ(listed.realisations(0).value(), 80);
  st = Stub().ListRealisations(Ctx(s.staff2).get(), list, &listed);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  list.set_filter("");
  st = Stub().ListRealisations(Ctx(s.staff1).get(), list, &listed);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(st);
}

TEST(IndicatorFeedbackTest, ByTheAssessorOfTheDayOnlyAndNotesByThePlanParties) {
  const Scene s = MakeScene();
  rv1::GiveIndicatorFeedbackRequest give;
  give.set_plan_id(s.plan.id());
  give.set_indicator_id(IndicatorOf(s.plan));
  *give.mutable_window_date() = Day(2026, 12, 1);
  give.set_text("Pertahankan, lampirkan notulen rapat");
  rv1::IndicatorFeedback fb;
  grpc::Status st = Stub().GiveIndicatorFeedback(Ctx(s.staff2).get(), give, &fb);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  EXPECT_EQ(ReasonOf(st), "NOT_ASSESSOR_OF_THE_DAY");
  st = Stub().GiveIndicatorFeedback(Ctx(s.staff1).get(), give, &fb);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  st = Stub().GiveIndicatorFeedback(Ctx(s.kabid).get(), give, &fb);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(fb.given_by().nip(), s.org.kabid.nip());
  rv1::ListIndicatorFeedbackRequest list_fb;
  list_fb.set_plan_id(s.plan.id());
  rv1::ListIndicatorFeedbackResponse listed_fb;
  st = Stub().ListIndicatorFeedback(Ctx(s.staff1).get(), list_fb, &listed_fb);
  ASSERT_TRUE(st.ok()) << Describe(st);
  ASSERT_EQ(listed_fb.feedback_size(), 1);
  EXPECT_EQ(listed_fb.feedback(0).text(), give.text());

  rv1::AddFeedbackNoteRequest note;
  note.set_plan_id(s.plan.id());
  note.set_text("Progres bulan ini baik");
  rv1::FeedbackNote added;
  st = Stub().AddFeedbackNote(Ctx(s.kabid).get(), note, &added);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(added.author().nip(), s.org.kabid.nip());
  note.set_text("Terima kasih");
  st = Stub().AddFeedbackNote(Ctx(s.staff1).get(), note, &added);
  ASSERT_TRUE(st.ok()) << Describe(st);
  st = Stub().AddFeedbackNote(Ctx(s.staff2).get(), note, &added);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  EXPECT_EQ(ReasonOf(st), "NOT_PLAN_PARTY");
  rv1::ListFeedbackNotesRequest list;
  list.set_plan_id(s.plan.id());
  list.set_page_size(1);
  rv1::ListFeedbackNotesResponse page;
  st = Stub().ListFeedbackNotes(Ctx(s.staff1).get(), list, &page);
  ASSERT_TRUE(st.ok()) << Describe(st);
  ASSERT_EQ(page.notes_size(), 1);
  EXPECT_EQ(page.notes(0).text(), "Progres bulan ini baik");
  list.set_page_token(page.next_page_token());
  st = Stub().ListFeedbackNotes(Ctx(s.staff1).get(), list, &page);
  ASSERT_TRUE(st.ok()) << Describe(st);
  ASSERT_EQ(page.notes_size(), 1);
  EXPECT_EQ(page.notes(0).text(), "Terima kasih");
}

rv1::AnswerFeedbackRoundRequest AnswerOf(const std::string& round_id, rv1::Level level,
                                         const std::string& comment) {
  rv1::AnswerFeedbackRoundRequest a;
  a.set_round_id(round_id);
  rv1::ValueAnswer* v = a.add_answers();
  v->set_value(rv1::CORE_VALUE_COLLABORATIVE);
  v->set_level(level);
  a.set_comment(comment);
  return a;
}

TEST(FeedbackRoundTest, WithheldBelowThreeAnswersReleasedAtThree) {
  const Scene s = MakeScene();
  const ev1::Employee staff3 = CreateEmployee(s.org.hr_token, s.org.staff_position.id(), "Rina");
  const ev1::Employee staff4 = CreateEmployee(s.org.hr_token, s.org.staff_position.id(), "Sari");
  const std::string staff3_token = PersonToken(staff3, s.org.agency_id);
  const std::string staff4_token = PersonToken(staff4, s.org.agency_id);

  rv1::OpenFeedbackRoundRequest open;
  open.set_employee_id(s.org.staff1.id());
  open.set_plan_id(s.plan.id());
  *open.mutable_close_date() = Day(2026, 12, 31);
  rv1::FeedbackRound round;
  grpc::Status st = Stub().OpenFeedbackRound(Ctx(s.staff2).get(), open, &round);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  st = Stub().OpenFeedbackRound(Ctx(s.kabid).get(), open, &round);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(round.raters_invited(), 3);  // staff2, staff3, staff4: the peers of the day

  rv1::FeedbackRound after;
  st = Stub().AnswerFeedbackRound(Ctx(s.staff2).get(),
                                  AnswerOf(round.id(), rv1::LEVEL_ABOVE, "Suka membantu"), &after);
  ASSERT_TRUE(st.ok()) << Describe(st);
  st = Stub().AnswerFeedbackRound(Ctx(staff3_token).get(),
                                  AnswerOf(round.id(), rv1::LEVEL_AS_EXPECTED, "Cukup"), &after);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(after.raters_answered(), 2);

  // Twice, by the rated employee, by someone not invited: refused.
  st = Stub().AnswerFeedbackRound(Ctx(s.staff2).get(),
                                  AnswerOf(round.id(), rv1::LEVEL_BELOW, "lagi"), &after);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(st);
  EXPECT_EQ(ReasonOf(st), "ANSWER_EXISTS");
  st = Stub().AnswerFeedbackRound(Ctx(s.staff1).get(), AnswerOf(round.id(), rv1::LEVEL_ABOVE, ""),
                                  &after);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  EXPECT_EQ(ReasonOf(st), "SELF_RATING");
  st = Stub().AnswerFeedbackRound(Ctx(s.kadis).get(), AnswerOf(round.id(), rv1::LEVEL_ABOVE, ""),
                                  &after);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  EXPECT_EQ(ReasonOf(st), "NOT_ELIGIBLE_RATER");

  rv1::GetFeedbackSummaryRequest get;
  get.set_round_id(round.id());
  rv1::FeedbackSummary summary;
  st = Stub().GetFeedbackSummary(Ctx(s.staff1).get(), get, &summary);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_FALSE(summary.released());
  EXPECT_EQ(summary.threshold(), 3);
  EXPECT_EQ(summary.values_size(), 0);
  EXPECT_EQ(summary.comments_size(), 0);

  st = Stub().AnswerFeedbackRound(Ctx(staff4_token).get(),
                                  AnswerOf(round.id(), rv1::LEVEL_ABOVE, "Aktif"), &after);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(after.raters_answered(), 3);
  for (const std::string& token : std::vector<std::string>{s.staff1, s.kabid, s.org.hr_token}) {
    st = Stub().GetFeedbackSummary(Ctx(token).get(), get, &summary);
    ASSERT_TRUE(st.ok()) << Describe(st);
    EXPECT_TRUE(summary.released());
    ASSERT_EQ(summary.values_size(), 1);
    EXPECT_EQ(summary.values(0).value(), rv1::CORE_VALUE_COLLABORATIVE);
    EXPECT_EQ(summary.values(0).above(), 2);
    EXPECT_EQ(summary.values(0).as_expected(), 1);
    EXPECT_EQ(summary.values(0).below(), 0);
    EXPECT_THAT(summary.comments(), ElementsAre("Aktif", "Cukup", "Suka membantu"));
  }
  // A peer (a rater) does not read the summary.
  st = Stub().GetFeedbackSummary(Ctx(s.staff2).get(), get, &summary);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);

  rv1::CloseFeedbackRoundRequest close;
  close.set_round_id(round.id());
  st = Stub().CloseFeedbackRound(Ctx(s.kabid).get(), close, &after);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(after.state(), rv1::ROUND_STATE_CLOSED);
  st = Stub().CloseFeedbackRound(Ctx(s.kabid).get(), close, &after);
  EXPECT_EQ(ReasonOf(st), "ROUND_CLOSED");
}

// Streams `csv` after the header in chunks of `chunk` bytes.
grpc::Status Import(const std::string& token, const std::string& agency_id, bool dry_run,
                    const std::string& csv, size_t chunk, rv1::ImportSurveyResultsSummary* out) {
  auto ctx = Ctx(token);
  std::unique_ptr<grpc::ClientWriter<rv1::ImportSurveyResultsRequest>> writer =
      Stub().ImportSurveyResults(ctx.get(), out);
  rv1::ImportSurveyResultsRequest header;
  header.mutable_header()->set_agency_id(agency_id);
  header.mutable_header()->set_dry_run(dry_run);
  writer->Write(header);
  for (size_t at = 0; at < csv.size(); at += chunk) {
    rv1::ImportSurveyResultsRequest data;
    data.set_data(csv.substr(at, chunk));
    if (!writer->Write(data)) break;
  }
  writer->WritesDone();
  return writer->Finish();
}

TEST(SurveyImportTest, BadLinesReportedNothingWrittenDryRunThenSplitAnywhere) {
  const Scene s = MakeScene();
  const std::string head = "unit_id,survey_id,period_start,period_end,ikm,respondents\r\n";
  const std::string good =
      absl::StrCat(head, s.org.dinas.id(), ",IKM-DIK,2026-01-01,2026-06-30,88.31,120\n",
                   s.org.bidang.id(), ",\"IKM-DIK\",2026-01-01,2026-06-30,76.5,40\n");
  const std::string bad =
      absl::StrCat(good, s.org.bidang.id(), ",IKM-DIK,2026-07-01,2026-12-31,120,40\n",
                   "no-such-unit,IKM-DIK,2026-01-01,2026-06-30,70,10\n");
  rv1::ImportSurveyResultsSummary summary;
  grpc::Status st = Import(s.org.hr_token, s.org.agency_id, false, bad, 1000, &summary);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(summary.received(), 4);
  EXPECT_EQ(summary.failed(), 2);
  EXPECT_EQ(summary.created(), 0);
  ASSERT_EQ(summary.errors_size(), 2);
  EXPECT_EQ(summary.errors(0).line(), 4);
  EXPECT_EQ(summary.errors(0).field(), "ikm");
  EXPECT_EQ(summary.errors(1).line(), 5);
  EXPECT_EQ(summary.errors(1).field(), "unit_id");

  rv1::ListSurveyResultsRequest list;
  list.set_filter(absl::StrCat("agency_id = \"", s.org.agency_id, "\""));
  rv1::ListSurveyResultsResponse listed;
  st = Stub().ListSurveyResults(Ctx(s.org.hr_token).get(), list, &listed);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(listed.results_size(), 0);

  st = Import(s.org.hr_token, s.org.agency_id, true, good, 1000, &summary);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_TRUE(summary.dry_run());
  EXPECT_EQ(summary.created(), 2);
  st = Stub().ListSurveyResults(Ctx(s.org.hr_token).get(), list, &listed);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(listed.results_size(), 0);

  // Split at odd offsets (inside fields, quotes and the CRLF).
  for (size_t chunk : {size_t{1}, size_t{7}, size_t{13}}) {
    st = Import(s.org.hr_token, s.org.agency_id, false, good, chunk, &summary);
    ASSERT_TRUE(st.ok()) << Describe(st);
    EXPECT_EQ(summary.failed(), 0) << chunk;
    EXPECT_EQ(summary.created() + summary.updated(), 2) << chunk;
  }
  EXPECT_EQ(summary.updated(), 2);  // re-imports update
  list.set_filter("survey_id = \"IKM-DIK\"");
  st = Stub().ListSurveyResults(
      Ctx(s.staff1).get(),
      [&] {
        rv1::ListSurveyResultsRequest r = list;
        r.set_filter(absl::StrCat(list.filter(), " AND agency_id = \"", s.org.agency_id, "\""));
        return r;
      }(),
      &listed);
  ASSERT_TRUE(st.ok()) << Describe(st);
  ASSERT_EQ(listed.results_size(), 2);
  for (const rv1::SurveyResult& r : listed.results()) {
    EXPECT_TRUE(r.ikm() == 88.31 || r.ikm() == 76.5) << r.ikm();
  }

  // Only HR of the agency imports.
  st = Import(s.staff1, s.org.agency_id, false, good, 1000, &summary);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
}

}  // namespace
}  // namespace kinerja::review::testing
