// ReviewService through a real gRPC channel against a real PostgreSQL, with the real employee
// and goals services beside it: plans approved in the goals service are rated and finalised by
// the assessor of the day the employee service resolves, organisation predicates by the leader
// one level up (HR for a NON-ASN head), the distribution check (BLOCK / WARN + justification),
// objections decided by the assessor's superior, the SIASN export bodies field by field, and
// per-value behaviour ratings read back and streamed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"
#include "services/review/tests/review_fixture.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::testing {
namespace {

using employee::testing::AuditorToken;
using employee::testing::BadRequestOf;
using employee::testing::BuildOrg;
using employee::testing::HrAdminToken;
using employee::testing::Org;
using employee::testing::ServiceToken;
using employee::testing::UniqueId;
using ::testing::HasSubstr;

rv1::ReviewService::Stub& Stub() { return ReviewEnv::Get().stub(); }

std::string Token(const ev1::Employee& who, const Org& org) {
  return PersonToken(who, org.agency_id);
}

google::type::Date Day(int y, int m, int d) { return rpc::DayToProto(absl::CivilDay(y, m, d)); }

std::vector<std::string> FieldsOf(const grpc::Status& status) {
  const google::rpc::BadRequest details = BadRequestOf(status);
  std::vector<std::string> fields;
  for (const auto& v : details.field_violations()) fields.push_back(v.field());
  return fields;
}

// An employee with a SIASN person id, created through the employee service.
ev1::Employee CreateWithSiasn(const Org& org, const std::string& position_id,
                              const std::string& name) {
  ev1::CreateEmployeeRequest request;
  *request.mutable_employee() = employee::testing::NewEmployee(position_id, name);
  request.mutable_employee()->set_siasn_id(UniqueId("siasn"));
  ev1::Employee out;
  grpc::Status s =
      ReviewEnv::Get().employees().CreateEmployee(Ctx(org.hr_token).get(), request, &out);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return out;
}

// BuildOrg's agency with a 2026 period and approved plans down the line: the head of the dinas
// (approved by HR for the NON-ASN mayor), the head of the bidang, and the staff named.
struct World {
  Org org;
  gv1::Period period;
  gv1::Plan kadis, kabid;
};

World MakeWorld(gv1::Cadence cadence = gv1::CADENCE_QUARTERLY) {
  World w;
  w.org = BuildOrg();
  w.period = goals::testing::CreatePeriod2026(w.org.hr_token, w.org.agency_id, cadence);
  w.kadis = goals::testing::ApprovedPlan(w.period, w.org.kadis, w.org.agency_id, w.org.hr_token);
  w.kabid = goals::testing::ApprovedPlan(w.period, w.org.kabid, w.org.agency_id,
                                         Token(w.org.kadis, w.org), w.kadis.results(0).id());
  return w;
}

gv1::Plan StaffPlan(const World& w, const ev1::Employee& who) {
  return goals::testing::ApprovedPlan(w.period, who, w.org.agency_id, Token(w.org.kabid, w.org),
                                      w.kabid.results(0).id());
}

grpc::Status SetOrgPredicate(const std::string& token, const std::string& unit_id,
                             const gv1::Period& period, rv1::OrgPredicate predicate,
                             rv1::OrgPredicateDecision* out) {
  rv1::SetOrgPredicateRequest request;
  request.set_unit_id(unit_id);
  request.set_period_id(period.id());
  request.set_predicate(predicate);
  request.set_note("Capaian unit");
  return Stub().SetOrgPredicate(Ctx(token).get(), request, out);
}

grpc::Status Rate(const std::string& token, const gv1::Plan& plan, rv1::Rating results,
                  rv1::Rating behaviour, rv1::Assessment* out,
                  rv1::AssessmentKind kind = rv1::ASSESSMENT_KIND_ANNUAL,
                  google::type::Date window_date = {}, const std::string& request_id = "") {
  rv1::RateAssessmentRequest request;
  request.set_plan_id(plan.id());
  request.set_kind(kind);
  if (rpc::IsSet(window_date)) *request.mutable_window_date() = window_date;
  request.set_results_rating(results);
  request.set_behaviour_rating(behaviour);
  request.set_results_note("Target tercapai");
  request.set_request_id(request_id);
  return Stub().RateAssessment(Ctx(token).get(), request, out);
}

grpc::Status Finalise(const std::string& token, const std::string& id, rv1::Assessment* out,
                      const std::string& justification = "") {
  rv1::FinaliseAssessmentRequest request;
  request.set_id(id);
  request.set_distribution_justification(justification);
  return Stub().FinaliseAssessment(Ctx(token).get(), request, out);
}

grpc::Status File(const std::string& token, const std::string& assessment_id, rv1::Objection* out) {
  rv1::FileObjectionRequest request;
  request.set_assessment_id(assessment_id);
  request.set_explanation("Capaian saya di atas target, bukti terlampir");
  return Stub().FileObjection(Ctx(token).get(), request, out);
}

std::vector<rv1::ExportRecord> Export(const std::string& token, const World& w, bool all,
                                      grpc::Status* status) {
  rv1::ExportAssessmentsRequest request;
  request.set_agency_id(w.org.agency_id);
  request.set_period_id(w.period.id());
  request.set_all(all);
  std::unique_ptr<grpc::ClientContext> ctx = Ctx(token);
  std::unique_ptr<grpc::ClientReader<rv1::ExportRecord>> reader =
      Stub().ExportAssessments(ctx.get(), request);
  std::vector<rv1::ExportRecord> out;
  rv1::ExportRecord record;
  while (reader->Read(&record)) out.push_back(record);
  *status = reader->Finish();
  return out;
}

const rv1::ExportRecord* RecordFor(const std::vector<rv1::ExportRecord>& records,
                                   const std::string& assessment_id) {
  for (const rv1::ExportRecord& r : records) {
    if (r.assessment_id() == assessment_id) return &r;
  }
  return nullptr;
}

// From plan approval in the goals service to finalised annual predicates, a periodic one, the
// distribution warning with its justification, functional credit points, an objection that
// changes a predicate, and the SIASN bodies streamed as NEW then CHANGED.
TEST(ReviewFlowTest, PlanApprovalToFinalisedPredicateObjectionAndSiasnExport) {
  World w = MakeWorld();
  const Org& org = w.org;
  // A functional analyst (Ahli Muda) and a clerk in the bidang, both with SIASN ids.
  ev1::CreatePositionRequest position;
  position.mutable_position()->set_unit_id(org.bidang.id());
  position.mutable_position()->set_name("Analis Kebijakan Ahli Muda");
  position.mutable_position()->set_type(ev1::POSITION_TYPE_FUNGSIONAL);
  position.mutable_position()->set_functional_level(ev1::FUNCTIONAL_LEVEL_AHLI_MUDA);
  ev1::Position analyst_position;
  grpc::Status s = ReviewEnv::Get().employees().CreatePosition(Ctx(org.hr_token).get(), position,
                                                               &analyst_position);
  ASSERT_TRUE(s.ok()) << Describe(s);
  const ev1::Employee analyst = CreateWithSiasn(org, analyst_position.id(), "Analis Muda");
  const ev1::Employee clerk = CreateWithSiasn(org, org.staff_position.id(), "Pengolah Data");
  const gv1::Plan analyst_plan = StaffPlan(w, analyst);
  const gv1::Plan clerk_plan = StaffPlan(w, clerk);
  ASSERT_EQ(analyst_plan.state(), gv1::PLAN_STATE_APPROVED);

  rv1::UpdateReviewPolicyRequest policy;
  policy.mutable_policy()->set_agency_id(org.agency_id);
  policy.mutable_policy()->set_koefisien_id("KOEF-1");
  policy.mutable_update_mask()->add_paths("koefisien_id");
  rv1::ReviewPolicy stored_policy;
  s = Stub().UpdateReviewPolicy(Ctx(org.hr_token).get(), policy, &stored_policy);
  ASSERT_TRUE(s.ok()) << Describe(s);

  // The head of the dinas sets the bidang's predicate (leader one level up).
  rv1::OrgPredicateDecision decision;
  s = SetOrgPredicate(Token(org.kadis, org), org.bidang.id(), w.period, rv1::ORG_PREDICATE_BAIK,
                      &decision);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(decision.decided_by().nip(), org.kadis.nip());
  EXPECT_EQ(decision.capacity(), rv1::CAPACITY_DEFINITIVE);
  EXPECT_EQ(decision.agency_id(), org.agency_id);

  // The head of the bidang rates the analyst; the predicate is derived (Sangat Baik).
  const std::string kabid = Token(org.kabid, org);
  rv1::Assessment analyst_annual;
  s = Rate(kabid, analyst_plan, rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION,
           &analyst_annual, rv1::ASSESSMENT_KIND_ANNUAL, {}, "rate-analyst");
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(analyst_annual.state(), rv1::ASSESSMENT_STATE_DRAFT);
  EXPECT_EQ(analyst_annual.predicate(), rv1::PREDICATE_SANGAT_BAIK);
  EXPECT_EQ(analyst_annual.assessor().nip(), org.kabid.nip());
  EXPECT_EQ(analyst_annual.employee_siasn_id(), analyst.siasn_id());
  EXPECT_EQ(analyst_annual.position_type(), "FUNGSIONAL");
  EXPECT_EQ(analyst_annual.window().start_month(), 1);
  EXPECT_EQ(analyst_annual.window().end_month(), 12);
  EXPECT_EQ(analyst_annual.plan_revision(), 1);
  rv1::Assessment replay;
  s = Rate(kabid, analyst_plan, rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION,
           &replay, rv1::ASSESSMENT_KIND_ANNUAL, {}, "rate-analyst");
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(replay.etag(), analyst_annual.etag());

  rv1::Assessment finalised;
  s = Finalise(kabid, analyst_annual.id(), &finalised);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(finalised.state(), rv1::ASSESSMENT_STATE_FINALISED);
  EXPECT_EQ(finalised.delivered_date().year(), 2026);
  EXPECT_EQ(finalised.delivered_date().month(), 12);
  EXPECT_EQ(finalised.delivered_date().day(), 20);
  EXPECT_DOUBLE_EQ(finalised.credit_points(), 37.5);  // Ahli Muda 25 x 150 % x 12/12

  // The clerk as expected (Baik): the last of two staff, and a Baik unit needs at least one
  // Butuh Perbaikan or Kurang: under the default WARN policy a justification is required.
  rv1::Assessment clerk_annual;
  s = Rate(kabid, clerk_plan, rv1::RATING_AS_EXPECTED, rv1::RATING_AS_EXPECTED, &clerk_annual);
  ASSERT_TRUE(s.ok()) << Describe(s);
  rv1::Assessment clerk_final;
  s = Finalise(kabid, clerk_annual.id(), &clerk_final);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "JUSTIFICATION_REQUIRED");
  s = Finalise(kabid, clerk_annual.id(), &clerk_final, "Seluruh staf mencapai target");
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(clerk_final.distribution_justification(), "Seluruh staf mencapai target");
  ASSERT_EQ(clerk_final.distribution_findings_size(), 1);
  EXPECT_THAT(clerk_final.distribution_findings(0),
              HasSubstr("BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1"));
  EXPECT_EQ(clerk_final.credit_points(), 0.0);  // not a functional position

  // A periodic assessment of the second quarter (the period is quarterly).
  rv1::Assessment q2;
  s = Rate(kabid, analyst_plan, rv1::RATING_AS_EXPECTED, rv1::RATING_AS_EXPECTED, &q2,
           rv1::ASSESSMENT_KIND_PERIODIC, Day(2026, 5, 10));
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(q2.window().index(), 2);
  EXPECT_EQ(q2.window().start_month(), 4);
  EXPECT_EQ(q2.window().end_month(), 6);
  EXPECT_EQ(q2.periodik_id(), 2);
  s = Finalise(kabid, q2.id(), &q2);
  ASSERT_TRUE(s.ok()) << Describe(s);

  // The export streams the three bodies, NEW, with SIASN's field names.
  grpc::Status export_status;
  std::vector<rv1::ExportRecord> records = Export(org.hr_token, w, false, &export_status);
  ASSERT_TRUE(export_status.ok()) << Describe(export_status);
  ASSERT_EQ(records.size(), 3u);
  const rv1::ExportRecord* annual = RecordFor(records, finalised.id());
  ASSERT_NE(annual, nullptr);
  EXPECT_EQ(annual->endpoint(), "skp22/save");
  EXPECT_EQ(annual->reason(), "NEW");
  nlohmann::json body = nlohmann::json::parse(annual->body_json());
  EXPECT_EQ(body.size(), 11u);
  EXPECT_EQ(body["hasilKinerjaNilai"], 1);
  EXPECT_EQ(body["perilakuKerjaNilai"], 1);
  EXPECT_EQ(body["kuadranKinerjaNilai"], 1);
  EXPECT_EQ(body["pnsDinilaiOrang"], analyst.siasn_id());
  EXPECT_EQ(body["tahun"], 2026);
  EXPECT_EQ(body["penilaiNama"], org.kabid.name());
  EXPECT_EQ(body["penilaiNipNrp"], org.kabid.nip());
  EXPECT_EQ(body["penilaiGolongan"], "31");
  EXPECT_EQ(body["penilaiJabatan"], org.kabid_position.name());
  EXPECT_EQ(body["penilaiUnorNama"], org.bidang.name());
  EXPECT_EQ(body["statusPenilai"], "ASN");
  const rv1::ExportRecord* periodic = RecordFor(records, q2.id());
  ASSERT_NE(periodic, nullptr);
  EXPECT_EQ(periodic->endpoint(), "kinerjaperiodik/save");
  nlohmann::json pbody = nlohmann::json::parse(periodic->body_json());
  EXPECT_EQ(pbody["kuadranKinerjaNilai"], 2);
  EXPECT_EQ(pbody["bulanMulaiPenilaian"], 4);
  EXPECT_EQ(pbody["bulanSelesaiPenilaian"], 6);
  EXPECT_EQ(pbody["tahunMulaiPenilaian"], 2026);
  EXPECT_EQ(pbody["tahunSelesaiPenilaian"], 2026);
  EXPECT_EQ(pbody["periodikId"], 2);
  EXPECT_EQ(pbody["koefisienId"], "KOEF-1");
  EXPECT_EQ(pbody["pnsDinilaiId"], analyst.siasn_id());
  EXPECT_EQ(pbody["pnsDinilaiOrang"], analyst.siasn_id());
  // Nothing new since.
  records = Export(org.hr_token, w, false, &export_status);
  ASSERT_TRUE(export_status.ok()) << Describe(export_status);
  EXPECT_TRUE(records.empty());
  // The analyst may not export, another agency's HR neither.
  records = Export(Token(analyst, org), w, false, &export_status);
  EXPECT_EQ(export_status.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // The analyst objects; the head of the bidang explains; the head of the dinas (the assessor's
  // superior of the day) decides: results as expected, behaviour above: Baik.
  rv1::Objection objection;
  s = File(Token(analyst, org), finalised.id(), &objection);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(objection.state(), rv1::OBJECTION_STATE_FILED);
  EXPECT_EQ(objection.deadline().day(), 3);  // 20 Dec + 14 calendar days = 3 Jan
  EXPECT_EQ(objection.deadline().year(), 2027);
  rv1::ExplainObjectionRequest explain;
  explain.set_id(objection.id());
  explain.set_explanation("Perilaku sangat baik, hasil sesuai target");
  s = Stub().ExplainObjection(Ctx(kabid).get(), explain, &objection);
  ASSERT_TRUE(s.ok()) << Describe(s);
  rv1::DecideObjectionRequest decide;
  decide.set_id(objection.id());
  decide.set_results_rating(rv1::RATING_AS_EXPECTED);
  decide.set_behaviour_rating(rv1::RATING_ABOVE_EXPECTATION);
  decide.set_note("Hasil kerja sesuai ekspektasi");
  s = Stub().DecideObjection(Ctx(kabid).get(), decide, &objection);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "NOT_ASSESSOR_SUPERIOR");
  s = Stub().DecideObjection(Ctx(Token(org.kadis, org)).get(), decide, &objection);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(objection.state(), rv1::OBJECTION_STATE_DECIDED);
  EXPECT_EQ(objection.predicate_before(), rv1::PREDICATE_SANGAT_BAIK);
  EXPECT_EQ(objection.predicate_after(), rv1::PREDICATE_BAIK);
  EXPECT_EQ(objection.decided_by().nip(), org.kadis.nip());
  EXPECT_TRUE(objection.changed());
  s = Stub().DecideObjection(Ctx(Token(org.kadis, org)).get(), decide, &objection);
  EXPECT_EQ(ReasonOf(s), "OBJECTION_DECIDED");

  rv1::GetAssessmentRequest get;
  get.set_id(finalised.id());
  rv1::Assessment after;
  s = Stub().GetAssessment(Ctx(Token(analyst, org)).get(), get, &after);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(after.predicate(), rv1::PREDICATE_BAIK);
  EXPECT_EQ(after.state(), rv1::ASSESSMENT_STATE_FINALISED);
  EXPECT_EQ(after.objection_id(), objection.id());
  EXPECT_DOUBLE_EQ(after.credit_points(), 25.0);  // Baik = 100 %
  EXPECT_NE(after.etag(), finalised.etag());
  // The clerk may not read the analyst's assessment.
  s = Stub().GetAssessment(Ctx(Token(clerk, org)).get(), get, &after);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // Only the changed one is exported again, as decided.
  records = Export(org.hr_token, w, false, &export_status);
  ASSERT_TRUE(export_status.ok()) << Describe(export_status);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].assessment_id(), finalised.id());
  EXPECT_EQ(records[0].reason(), "CHANGED");
  body = nlohmann::json::parse(records[0].body_json());
  EXPECT_EQ(body["hasilKinerjaNilai"], 2);
  EXPECT_EQ(body["perilakuKerjaNilai"], 1);
  EXPECT_EQ(body["kuadranKinerjaNilai"], 2);
  records = Export(ServiceToken(), w, true, &export_status);
  ASSERT_TRUE(export_status.ok()) << Describe(export_status);
  EXPECT_EQ(records.size(), 3u);

  // Lists: HR sees the agency's, the analyst only their own.
  rv1::ListAssessmentsRequest list;
  list.set_filter(absl::StrCat("agency_id = \"", org.agency_id, "\" AND state = FINALISED"));
  rv1::ListAssessmentsResponse listed;
  s = Stub().ListAssessments(Ctx(org.hr_token).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(listed.assessments_size(), 3);
  list.set_filter(absl::StrCat("employee_nip = \"", analyst.nip(), "\" AND kind = ANNUAL"));
  s = Stub().ListAssessments(Ctx(Token(analyst, org)).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_EQ(listed.assessments_size(), 1);
  EXPECT_EQ(listed.assessments(0).id(), finalised.id());
  list.set_filter("");
  s = Stub().ListAssessments(Ctx(Token(analyst, org)).get(), list, &listed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  rv1::ListObjectionsRequest list_objections;
  list_objections.set_filter(absl::StrCat("agency_id = \"", org.agency_id, "\""));
  rv1::ListObjectionsResponse objections;
  s = Stub().ListObjections(Ctx(AuditorToken()).get(), list_objections, &objections);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_EQ(objections.objections_size(), 1);
  rv1::GetObjectionRequest get_objection;
  get_objection.set_id(objection.id());
  rv1::Objection got;
  s = Stub().GetObjection(Ctx(Token(analyst, org)).get(), get_objection, &got);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(got.decision_note(), "Hasil kerja sesuai ekspektasi");
}

TEST(ReviewRefusalTest, AssessorOfTheDayOrgPredicateDistributionAndFinalisedImmutability) {
  World w = MakeWorld();
  const Org& org = w.org;
  const gv1::Plan plan1 = StaffPlan(w, org.staff1);
  const gv1::Plan plan2 = StaffPlan(w, org.staff2);
  const std::string kabid = Token(org.kabid, org);

  // Bad input names the field.
  rv1::Assessment a1;
  grpc::Status s = Rate(kabid, plan1, rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION,
                        &a1, rv1::ASSESSMENT_KIND_UNSPECIFIED);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(s), ::testing::Contains("kind"));
  s = Rate(kabid, plan1, rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION, &a1,
           rv1::ASSESSMENT_KIND_PERIODIC);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(s), ::testing::Contains("window_date"));
  s = Rate(kabid, plan1, rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_UNSPECIFIED, &a1);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(s), ::testing::Contains("behaviour_rating"));

  // Only the assessor of the day rates: not a peer, not the head above, not oneself.
  s = Rate(Token(org.staff2, org), plan1, rv1::RATING_ABOVE_EXPECTATION,
           rv1::RATING_ABOVE_EXPECTATION, &a1);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "NOT_ASSESSOR_OF_THE_DAY");
  s = Rate(Token(org.kadis, org), plan1, rv1::RATING_ABOVE_EXPECTATION,
           rv1::RATING_ABOVE_EXPECTATION, &a1);
  EXPECT_EQ(ReasonOf(s), "NOT_ASSESSOR_OF_THE_DAY");
  s = Rate(Token(org.staff1, org), plan1, rv1::RATING_ABOVE_EXPECTATION,
           rv1::RATING_ABOVE_EXPECTATION, &a1);
  EXPECT_EQ(ReasonOf(s), "OWN_ASSESSMENT");

  // The organisation predicate comes first: finalising without it, and rating a unit head.
  s = Rate(kabid, plan1, rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION, &a1);
  ASSERT_TRUE(s.ok()) << Describe(s);
  rv1::Assessment out;
  s = Finalise(kabid, a1.id(), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "ORG_PREDICATE_MISSING");
  rv1::Assessment head;
  s = Rate(Token(org.kadis, org), w.kabid, rv1::RATING_UNSPECIFIED, rv1::RATING_AS_EXPECTED, &head);
  EXPECT_EQ(ReasonOf(s), "ORG_PREDICATE_MISSING");

  // Under a BLOCK policy and an Istimewa unit, a second Sangat Baik of two (100 % > 70 %) is
  // refused; Baik passes.
  rv1::UpdateReviewPolicyRequest policy;
  policy.mutable_policy()->set_agency_id(org.agency_id);
  policy.mutable_policy()->set_distribution_block(true);
  policy.mutable_update_mask()->add_paths("distribution_block");
  rv1::ReviewPolicy stored;
  s = Stub().UpdateReviewPolicy(Ctx(org.hr_token).get(), policy, &stored);
  ASSERT_TRUE(s.ok()) << Describe(s);
  rv1::OrgPredicateDecision decision;
  s = SetOrgPredicate(Token(org.kadis, org), org.bidang.id(), w.period, rv1::ORG_PREDICATE_ISTIMEWA,
                      &decision);
  ASSERT_TRUE(s.ok()) << Describe(s);
  s = Finalise(kabid, a1.id(), &a1);
  ASSERT_TRUE(s.ok()) << Describe(s);
  rv1::Assessment a2;
  s = Rate(kabid, plan2, rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION, &a2);
  ASSERT_TRUE(s.ok()) << Describe(s);
  s = Finalise(kabid, a2.id(), &out, "alasan");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "DISTRIBUTION_BLOCKED");
  s = Rate(kabid, plan2, rv1::RATING_AS_EXPECTED, rv1::RATING_AS_EXPECTED, &a2);
  ASSERT_TRUE(s.ok()) << Describe(s);
  s = Finalise(kabid, a2.id(), &a2);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(a2.predicate(), rv1::PREDICATE_BAIK);

  // The unit head's results follow the Istimewa unit (above); only behaviour is the assessor's.
  s = Rate(Token(org.kadis, org), w.kabid, rv1::RATING_UNSPECIFIED, rv1::RATING_AS_EXPECTED, &head);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_TRUE(head.unit_head());
  EXPECT_EQ(head.results_rating(), rv1::RATING_ABOVE_EXPECTATION);
  EXPECT_EQ(head.predicate(), rv1::PREDICATE_BAIK);

  // Once staff are final, the predicate is locked; a finalised assessment never changes.
  s = SetOrgPredicate(Token(org.kadis, org), org.bidang.id(), w.period, rv1::ORG_PREDICATE_KURANG,
                      &decision);
  EXPECT_EQ(ReasonOf(s), "ORG_PREDICATE_LOCKED");
  s = Rate(kabid, plan1, rv1::RATING_BELOW_EXPECTATION, rv1::RATING_BELOW_EXPECTATION, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "ASSESSMENT_FINALISED");
  s = Finalise(kabid, a1.id(), &out);
  EXPECT_EQ(ReasonOf(s), "ASSESSMENT_FINALISED");

  // Objections: not one's own, once, within the window; decided only with both sides heard.
  rv1::Objection objection;
  s = File(Token(org.staff2, org), a1.id(), &objection);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "NOT_OWN_ASSESSMENT");
  s = File(Token(org.staff1, org), a1.id(), &objection);
  ASSERT_TRUE(s.ok()) << Describe(s);
  s = File(Token(org.staff1, org), a1.id(), &objection);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "OBJECTION_EXISTS");
  rv1::DecideObjectionRequest decide;
  decide.set_id(objection.id());
  decide.set_results_rating(rv1::RATING_ABOVE_EXPECTATION);
  decide.set_behaviour_rating(rv1::RATING_ABOVE_EXPECTATION);
  decide.set_note("tetap");
  s = Stub().DecideObjection(Ctx(Token(org.kadis, org)).get(), decide, &objection);
  EXPECT_EQ(ReasonOf(s), "EXPLANATIONS_MISSING");
  // Fifteen days after delivery (20 Dec): the 14-day window is closed.
  SetReviewNow(
      absl::FromCivil(absl::CivilSecond(2027, 1, 4, 9, 0, 0), absl::FixedTimeZone(7 * 3600)));
  rv1::Objection late;
  s = File(Token(org.staff2, org), a2.id(), &late);
  ResetReviewNow();
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "OBJECTION_WINDOW_CLOSED");
}

TEST(ReviewOrgPredicateTest, NonAsnHeadsPredicatesAreRecordedByHr) {
  World w = MakeWorld();
  const Org& org = w.org;
  // The dinas's leader one level up is the NON-ASN mayor: HR of the agency records it.
  rv1::OrgPredicateDecision decision;
  grpc::Status s =
      SetOrgPredicate(org.hr_token, org.dinas.id(), w.period, rv1::ORG_PREDICATE_BAIK, &decision);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(decision.capacity(), rv1::CAPACITY_HR_FOR_NON_ASN);
  EXPECT_TRUE(decision.decided_by().non_asn());
  EXPECT_EQ(decision.decided_by().nip(), "");
  EXPECT_NE(decision.recorded_by(), "");
  // The root unit: the regional head who leads it; HR records it too.
  s = SetOrgPredicate(org.hr_token, org.root.id(), w.period, rv1::ORG_PREDICATE_ISTIMEWA,
                      &decision);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(decision.capacity(), rv1::CAPACITY_HR_FOR_NON_ASN);
  // Not the dinas's own head, not staff, not another agency's HR.
  s = SetOrgPredicate(Token(org.kadis, org), org.dinas.id(), w.period, rv1::ORG_PREDICATE_BAIK,
                      &decision);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  s = SetOrgPredicate(Token(org.staff1, org), org.bidang.id(), w.period, rv1::ORG_PREDICATE_BAIK,
                      &decision);
  EXPECT_EQ(ReasonOf(s), "NOT_PARENT_UNIT_LEADER");
  s = SetOrgPredicate(HrAdminToken("elsewhere"), org.dinas.id(), w.period, rv1::ORG_PREDICATE_BAIK,
                      &decision);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  s = SetOrgPredicate(org.hr_token, org.dinas.id(), w.period, rv1::ORG_PREDICATE_UNSPECIFIED,
                      &decision);
  EXPECT_THAT(FieldsOf(s), ::testing::Contains("predicate"));

  // The head of the dinas (a unit head assessed by the NON-ASN mayor): HR records the rating;
  // the results follow the dinas's Baik.
  rv1::Assessment head;
  s = Rate(org.hr_token, w.kadis, rv1::RATING_UNSPECIFIED, rv1::RATING_ABOVE_EXPECTATION, &head);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(head.assessor_capacity(), rv1::CAPACITY_HR_FOR_NON_ASN);
  EXPECT_TRUE(head.assessor().non_asn());
  EXPECT_EQ(head.results_rating(), rv1::RATING_AS_EXPECTED);
  EXPECT_EQ(head.predicate(), rv1::PREDICATE_BAIK);

  rv1::ListOrgPredicatesRequest list;
  list.set_filter(absl::StrCat("agency_id = \"", org.agency_id, "\""));
  rv1::ListOrgPredicatesResponse listed;
  s = Stub().ListOrgPredicates(Ctx(AuditorToken()).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(listed.decisions_size(), 2);
  s = Stub().ListOrgPredicates(Ctx(Token(org.staff1, org)).get(), list, &listed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST(ReviewEventsTest, StreamEventsCarriesTheOutboxToServicesOnly) {
  World w = MakeWorld();
  rv1::OrgPredicateDecision decision;
  grpc::Status s = SetOrgPredicate(Token(w.org.kadis, w.org), w.org.bidang.id(), w.period,
                                   rv1::ORG_PREDICATE_BAIK, &decision);
  ASSERT_TRUE(s.ok()) << Describe(s);
  kinerja::common::v1::StreamEventsRequest request;
  {
    std::unique_ptr<grpc::ClientContext> ctx = Ctx(Token(w.org.staff1, w.org));
    auto reader = Stub().StreamEvents(ctx.get(), request);
    kinerja::common::v1::EventEnvelope event;
    EXPECT_FALSE(reader->Read(&event));
    EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::PERMISSION_DENIED);
  }
  std::unique_ptr<grpc::ClientContext> ctx = Ctx(ServiceToken());
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  auto reader = Stub().StreamEvents(ctx.get(), request);
  kinerja::common::v1::EventEnvelope event;
  bool found = false;
  while (!found && reader->Read(&event)) {
    found = event.type() == "OrgPredicateSet" && event.aggregate_id() == decision.id();
  }
  EXPECT_TRUE(found);
  ctx->TryCancel();
}

// Per-value behaviour ratings through the real channel: refused when a core value repeats or a
// rating is missing, rated with the assessment in the values' official order, read back by Get
// and List, carried by the AssessmentRated and AssessmentFinalised events, and replaced as a
// whole by the next rating. The overall behaviour rating stays what the assessor gave.
TEST(ReviewBehaviourValuesTest, RatedValuesAreReadBackAndStreamed) {
  World w = MakeWorld();
  const Org& org = w.org;
  const gv1::Plan plan = StaffPlan(w, org.staff1);
  const std::string kabid = Token(org.kabid, org);
  const auto add = [](rv1::RateAssessmentRequest& request, rv1::CoreValue value, rv1::Rating rating,
                      const std::string& note = "") {
    rv1::BehaviourValueRating* v = request.add_behaviour_values();
    v->set_value(value);
    v->set_rating(rating);
    v->set_note(note);
  };
  rv1::RateAssessmentRequest request;
  request.set_plan_id(plan.id());
  request.set_kind(rv1::ASSESSMENT_KIND_ANNUAL);
  request.set_results_rating(rv1::RATING_AS_EXPECTED);
  request.set_behaviour_rating(rv1::RATING_AS_EXPECTED);
  add(request, rv1::CORE_VALUE_COLLABORATIVE, rv1::RATING_BELOW_EXPECTATION,
      "Jarang berbagi data dengan bidang lain");
  add(request, rv1::CORE_VALUE_ACCOUNTABLE, rv1::RATING_ABOVE_EXPECTATION);

  rv1::Assessment rated;
  rv1::RateAssessmentRequest bad = request;
  add(bad, rv1::CORE_VALUE_COLLABORATIVE, rv1::RATING_ABOVE_EXPECTATION);
  add(bad, rv1::CORE_VALUE_LOYAL, rv1::RATING_UNSPECIFIED);
  grpc::Status s = Stub().RateAssessment(Ctx(kabid).get(), bad, &rated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_EQ(FieldsOf(s),
            (std::vector<std::string>{"behaviour_values[2].value", "behaviour_values[3].rating"}));

  s = Stub().RateAssessment(Ctx(kabid).get(), request, &rated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  const auto expect_values = [](const rv1::Assessment& a, const std::string& where) {
    ASSERT_EQ(a.behaviour_values_size(), 2) << where;
    EXPECT_EQ(a.behaviour_values(0).value(), rv1::CORE_VALUE_ACCOUNTABLE) << where;
    EXPECT_EQ(a.behaviour_values(0).rating(), rv1::RATING_ABOVE_EXPECTATION) << where;
    EXPECT_EQ(a.behaviour_values(0).note(), "") << where;
    EXPECT_EQ(a.behaviour_values(1).value(), rv1::CORE_VALUE_COLLABORATIVE) << where;
    EXPECT_EQ(a.behaviour_values(1).rating(), rv1::RATING_BELOW_EXPECTATION) << where;
    EXPECT_EQ(a.behaviour_values(1).note(), "Jarang berbagi data dengan bidang lain") << where;
    EXPECT_EQ(a.behaviour_rating(), rv1::RATING_AS_EXPECTED) << where;
  };
  expect_values(rated, "RateAssessment");

  rv1::GetAssessmentRequest get;
  get.set_id(rated.id());
  rv1::Assessment got;
  s = Stub().GetAssessment(Ctx(Token(org.staff1, org)).get(), get, &got);
  ASSERT_TRUE(s.ok()) << Describe(s);
  expect_values(got, "GetAssessment");
  rv1::ListAssessmentsRequest list;
  list.set_filter(
      absl::StrCat("agency_id = \"", org.agency_id, "\" AND plan_id = \"", plan.id(), "\""));
  rv1::ListAssessmentsResponse listed;
  s = Stub().ListAssessments(Ctx(org.hr_token).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_EQ(listed.assessments_size(), 1);
  expect_values(listed.assessments(0), "ListAssessments");

  // Finalised (the bidang's predicate first; the only staff member rated Baik under Baik needs a
  // justification), then read from the service's events.
  rv1::OrgPredicateDecision decision;
  s = SetOrgPredicate(Token(org.kadis, org), org.bidang.id(), w.period, rv1::ORG_PREDICATE_BAIK,
                      &decision);
  ASSERT_TRUE(s.ok()) << Describe(s);
  rv1::Assessment finalised;
  s = Finalise(kabid, rated.id(), &finalised, "Satu-satunya staf yang dinilai");
  ASSERT_TRUE(s.ok()) << Describe(s);
  expect_values(finalised, "FinaliseAssessment");
  kinerja::common::v1::StreamEventsRequest events;
  std::unique_ptr<grpc::ClientContext> ctx = Ctx(ServiceToken());
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto reader = Stub().StreamEvents(ctx.get(), events);
  kinerja::common::v1::EventEnvelope event;
  std::vector<std::string> seen;
  while (seen.size() < 2 && reader->Read(&event)) {
    if (event.aggregate_id() != rated.id()) continue;
    rv1::AssessmentChanged payload;
    ASSERT_TRUE(event.payload().UnpackTo(&payload)) << event.type();
    expect_values(payload.assessment(), event.type());
    seen.push_back(event.type());
  }
  ctx->TryCancel();
  EXPECT_EQ(seen, (std::vector<std::string>{"AssessmentRated", "AssessmentFinalised"}));

  // A finalised assessment's values change no more; on a draft, rating again replaces them.
  request.clear_behaviour_values();
  add(request, rv1::CORE_VALUE_LOYAL, rv1::RATING_AS_EXPECTED);
  s = Stub().RateAssessment(Ctx(kabid).get(), request, &rated);
  EXPECT_EQ(ReasonOf(s), "ASSESSMENT_FINALISED");
  const gv1::Plan other = StaffPlan(w, org.staff2);
  request.set_plan_id(other.id());
  s = Stub().RateAssessment(Ctx(kabid).get(), request, &rated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_EQ(rated.behaviour_values_size(), 1);
  request.clear_behaviour_values();
  s = Stub().RateAssessment(Ctx(kabid).get(), request, &rated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(rated.behaviour_values_size(), 0);
}

TEST(ReviewPolicyTest, DefaultsUntilStoredThenUpdatedByHrOfTheAgency) {
  const Org org = BuildOrg();
  rv1::GetReviewPolicyRequest get;
  get.set_agency_id(org.agency_id);
  rv1::ReviewPolicy policy;
  grpc::Status s = Stub().GetReviewPolicy(Ctx(org.hr_token).get(), get, &policy);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(policy.objection_days(), 14);
  EXPECT_FALSE(policy.objection_working_days());
  EXPECT_EQ(policy.anonymity_threshold(), 3);
  EXPECT_FALSE(policy.distribution_block());
  EXPECT_EQ(policy.realisation_grace_days(), 5);
  EXPECT_EQ(policy.etag(), "");

  rv1::UpdateReviewPolicyRequest update;
  update.mutable_policy()->set_agency_id(org.agency_id);
  update.mutable_policy()->set_objection_days(10);
  update.mutable_policy()->set_objection_working_days(true);
  *update.mutable_policy()->add_holidays() = Day(2026, 12, 25);
  update.mutable_update_mask()->add_paths("objection_days");
  update.mutable_update_mask()->add_paths("objection_working_days");
  update.mutable_update_mask()->add_paths("holidays");
  update.set_request_id("policy-1");
  rv1::ReviewPolicy updated;
  s = Stub().UpdateReviewPolicy(Ctx(org.hr_token).get(), update, &updated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(updated.objection_days(), 10);
  EXPECT_TRUE(updated.objection_working_days());
  EXPECT_EQ(updated.holidays_size(), 1);
  EXPECT_EQ(updated.anonymity_threshold(), 3);  // not in the mask: kept
  EXPECT_NE(updated.etag(), "");

  rv1::ReviewPolicy replayed;
  s = Stub().UpdateReviewPolicy(Ctx(org.hr_token).get(), update, &replayed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(replayed.etag(), updated.etag());

  update.set_request_id("");
  s = Stub().UpdateReviewPolicy(Ctx(HrAdminToken("other-agency")).get(), update, &replayed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  update.mutable_policy()->set_objection_days(0);
  s = Stub().UpdateReviewPolicy(Ctx(org.hr_token).get(), update, &replayed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(FieldsOf(s), ::testing::Contains("policy.objection_days"));

  s = Stub().GetReviewPolicy(Ctx(AuditorToken()).get(), get, &policy);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(policy.objection_days(), 10);
  s = Stub().GetReviewPolicy(Ctx(HrAdminToken("other-agency")).get(), get, &policy);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace kinerja::review::testing
