// GoalService through a real gRPC channel against a real PostgreSQL, with the real employee
// service beside it: periods, plans snapshotting the reporting line, the cascade rule, the
// workflow and revisions, deadlines and extensions, unit policy, the cascade tree, templates,
// access, idempotency, etags and events.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "absl/strings/str_cat.h"
#include "kinerja/goals/v1/events.pb.h"
#include "services/goals/tests/goals_fixture.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::testing {
namespace {

using employee::testing::AuditorToken;
using employee::testing::BadRequestOf;
using employee::testing::BuildOrg;
using employee::testing::HrAdminToken;
using employee::testing::Org;
using ::testing::ElementsAre;
using ::testing::SizeIs;

gv1::GoalService::Stub& Stub() { return GoalsEnv::Get().stub(); }

google::type::Date Day(int y, int m, int d) { return rpc::DayToProto(absl::CivilDay(y, m, d)); }

// The year's period of the org's agency; the filling deadline defaults to the year's end.
gv1::Period CreatePeriod(const Org& org, google::type::Date deadline = Day(2026, 12, 31),
                         const std::string& name = "") {
  gv1::CreatePeriodRequest request;
  gv1::Period* p = request.mutable_period();
  p->set_agency_id(org.agency_id);
  p->set_year(2026);
  p->set_name(name);
  *p->mutable_start_date() = Day(2026, 1, 1);
  *p->mutable_end_date() = Day(2026, 12, 31);
  *p->mutable_filling_deadline() = deadline;
  p->set_cadence(gv1::CADENCE_QUARTERLY);
  gv1::Period out;
  grpc::Status s = Stub().CreatePeriod(Ctx(org.hr_token).get(), request, &out);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return out;
}

gv1::Plan CreatePlan(const std::string& token, const gv1::Period& period,
                     const ev1::Employee& who) {
  gv1::CreatePlanRequest request;
  request.set_period_id(period.id());
  request.set_employee_id(who.id());
  gv1::Plan out;
  grpc::Status s = Stub().CreatePlan(Ctx(token).get(), request, &out);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return out;
}

gv1::WorkResult Result(const std::string& text, const std::string& parent = "",
                       gv1::Perspective perspective = gv1::PERSPECTIVE_UNSPECIFIED,
                       gv1::Aspect aspect = gv1::ASPECT_QUANTITY,
                       gv1::ResultKind kind = gv1::RESULT_KIND_MAIN) {
  gv1::WorkResult r;
  r.set_kind(kind);
  r.set_text(text);
  r.set_parent_result_id(parent);
  r.set_perspective(perspective);
  gv1::Indicator* i = r.add_indicators();
  i->set_text("Indikator " + text);
  i->set_aspect(aspect);
  i->set_target_min(90);
  i->set_target_max(100);
  i->set_target_unit("%");
  return r;
}

grpc::Status SetResults(const std::string& token, gv1::Plan& plan,
                        const std::vector<gv1::WorkResult>& results) {
  gv1::UpdatePlanRequest request;
  request.mutable_plan()->set_id(plan.id());
  request.mutable_plan()->set_etag(plan.etag());
  for (const gv1::WorkResult& r : results) *request.mutable_plan()->add_results() = r;
  request.mutable_update_mask()->add_paths("results");
  return Stub().UpdatePlan(Ctx(token).get(), request, &plan);
}

grpc::Status Submit(const std::string& token, gv1::Plan& plan) {
  gv1::SubmitPlanRequest request;
  request.set_id(plan.id());
  return Stub().SubmitPlan(Ctx(token).get(), request, &plan);
}

grpc::Status Approve(const std::string& token, gv1::Plan& plan) {
  gv1::ApprovePlanRequest request;
  request.set_id(plan.id());
  return Stub().ApprovePlan(Ctx(token).get(), request, &plan);
}

// An approved JPT plan for the head of the dinas (assessed by the NON-ASN mayor, so the HR
// admin records the approval) and an approved plan of the head of the bidang cascading from it.
struct Cascade {
  Org org;
  gv1::Period period;
  gv1::Plan kadis, kabid;
};

// The fields an INVALID_ARGUMENT status names.
std::vector<std::string> FieldsOf(const grpc::Status& status) {
  const google::rpc::BadRequest details = BadRequestOf(status);
  std::vector<std::string> fields;
  for (const auto& v : details.field_violations()) fields.push_back(v.field());
  return fields;
}

Cascade ApprovedTopOfCascade() {
  Cascade c;
  c.org = BuildOrg();
  c.period = CreatePeriod(c.org);
  const std::string kadis_token = PersonToken(c.org.kadis, c.org.agency_id);
  c.kadis = CreatePlan(kadis_token, c.period, c.org.kadis);
  EXPECT_TRUE(SetResults(kadis_token, c.kadis,
                         {Result("Meningkatnya mutu pendidikan dasar", "",
                                 gv1::PERSPECTIVE_SERVICE_RECIPIENTS),
                          Result("Terwujudnya tata kelola yang akuntabel", "",
                                 gv1::PERSPECTIVE_INTERNAL_STRENGTHENING)})
                  .ok());
  EXPECT_TRUE(Submit(kadis_token, c.kadis).ok());
  grpc::Status s = Approve(c.org.hr_token, c.kadis);
  EXPECT_TRUE(s.ok()) << Describe(s);
  const std::string kabid_token = PersonToken(c.org.kabid, c.org.agency_id);
  c.kabid = CreatePlan(kabid_token, c.period, c.org.kabid);
  EXPECT_TRUE(SetResults(kabid_token, c.kabid,
                         {Result("Meningkatnya angka kelulusan SD", c.kadis.results(0).id())})
                  .ok());
  EXPECT_TRUE(Submit(kabid_token, c.kabid).ok());
  s = Approve(PersonToken(c.org.kadis, c.org.agency_id), c.kabid);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return c;
}

TEST(GoalServiceTest, UnauthenticatedCallsAreRefused) {
  gv1::GetPeriodRequest request;
  request.set_id("x");
  gv1::Period out;
  grpc::Status s = Stub().GetPeriod(Ctx("").get(), request, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED) << Describe(s);
}

TEST(GoalServiceTest, PeriodsAreCreatedListedUpdatedAndLocked) {
  Org org = BuildOrg();
  gv1::Period period = CreatePeriod(org);
  EXPECT_EQ(period.state(), gv1::PERIOD_STATE_OPEN);
  EXPECT_EQ(period.name(), "SKP 2026");
  EXPECT_FALSE(period.etag().empty());

  // Bad input names the field; employees may not create periods.
  gv1::CreatePeriodRequest bad;
  bad.mutable_period()->set_agency_id(org.agency_id);
  bad.mutable_period()->set_year(2026);
  *bad.mutable_period()->mutable_start_date() = Day(2026, 6, 1);
  *bad.mutable_period()->mutable_end_date() = Day(2026, 1, 1);
  *bad.mutable_period()->mutable_filling_deadline() = Day(2026, 2, 1);
  bad.mutable_period()->set_cadence(gv1::CADENCE_MONTHLY);
  gv1::Period out;
  grpc::Status s = Stub().CreatePeriod(Ctx(org.hr_token).get(), bad, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  bool names_end_date = false;
  const google::rpc::BadRequest details = BadRequestOf(s);
  for (const auto& v : details.field_violations()) {
    names_end_date |= v.field() == "period.end_date";
  }
  EXPECT_TRUE(names_end_date) << details.DebugString();
  s = Stub().CreatePeriod(Ctx(PersonToken(org.staff1, org.agency_id)).get(), bad, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);

  gv1::ListPeriodsRequest list;
  list.set_filter(absl::StrCat("agency_id = \"", org.agency_id, "\""));
  gv1::ListPeriodsResponse listed;
  s = Stub().ListPeriods(Ctx(AuditorToken()).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(listed.periods(), SizeIs(1));
  EXPECT_EQ(listed.periods(0).id(), period.id());
  // A civil servant of the agency finds its periods (to create their own plan); one of another
  // agency does not.
  gv1::ListPeriodsResponse own;
  s = Stub().ListPeriods(Ctx(PersonToken(org.staff1, org.agency_id)).get(),
                         gv1::ListPeriodsRequest(), &own);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(own.periods(), SizeIs(1));
  EXPECT_EQ(own.periods(0).id(), period.id());
  s = Stub().ListPeriods(Ctx(PersonToken(org.staff1, "elsewhere")).get(), list, &listed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  // Another agency's admin may not list this agency's periods.
  s = Stub().ListPeriods(Ctx(HrAdminToken("elsewhere")).get(), list, &listed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);

  gv1::UpdatePeriodRequest update;
  update.mutable_period()->set_id(period.id());
  update.mutable_period()->set_etag(period.etag());
  *update.mutable_period()->mutable_filling_deadline() = Day(2026, 3, 31);
  update.mutable_update_mask()->add_paths("filling_deadline");
  gv1::Period updated;
  s = Stub().UpdatePeriod(Ctx(org.hr_token).get(), update, &updated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(updated.filling_deadline().month(), 3);
  // The same etag again is stale.
  s = Stub().UpdatePeriod(Ctx(org.hr_token).get(), update, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << Describe(s);

  gv1::SetPeriodStateRequest lock;
  lock.set_id(period.id());
  lock.set_state(gv1::PERIOD_STATE_LOCKED);
  s = Stub().SetPeriodState(Ctx(org.hr_token).get(), lock, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "INVALID_PERIOD_TRANSITION");
  for (gv1::PeriodState state : {gv1::PERIOD_STATE_CLOSED, gv1::PERIOD_STATE_LOCKED}) {
    lock.set_state(state);
    s = Stub().SetPeriodState(Ctx(org.hr_token).get(), lock, &updated);
    ASSERT_TRUE(s.ok()) << Describe(s);
    EXPECT_EQ(updated.state(), state);
  }
  // A locked period's settings do not change any more.
  update.mutable_period()->set_etag(updated.etag());
  s = Stub().UpdatePeriod(Ctx(org.hr_token).get(), update, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "PERIOD_LOCKED");
  // No plans in a locked period.
  gv1::CreatePlanRequest plan;
  plan.set_period_id(period.id());
  plan.set_employee_id(org.staff1.id());
  gv1::Plan created;
  s = Stub().CreatePlan(Ctx(org.hr_token).get(), plan, &created);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "PERIOD_NOT_OPEN");
}

TEST(GoalServiceTest, CreatePeriodWithRequestIdIsIdempotent) {
  Org org = BuildOrg();
  gv1::CreatePeriodRequest request;
  request.set_request_id("create-period-1");
  gv1::Period* p = request.mutable_period();
  p->set_agency_id(org.agency_id);
  p->set_year(2026);
  *p->mutable_start_date() = Day(2026, 1, 1);
  *p->mutable_end_date() = Day(2026, 12, 31);
  *p->mutable_filling_deadline() = Day(2026, 1, 31);
  p->set_cadence(gv1::CADENCE_MONTHLY);
  gv1::Period first, second;
  ASSERT_TRUE(Stub().CreatePeriod(Ctx(org.hr_token).get(), request, &first).ok());
  grpc::Status s = Stub().CreatePeriod(Ctx(org.hr_token).get(), request, &second);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(first.id(), second.id());
}

TEST(GoalServiceTest, PlanSnapshotsTheReportingLineFromTheEmployeeService) {
  Org org = BuildOrg();
  gv1::Period period = CreatePeriod(org);
  gv1::Plan plan = CreatePlan(PersonToken(org.staff1, org.agency_id), period, org.staff1);
  EXPECT_EQ(plan.state(), gv1::PLAN_STATE_DRAFT);
  EXPECT_EQ(plan.revision(), 1);
  EXPECT_EQ(plan.employee().employee_id(), org.staff1.id());
  EXPECT_EQ(plan.employee().nip(), org.staff1.nip());
  EXPECT_EQ(plan.employee().position_id(), org.staff_position.id());
  EXPECT_EQ(plan.employee().unit_name(), "Bidang SD");
  EXPECT_EQ(plan.position_type(), "PELAKSANA");
  EXPECT_EQ(plan.assessor().employee_id(), org.kabid.id());
  EXPECT_EQ(plan.assessor_superior().employee_id(), org.kadis.id());
  ASSERT_THAT(plan.behaviours(), SizeIs(7));
  EXPECT_EQ(plan.behaviours(0).value(), gv1::CORE_VALUE_SERVICE_ORIENTED);

  // A second open plan for the same position is refused; a colleague may not make one for him.
  gv1::CreatePlanRequest again;
  again.set_period_id(period.id());
  again.set_nip(org.staff1.nip());
  gv1::Plan out;
  grpc::Status s = Stub().CreatePlan(Ctx(org.hr_token).get(), again, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS) << Describe(s);
  s = Stub().CreatePlan(Ctx(PersonToken(org.staff2, org.agency_id)).get(), again, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  // An unknown employee is NOT_FOUND.
  again.set_nip("199001012020011999");
  s = Stub().CreatePlan(Ctx(org.hr_token).get(), again, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << Describe(s);

  // The JPT head of the dinas is assessed by the NON-ASN mayor.
  gv1::Plan kadis = CreatePlan(org.hr_token, period, org.kadis);
  EXPECT_TRUE(kadis.assessor().non_asn());
  EXPECT_TRUE(kadis.assessor().employee_id().empty());
  EXPECT_EQ(kadis.position_type(), "JPT_PRATAMA");
}

TEST(GoalServiceTest, MainResultsCascadeFromTheAssessorsApprovedResults) {
  Cascade c = ApprovedTopOfCascade();
  EXPECT_EQ(c.kadis.state(), gv1::PLAN_STATE_APPROVED);
  EXPECT_EQ(c.kabid.state(), gv1::PLAN_STATE_APPROVED);
  const std::string staff_token = PersonToken(c.org.staff1, c.org.agency_id);
  gv1::Plan staff = CreatePlan(staff_token, c.period, c.org.staff1);

  // No parent: the rule names the reason at submission.
  ASSERT_TRUE(SetResults(staff_token, staff, {Result("Data siswa mutakhir")}).ok());
  grpc::Status s = Submit(staff_token, staff);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "CASCADE_REQUIRED");
  // A parent that is not the assessor's (the head of the dinas is two levels up).
  s = SetResults(staff_token, staff, {Result("Data siswa mutakhir", c.kadis.results(0).id())});
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  ASSERT_THAT(BadRequestOf(s).field_violations(), SizeIs(1));
  EXPECT_EQ(BadRequestOf(s).field_violations(0).field(), "plan.results[0].parent_result_id");
  // The assessor's approved result.
  staff = [&] {
    gv1::GetPlanRequest get;
    get.set_id(staff.id());
    gv1::Plan p;
    EXPECT_TRUE(Stub().GetPlan(Ctx(staff_token).get(), get, &p).ok());
    return p;
  }();
  ASSERT_TRUE(
      SetResults(staff_token, staff, {Result("Data siswa mutakhir", c.kabid.results(0).id())})
          .ok());
  s = Submit(staff_token, staff);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(staff.state(), gv1::PLAN_STATE_SUBMITTED);

  // Only the assessor decides: not the employee, not the HR admin, not a colleague.
  for (const std::string& token :
       {staff_token, c.org.hr_token, PersonToken(c.org.staff2, c.org.agency_id)}) {
    gv1::Plan copy = staff;
    s = Approve(token, copy);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  }
  gv1::ReturnPlanRequest back;
  back.set_id(staff.id());
  back.set_note("Tambahkan indikator kualitas");
  s = Stub().ReturnPlan(Ctx(PersonToken(c.org.kabid, c.org.agency_id)).get(), back, &staff);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(staff.state(), gv1::PLAN_STATE_RETURNED);
  EXPECT_EQ(staff.return_note(), "Tambahkan indikator kualitas");
  ASSERT_TRUE(Submit(staff_token, staff).ok());
  s = Approve(PersonToken(c.org.kabid, c.org.agency_id), staff);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(staff.state(), gv1::PLAN_STATE_APPROVED);

  // The cascade tree from the head of the dinas down.
  gv1::GetCascadeTreeRequest tree_request;
  tree_request.set_plan_id(c.kadis.id());
  gv1::CascadeTree tree;
  s = Stub().GetCascadeTree(Ctx(c.org.hr_token).get(), tree_request, &tree);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(tree.plan_count(), 3);
  ASSERT_THAT(tree.root().reports(), SizeIs(1));
  EXPECT_EQ(tree.root().reports(0).plan_id(), c.kabid.id());
  ASSERT_THAT(tree.root().reports(0).reports(), SizeIs(1));
  EXPECT_EQ(tree.root().reports(0).reports(0).plan_id(), staff.id());
  EXPECT_THAT(tree.root().results(0).child_result_ids(), ElementsAre(c.kabid.results(0).id()));
  // The dinas head's second result has nothing cascading from it.
  ASSERT_THAT(tree.uncovered(), SizeIs(1));
  EXPECT_EQ(tree.uncovered(0).result_id(), c.kadis.results(1).id());
  EXPECT_THAT(tree.orphans(), SizeIs(0));
  // A colleague may not read the head's tree.
  s = Stub().GetCascadeTree(Ctx(PersonToken(c.org.staff2, c.org.agency_id)).get(), tree_request,
                            &tree);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

TEST(GoalServiceTest, ApprovedPlanIsRevisedThroughANewVersion) {
  Cascade c = ApprovedTopOfCascade();
  const std::string kabid_token = PersonToken(c.org.kabid, c.org.agency_id);
  gv1::Plan plan = c.kabid;
  // Approved content is not edited in place.
  grpc::Status s = SetResults(kabid_token, plan, {Result("Lain", c.kadis.results(0).id())});
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "PLAN_NOT_EDITABLE");

  gv1::RevisePlanRequest revise;
  revise.set_id(plan.id());
  s = Stub().RevisePlan(Ctx(kabid_token).get(), revise, &plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  revise.set_reason("Indikator jumlah kegiatan tidak relevan; diganti kepuasan masyarakat");
  revise.set_etag(plan.etag());
  s = Stub().RevisePlan(Ctx(kabid_token).get(), revise, &plan);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(plan.state(), gv1::PLAN_STATE_DRAFT);
  EXPECT_EQ(plan.revision(), 2);

  gv1::WorkResult kept = plan.results(0);
  kept.mutable_indicators(0)->set_aspect(gv1::ASPECT_QUALITY);
  kept.mutable_indicators(0)->set_text("Indeks kepuasan masyarakat");
  ASSERT_TRUE(SetResults(kabid_token, plan, {kept}).ok());
  EXPECT_EQ(plan.results(0).id(), c.kabid.results(0).id()) << "a revision keeps result ids";
  ASSERT_TRUE(Submit(kabid_token, plan).ok());
  s = Approve(PersonToken(c.org.kadis, c.org.agency_id), plan);
  ASSERT_TRUE(s.ok()) << Describe(s);

  gv1::ListPlanVersionsRequest versions_request;
  versions_request.set_plan_id(plan.id());
  gv1::ListPlanVersionsResponse versions;
  s = Stub().ListPlanVersions(Ctx(kabid_token).get(), versions_request, &versions);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(versions.versions(), SizeIs(2));
  EXPECT_EQ(versions.versions(0).revision(), 1);
  EXPECT_EQ(versions.versions(0).plan().results(0).indicators(0).aspect(), gv1::ASPECT_QUANTITY);
  EXPECT_EQ(versions.versions(1).revision(), 2);
  EXPECT_EQ(versions.versions(1).plan().results(0).indicators(0).aspect(), gv1::ASPECT_QUALITY);
  EXPECT_EQ(versions.versions(1).plan().revision_reason(), revise.reason());
}

TEST(GoalServiceTest, FillingDeadlineNeedsAnExtension) {
  Org org = BuildOrg();
  gv1::Period period = CreatePeriod(org, Day(2026, 1, 31));
  const std::string kadis_token = PersonToken(org.kadis, org.agency_id);
  gv1::Plan plan = CreatePlan(kadis_token, period, org.kadis);
  ASSERT_TRUE(SetResults(kadis_token, plan,
                         {Result("Mutu pendidikan", "", gv1::PERSPECTIVE_SERVICE_RECIPIENTS)})
                  .ok());
  grpc::Status s = Submit(kadis_token, plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "FILLING_DEADLINE_PASSED");

  gv1::GrantDeadlineExtensionRequest grant;
  grant.set_period_id(period.id());
  grant.set_employee_id(org.kadis.id());
  *grant.mutable_until() = Day(2026, 12, 31);
  grant.set_reason("Cuti sakit sampai November");
  gv1::DeadlineExtension extension;
  s = Stub().GrantDeadlineExtension(Ctx(kadis_token).get(), grant, &extension);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  s = Stub().GrantDeadlineExtension(Ctx(org.hr_token).get(), grant, &extension);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(extension.granted_by(), "hr-" + org.agency_id);
  s = Submit(kadis_token, plan);
  EXPECT_TRUE(s.ok()) << Describe(s);
}

TEST(GoalServiceTest, PublicServiceUnitsNeedAQualityIndicator) {
  Cascade c = ApprovedTopOfCascade();
  gv1::SetUnitPolicyRequest policy;
  policy.mutable_policy()->set_agency_id(c.org.agency_id);
  policy.mutable_policy()->set_unit_id(c.org.bidang.id());
  policy.mutable_policy()->set_public_service(true);
  gv1::UnitPolicy saved;
  grpc::Status s = Stub().SetUnitPolicy(Ctx(c.org.hr_token).get(), policy, &saved);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_TRUE(saved.public_service());

  const std::string token = PersonToken(c.org.staff2, c.org.agency_id);
  gv1::Plan plan = CreatePlan(token, c.period, c.org.staff2);
  ASSERT_TRUE(SetResults(token, plan, {Result("Layanan data", c.kabid.results(0).id())}).ok());
  s = Submit(token, plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "QUALITY_INDICATOR_REQUIRED");
  ASSERT_TRUE(SetResults(token, plan,
                         {Result("Layanan data", c.kabid.results(0).id(),
                                 gv1::PERSPECTIVE_UNSPECIFIED, gv1::ASPECT_QUALITY)})
                  .ok());
  s = Submit(token, plan);
  EXPECT_TRUE(s.ok()) << Describe(s);

  gv1::ListUnitPoliciesRequest list;
  gv1::ListUnitPoliciesResponse listed;
  s = Stub().ListUnitPolicies(Ctx(c.org.hr_token).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(listed.policies(), SizeIs(1));
  EXPECT_EQ(listed.policies(0).unit_id(), c.org.bidang.id());
}

TEST(GoalServiceTest, PlansAreReadAndListedOnlyByThoseConcerned) {
  Cascade c = ApprovedTopOfCascade();
  const std::string own = PersonToken(c.org.kabid, c.org.agency_id);
  gv1::GetPlanRequest get;
  get.set_id(c.kabid.id());
  gv1::Plan out;
  EXPECT_TRUE(Stub().GetPlan(Ctx(own).get(), get, &out).ok());
  EXPECT_TRUE(Stub().GetPlan(Ctx(AuditorToken()).get(), get, &out).ok());
  grpc::Status s = Stub().GetPlan(Ctx(PersonToken(c.org.staff1, c.org.agency_id)).get(), get, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);

  gv1::ListPlansRequest list;
  gv1::ListPlansResponse listed;
  s = Stub().ListPlans(Ctx(own).get(), list, &listed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  list.set_filter(absl::StrCat("employee_nip = \"", c.org.kabid.nip(), "\""));
  s = Stub().ListPlans(Ctx(own).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(listed.plans(), SizeIs(1));
  // The head of the dinas lists the plans he assesses.
  list.set_filter(absl::StrCat("assessor_nip = \"", c.org.kadis.nip(), "\""));
  s = Stub().ListPlans(Ctx(PersonToken(c.org.kadis, c.org.agency_id)).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(listed.plans(), SizeIs(1));
  EXPECT_EQ(listed.plans(0).id(), c.kabid.id());
  // The HR admin pages through the agency's plans.
  list.set_filter("");
  list.set_page_size(1);
  s = Stub().ListPlans(Ctx(c.org.hr_token).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(listed.plans(), SizeIs(1));
  ASSERT_FALSE(listed.next_page_token().empty());
  list.set_page_token(listed.next_page_token());
  gv1::ListPlansResponse second;
  s = Stub().ListPlans(Ctx(c.org.hr_token).get(), list, &second);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(second.plans(), SizeIs(1));
  EXPECT_NE(second.plans(0).id(), listed.plans(0).id());
}

TEST(GoalServiceTest, TemplatesApplyToAUnitIdempotently) {
  Cascade c = ApprovedTopOfCascade();
  gv1::CreatePlanTemplateRequest create;
  gv1::PlanTemplate* tmpl = create.mutable_template_();
  tmpl->set_agency_id(c.org.agency_id);
  tmpl->set_name("Pelaksana Bidang SD");
  *tmpl->add_results() = Result("Administrasi data sekolah", c.kabid.results(0).id());
  gv1::PlanTemplate created;
  grpc::Status s = Stub().CreatePlanTemplate(Ctx(c.org.hr_token).get(), create, &created);
  ASSERT_TRUE(s.ok()) << Describe(s);

  gv1::ApplyPlanTemplateRequest apply;
  apply.set_template_id(created.id());
  apply.set_period_id(c.period.id());
  apply.set_unit_id(c.org.bidang.id());
  apply.set_create_missing_plans(true);
  gv1::ApplyPlanTemplateResponse first;
  s = Stub().ApplyPlanTemplate(Ctx(c.org.hr_token).get(), apply, &first);
  ASSERT_TRUE(s.ok()) << Describe(s);
  // The head of the bidang (approved plan) is skipped; both staff get a plan with the results.
  EXPECT_EQ(first.applied(), 2) << first.DebugString();
  EXPECT_EQ(first.skipped(), 1) << first.DebugString();
  gv1::ApplyPlanTemplateResponse again;
  s = Stub().ApplyPlanTemplate(Ctx(c.org.hr_token).get(), apply, &again);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(again.applied(), 0) << again.DebugString();
  EXPECT_EQ(again.already_applied(), 2) << again.DebugString();

  gv1::ListPlansRequest list;
  list.set_filter(absl::StrCat("employee_nip = \"", c.org.staff1.nip(), "\""));
  gv1::ListPlansResponse listed;
  s = Stub().ListPlans(Ctx(PersonToken(c.org.staff1, c.org.agency_id)).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(listed.plans(), SizeIs(1));
  ASSERT_THAT(listed.plans(0).results(), SizeIs(1));
  EXPECT_EQ(listed.plans(0).results(0).template_id(), created.id());
  // Only the agency's HR admins apply templates.
  s = Stub().ApplyPlanTemplate(Ctx(PersonToken(c.org.kabid, c.org.agency_id)).get(), apply, &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

TEST(GoalServiceTest, TemplatesApplyByPositionTypeAndByList) {
  Cascade c = ApprovedTopOfCascade();
  gv1::CreatePlanTemplateRequest create;
  create.mutable_template_()->set_agency_id(c.org.agency_id);
  create.mutable_template_()->set_name("Tambahan: pelaporan");
  *create.mutable_template_()->add_results() =
      Result("Laporan bulanan tepat waktu", "", gv1::PERSPECTIVE_UNSPECIFIED, gv1::ASPECT_TIME,
             gv1::RESULT_KIND_ADDITIONAL);
  gv1::PlanTemplate tmpl;
  ASSERT_TRUE(Stub().CreatePlanTemplate(Ctx(c.org.hr_token).get(), create, &tmpl).ok());

  // A list without create_missing_plans: staff1 has no plan yet and is skipped.
  gv1::ApplyPlanTemplateRequest apply;
  apply.set_template_id(tmpl.id());
  apply.set_period_id(c.period.id());
  apply.mutable_employees()->add_employee_ids(c.org.staff1.id());
  gv1::ApplyPlanTemplateResponse by_list;
  grpc::Status s = Stub().ApplyPlanTemplate(Ctx(c.org.hr_token).get(), apply, &by_list);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(by_list.outcomes(), SizeIs(1));
  EXPECT_EQ(by_list.outcomes(0).kind(), gv1::ApplyPlanTemplateResponse::Outcome::KIND_SKIPPED);

  // Every PELAKSANA of the agency, creating their plans: both staff members.
  apply.set_position_type("PELAKSANA");
  apply.set_create_missing_plans(true);
  gv1::ApplyPlanTemplateResponse by_type;
  s = Stub().ApplyPlanTemplate(Ctx(c.org.hr_token).get(), apply, &by_type);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(by_type.applied(), 2) << by_type.DebugString();
  EXPECT_EQ(by_type.outcomes_size(), 2) << by_type.DebugString();
  for (const auto& outcome : by_type.outcomes()) {
    EXPECT_TRUE(outcome.employee_id() == c.org.staff1.id() ||
                outcome.employee_id() == c.org.staff2.id())
        << outcome.DebugString();
  }
}

// Plan content the regulation allows (DOMAIN.md "Planning: SKP").

std::vector<std::string> ViolatedFields(const grpc::Status& s) {
  std::vector<std::string> fields;
  const google::rpc::BadRequest details = BadRequestOf(s);
  for (const auto& v : details.field_violations()) fields.push_back(v.field());
  return fields;
}

TEST(GoalServiceTest, QualitativePlansHaveTextTargetsAndChangingTheStyleRevalidates) {
  Org org = BuildOrg();
  gv1::Period period = CreatePeriod(org);
  const std::string token = PersonToken(org.kadis, org.agency_id);
  gv1::CreatePlanRequest create;
  create.set_period_id(period.id());
  create.set_employee_id(org.kadis.id());
  create.set_style(gv1::PLAN_STYLE_QUALITATIVE);
  gv1::Plan plan;
  ASSERT_TRUE(Stub().CreatePlan(Ctx(token).get(), create, &plan).ok());
  EXPECT_EQ(plan.style(), gv1::PLAN_STYLE_QUALITATIVE);

  // A numeric target in a qualitative plan names the fields.
  gv1::WorkResult result = Result("Tata kelola sekolah yang akuntabel", "",
                                  gv1::PERSPECTIVE_INTERNAL_STRENGTHENING, gv1::ASPECT_TIME);
  grpc::Status s = SetResults(token, plan, {result});
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(ViolatedFields(s), ElementsAre("plan.results[0].indicators[0].target_text",
                                             "plan.results[0].indicators[0].target_min",
                                             "plan.results[0].indicators[0].target_max",
                                             "plan.results[0].indicators[0].target_unit"));
  EXPECT_THAT(s.error_message(), ::testing::HasSubstr("qualitative indicator has a text target"));

  gv1::Indicator* indicator = result.mutable_indicators(0);
  indicator->clear_target_min();
  indicator->clear_target_max();
  indicator->clear_target_unit();
  indicator->set_target_text("Laporan keuangan sekolah terbit sebelum akhir triwulan");
  indicator->set_lower_is_better(true);  // e.g. days late
  s = SetResults(token, plan, {result});
  ASSERT_TRUE(s.ok()) << Describe(s);
  gv1::GetPlanRequest get;
  get.set_id(plan.id());
  gv1::Plan got;
  ASSERT_TRUE(Stub().GetPlan(Ctx(token).get(), get, &got).ok());
  EXPECT_EQ(got.results(0).indicators(0).target_text(),
            "Laporan keuangan sekolah terbit sebelum akhir triwulan");
  EXPECT_TRUE(got.results(0).indicators(0).lower_is_better());

  // Changing only the style re-validates the content against it.
  gv1::UpdatePlanRequest restyle;
  restyle.mutable_plan()->set_id(plan.id());
  restyle.mutable_plan()->set_style(gv1::PLAN_STYLE_QUANTITATIVE);
  restyle.mutable_update_mask()->add_paths("style");
  gv1::Plan out;
  s = Stub().UpdatePlan(Ctx(token).get(), restyle, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(ViolatedFields(s), ElementsAre("plan.results[0].indicators[0].target_unit"));
}

TEST(GoalServiceTest, ResultsCascadeDirectlyOrIndirectlyFromAParentIndicator) {
  Cascade c = ApprovedTopOfCascade();
  // Named a parent without a type: stored as DIRECT.
  EXPECT_EQ(c.kabid.results(0).cascade_type(), gv1::CASCADE_TYPE_DIRECT);
  const std::string token = PersonToken(c.org.staff1, c.org.agency_id);
  gv1::Plan staff = CreatePlan(token, c.period, c.org.staff1);

  gv1::WorkResult result = Result("Data siswa mutakhir", c.kabid.results(0).id());
  result.set_cascade_type(gv1::CASCADE_TYPE_INDIRECT);
  result.set_parent_indicator_id(c.kadis.results(0).indicators(0).id());  // not the parent's
  grpc::Status s = SetResults(token, staff, {result});
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(ViolatedFields(s), ElementsAre("plan.results[0].parent_indicator_id"));
  gv1::WorkResult unlinked = Result("Tanpa induk");
  unlinked.set_cascade_type(gv1::CASCADE_TYPE_DIRECT);
  s = SetResults(token, staff, {unlinked});
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(ViolatedFields(s), ElementsAre("plan.results[0].cascade_type"));

  result.set_parent_indicator_id(c.kabid.results(0).indicators(0).id());
  s = SetResults(token, staff, {result});
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(staff.results(0).cascade_type(), gv1::CASCADE_TYPE_INDIRECT);
  ASSERT_TRUE(Submit(token, staff).ok());

  gv1::GetCascadeTreeRequest request;
  request.set_plan_id(c.kabid.id());
  gv1::CascadeTree tree;
  s = Stub().GetCascadeTree(Ctx(c.org.hr_token).get(), request, &tree);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(tree.root().results(0).cascade_type(), gv1::CASCADE_TYPE_DIRECT);
  ASSERT_THAT(tree.root().reports(), SizeIs(1));
  const gv1::CascadeResult& below = tree.root().reports(0).results(0);
  EXPECT_EQ(below.cascade_type(), gv1::CASCADE_TYPE_INDIRECT);
  EXPECT_EQ(below.parent_indicator_id(), c.kabid.results(0).indicators(0).id());
}

TEST(GoalServiceTest, PublicServicePolicyNamesTheSurveyAQualityIndicatorMustName) {
  Cascade c = ApprovedTopOfCascade();
  gv1::SetUnitPolicyRequest policy;
  policy.mutable_policy()->set_agency_id(c.org.agency_id);
  policy.mutable_policy()->set_unit_id(c.org.bidang.id());
  policy.mutable_policy()->set_public_service(true);
  policy.mutable_policy()->set_include_subunits(true);
  policy.mutable_policy()->set_survey_id("IKM DISDIK");
  gv1::UnitPolicy saved;
  grpc::Status s = Stub().SetUnitPolicy(Ctx(c.org.hr_token).get(), policy, &saved);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(ViolatedFields(s), ElementsAre("policy.survey_id"));
  policy.mutable_policy()->set_survey_id("IKM-DISDIK.2026");
  s = Stub().SetUnitPolicy(Ctx(c.org.hr_token).get(), policy, &saved);
  ASSERT_TRUE(s.ok()) << Describe(s);
  gv1::ListUnitPoliciesResponse listed;
  ASSERT_TRUE(
      Stub()
          .ListUnitPolicies(Ctx(c.org.hr_token).get(), gv1::ListUnitPoliciesRequest(), &listed)
          .ok());
  ASSERT_THAT(listed.policies(), SizeIs(1));
  EXPECT_TRUE(listed.policies(0).include_subunits());
  EXPECT_EQ(listed.policies(0).survey_id(), "IKM-DISDIK.2026");

  const std::string token = PersonToken(c.org.staff2, c.org.agency_id);
  gv1::Plan plan = CreatePlan(token, c.period, c.org.staff2);
  gv1::WorkResult result = Result("Layanan data sekolah", c.kabid.results(0).id(),
                                  gv1::PERSPECTIVE_UNSPECIFIED, gv1::ASPECT_QUALITY);
  ASSERT_TRUE(SetResults(token, plan, {result}).ok());
  s = Submit(token, plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "SURVEY_INDICATOR_REQUIRED");

  // Only a quality indicator is measured by a survey.
  gv1::WorkResult quantity = Result("Layanan data sekolah", c.kabid.results(0).id());
  quantity.mutable_indicators(0)->set_survey_id("IKM-DISDIK.2026");
  s = SetResults(token, plan, {quantity});
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(ViolatedFields(s), ElementsAre("plan.results[0].indicators[0].survey_id"));

  result.mutable_indicators(0)->set_survey_id("IKM-DISDIK.2026");
  ASSERT_TRUE(SetResults(token, plan, {result}).ok());
  EXPECT_EQ(plan.results(0).indicators(0).survey_id(), "IKM-DISDIK.2026");
  s = Submit(token, plan);
  EXPECT_TRUE(s.ok()) << Describe(s);
}

TEST(GoalServiceTest, TemplatesWriteTheLeadersExpectationsIntoEveryPlanOnce) {
  Cascade c = ApprovedTopOfCascade();
  gv1::CreatePlanTemplateRequest create;
  gv1::PlanTemplate* tmpl = create.mutable_template_();
  tmpl->set_agency_id(c.org.agency_id);
  tmpl->set_name("Ekspektasi Bidang SD");
  *tmpl->add_results() = Result("Administrasi data sekolah", c.kabid.results(0).id());
  gv1::BehaviourExpectation* expectation = tmpl->add_behaviours();
  expectation->set_value(gv1::CORE_VALUE_COLLABORATIVE);
  expectation->set_expectation("Berbagi data dengan bidang lain setiap bulan");
  gv1::PlanTemplate created;
  grpc::Status s = Stub().CreatePlanTemplate(Ctx(c.org.hr_token).get(), create, &created);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(created.behaviours(), SizeIs(7));
  EXPECT_EQ(created.behaviours(6).value(), gv1::CORE_VALUE_COLLABORATIVE);
  gv1::GetPlanTemplateRequest get;
  get.set_id(created.id());
  gv1::PlanTemplate got;
  ASSERT_TRUE(Stub().GetPlanTemplate(Ctx(c.org.hr_token).get(), get, &got).ok());
  EXPECT_EQ(got.behaviours(6).expectation(), "Berbagi data dengan bidang lain setiap bulan");

  gv1::ApplyPlanTemplateRequest apply;
  apply.set_template_id(created.id());
  apply.set_period_id(c.period.id());
  apply.set_unit_id(c.org.bidang.id());
  apply.set_create_missing_plans(true);
  gv1::ApplyPlanTemplateResponse first;
  s = Stub().ApplyPlanTemplate(Ctx(c.org.hr_token).get(), apply, &first);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(first.applied(), 2) << first.DebugString();
  EXPECT_EQ(first.skipped(), 1) << first.DebugString();  // the approved plan of the bidang head
  for (const auto& outcome : first.outcomes()) {
    if (outcome.kind() != gv1::ApplyPlanTemplateResponse::Outcome::KIND_APPLIED) continue;
    gv1::GetPlanRequest plan_request;
    plan_request.set_id(outcome.plan_id());
    gv1::Plan plan;
    ASSERT_TRUE(Stub().GetPlan(Ctx(c.org.hr_token).get(), plan_request, &plan).ok());
    EXPECT_EQ(plan.behaviours(6).expectation(), "Berbagi data dengan bidang lain setiap bulan");
    EXPECT_EQ(plan.behaviours(0).expectation(), "");
  }
  gv1::ApplyPlanTemplateResponse again;
  s = Stub().ApplyPlanTemplate(Ctx(c.org.hr_token).get(), apply, &again);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(again.already_applied(), 2) << again.DebugString();
}

TEST(GoalServiceTest, OnePeriodPerYearMidYearFillingDaysAndTheCadenceLock) {
  Cascade c = ApprovedTopOfCascade();
  EXPECT_EQ(c.period.mid_year_filling_days(), 30);
  gv1::CreatePeriodRequest second;
  gv1::Period* p = second.mutable_period();
  p->set_agency_id(c.org.agency_id);
  p->set_year(2026);
  p->set_name("SKP 2026 Perubahan");
  *p->mutable_start_date() = Day(2026, 7, 1);
  *p->mutable_end_date() = Day(2026, 12, 31);
  *p->mutable_filling_deadline() = Day(2026, 7, 31);
  p->set_cadence(gv1::CADENCE_MONTHLY);
  gv1::Period out;
  grpc::Status s = Stub().CreatePeriod(Ctx(c.org.hr_token).get(), second, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "PERIOD_EXISTS");
  EXPECT_THAT(s.error_message(), ::testing::HasSubstr(c.period.id()));
  // Another year is another period, with its own mid-year filling days.
  p->set_year(2027);
  *p->mutable_start_date() = Day(2027, 1, 1);
  *p->mutable_end_date() = Day(2027, 12, 31);
  *p->mutable_filling_deadline() = Day(2027, 1, 31);
  p->set_mid_year_filling_days(45);
  s = Stub().CreatePeriod(Ctx(c.org.hr_token).get(), second, &out);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(out.mid_year_filling_days(), 45);

  gv1::UpdatePeriodRequest update;
  update.mutable_period()->set_id(c.period.id());
  update.mutable_period()->set_mid_year_filling_days(0);
  update.mutable_update_mask()->add_paths("mid_year_filling_days");
  s = Stub().UpdatePeriod(Ctx(c.org.hr_token).get(), update, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(ViolatedFields(s), ElementsAre("period.mid_year_filling_days"));
  update.mutable_period()->set_mid_year_filling_days(60);
  s = Stub().UpdatePeriod(Ctx(c.org.hr_token).get(), update, &out);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(out.mid_year_filling_days(), 60);

  // Plans of the period are approved: its cadence stays.
  gv1::UpdatePeriodRequest cadence;
  cadence.mutable_period()->set_id(c.period.id());
  cadence.mutable_period()->set_cadence(gv1::CADENCE_MONTHLY);
  cadence.mutable_update_mask()->add_paths("cadence");
  s = Stub().UpdatePeriod(Ctx(c.org.hr_token).get(), cadence, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "CADENCE_LOCKED");
}

TEST(GoalServiceTest, TransferInTheEmployeeServiceClosesThePlanAndOpensANewOne) {
  Org org = BuildOrg();
  gv1::Period period = CreatePeriod(org);
  gv1::Plan old_plan = CreatePlan(org.hr_token, period, org.staff1);
  // A new position in the dinas.
  ev1::Position analyst = employee::testing::CreatePosition(
      org.hr_token, org.dinas.id(), "Analis Kebijakan", ev1::POSITION_TYPE_PELAKSANA, false);
  ev1::TransferEmployeeRequest transfer;
  transfer.set_employee_id(org.staff1.id());
  transfer.set_position_id(analyst.id());
  *transfer.mutable_effective_date() = Day(2026, 6, 1);
  transfer.set_reason(ev1::ASSIGNMENT_REASON_TRANSFER);
  ev1::Employee moved;
  grpc::Status s =
      GoalsEnv::Get().employees().TransferEmployee(Ctx(org.hr_token).get(), transfer, &moved);
  ASSERT_TRUE(s.ok()) << Describe(s);

  // The goals service follows the employee service's events.
  gv1::ListPlansRequest list;
  list.set_filter(absl::StrCat("employee_id = \"", org.staff1.id(), "\""));
  gv1::ListPlansResponse listed;
  for (int i = 0; i < 200; ++i) {
    s = Stub().ListPlans(Ctx(org.hr_token).get(), list, &listed);
    ASSERT_TRUE(s.ok()) << Describe(s);
    if (listed.plans_size() == 2) break;
    listed.Clear();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_THAT(listed.plans(), SizeIs(2)) << listed.DebugString();
  const gv1::Plan* closed = nullptr;
  const gv1::Plan* opened = nullptr;
  for (const gv1::Plan& p : listed.plans()) (p.id() == old_plan.id() ? closed : opened) = &p;
  ASSERT_NE(closed, nullptr);
  ASSERT_NE(opened, nullptr);
  EXPECT_EQ(closed->state(), gv1::PLAN_STATE_CLOSED);
  EXPECT_EQ(closed->close_reason(), "TRANSFER");
  EXPECT_EQ(closed->end_date().month(), 5);
  EXPECT_EQ(closed->end_date().day(), 31);
  EXPECT_EQ(opened->state(), gv1::PLAN_STATE_DRAFT);
  EXPECT_EQ(opened->employee().position_id(), analyst.id());
  EXPECT_EQ(opened->employee().unit_id(), org.dinas.id());
  // In the dinas the assessor is now the head of the dinas.
  EXPECT_EQ(opened->assessor().employee_id(), org.kadis.id());
}

TEST(GoalServiceTest, EventsAreStreamedToAuditorsOnly) {
  Cascade c = ApprovedTopOfCascade();
  kinerja::common::v1::StreamEventsRequest request;
  request.set_backlog_only(true);
  request.add_types("PlanApproved");
  auto ctx = Ctx(AuditorToken());
  auto reader = Stub().StreamEvents(ctx.get(), request);
  kinerja::common::v1::EventEnvelope event;
  bool saw_kabid = false;
  while (reader->Read(&event)) {
    gv1::PlanChanged payload;
    ASSERT_TRUE(event.payload().UnpackTo(&payload));
    EXPECT_EQ(payload.plan().state(), gv1::PLAN_STATE_APPROVED);
    saw_kabid |= payload.plan().id() == c.kabid.id();
  }
  grpc::Status s = reader->Finish();
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_TRUE(saw_kabid);

  auto denied_ctx = Ctx(c.org.hr_token);
  auto denied = Stub().StreamEvents(denied_ctx.get(), request);
  while (denied->Read(&event)) {
  }
  EXPECT_EQ(denied->Finish().error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

// --- Plans that follow the organisation --------------------------------------------------------

grpc::Status Transfer(const Org& org, const ev1::Employee& who, const std::string& position_id,
                      google::type::Date effective) {
  ev1::TransferEmployeeRequest transfer;
  transfer.set_employee_id(who.id());
  transfer.set_position_id(position_id);
  *transfer.mutable_effective_date() = effective;
  transfer.set_reason(ev1::ASSIGNMENT_REASON_TRANSFER);
  ev1::Employee moved;
  return GoalsEnv::Get().employees().TransferEmployee(Ctx(org.hr_token).get(), transfer, &moved);
}

std::vector<gv1::PlanDecision> Decisions(const std::string& token, const std::string& plan_id) {
  gv1::ListPlanDecisionsRequest request;
  request.set_plan_id(plan_id);
  gv1::ListPlanDecisionsResponse response;
  grpc::Status s = Stub().ListPlanDecisions(Ctx(token).get(), request, &response);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return {response.decisions().begin(), response.decisions().end()};
}

// A submitted plan of staff1 cascading from the head of the bidang's approved result.
gv1::Plan SubmittedStaffPlan(const Cascade& c) {
  const std::string token = PersonToken(c.org.staff1, c.org.agency_id);
  gv1::Plan plan = CreatePlan(token, c.period, c.org.staff1);
  EXPECT_TRUE(
      SetResults(token, plan, {Result("Data siswa mutakhir", c.kabid.results(0).id())}).ok());
  grpc::Status s = Submit(token, plan);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return plan;
}

TEST(GoalServiceTest, AHeadReplacedMidYearDecidesAndTheOldHeadNoLonger) {
  Cascade c = ApprovedTopOfCascade();
  gv1::Plan plan = SubmittedStaffPlan(c);
  EXPECT_EQ(plan.assessor().employee_id(), c.org.kabid.id());

  // On 1 June the head of the bidang moves to the dinas; a new head takes the position.
  ev1::Position analyst = employee::testing::CreatePosition(
      c.org.hr_token, c.org.dinas.id(), "Analis Kebijakan", ev1::POSITION_TYPE_PELAKSANA, false);
  ev1::Position waiting = employee::testing::CreatePosition(
      c.org.hr_token, c.org.dinas.id(), "Calon Kepala Bidang", ev1::POSITION_TYPE_PELAKSANA, false);
  ev1::Employee new_head =
      employee::testing::CreateEmployee(c.org.hr_token, waiting.id(), "Kepala Bidang Baru");
  grpc::Status s = Transfer(c.org, c.org.kabid, analyst.id(), Day(2026, 6, 1));
  ASSERT_TRUE(s.ok()) << Describe(s);
  s = Transfer(c.org, new_head, c.org.kabid_position.id(), Day(2026, 6, 1));
  ASSERT_TRUE(s.ok()) << Describe(s);

  // The one who left cannot decide any more, although the plan was created with him.
  gv1::Plan refused = plan;
  s = Approve(PersonToken(c.org.kabid, c.org.agency_id), refused);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);

  s = Approve(PersonToken(new_head, c.org.agency_id), plan);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(plan.state(), gv1::PLAN_STATE_APPROVED);
  EXPECT_EQ(plan.approved_revision(), 1);
  EXPECT_EQ(plan.assessor().employee_id(), new_head.id());
  EXPECT_EQ(plan.original_assessor().employee_id(), c.org.kabid.id());

  std::vector<gv1::PlanDecision> decisions = Decisions(c.org.hr_token, plan.id());
  ASSERT_THAT(decisions, SizeIs(1));
  EXPECT_EQ(decisions[0].action(), gv1::DECISION_ACTION_APPROVE);
  EXPECT_EQ(decisions[0].decided_by().employee_id(), new_head.id());
  EXPECT_EQ(decisions[0].capacity(), gv1::DECISION_CAPACITY_DEFINITIVE);
  EXPECT_EQ(decisions[0].revision(), 1);

  gv1::GetPlanVersionRequest version_request;
  version_request.set_plan_id(plan.id());
  version_request.set_revision(1);
  gv1::PlanVersion version;
  s = Stub().GetPlanVersion(Ctx(c.org.hr_token).get(), version_request, &version);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(version.approver().employee_id(), new_head.id());
  EXPECT_EQ(version.approver_capacity(), gv1::DECISION_CAPACITY_DEFINITIVE);
}

TEST(GoalServiceTest, APlhOnDutyDecidesAndIsRecordedAsPlh) {
  Cascade c = ApprovedTopOfCascade();
  gv1::Plan plan = SubmittedStaffPlan(c);
  // The head of the bidang is away 10-20 June; a section head stands in (Plh).
  ev1::Position section =
      employee::testing::CreatePosition(c.org.hr_token, c.org.bidang.id(), "Kepala Seksi Kurikulum",
                                        ev1::POSITION_TYPE_PENGAWAS, false);
  ev1::Employee plh = employee::testing::CreateEmployee(c.org.hr_token, section.id(), "Plh");
  ev1::CreateActingOfficialRequest acting;
  acting.mutable_acting_official()->set_position_id(c.org.kabid_position.id());
  acting.mutable_acting_official()->set_employee_id(plh.id());
  acting.mutable_acting_official()->set_kind(ev1::ACTING_KIND_PLH);
  *acting.mutable_acting_official()->mutable_start_date() = Day(2026, 6, 10);
  *acting.mutable_acting_official()->mutable_end_date() = Day(2026, 6, 20);
  acting.mutable_acting_official()->set_basis("ND/800/2026");
  ev1::ActingOfficial created;
  grpc::Status s =
      GoalsEnv::Get().employees().CreateActingOfficial(Ctx(c.org.hr_token).get(), acting, &created);
  ASSERT_TRUE(s.ok()) << Describe(s);

  // Returned by the Plh on duty (the test clock is 15 June), then approved by the Plh.
  gv1::ReturnPlanRequest back;
  back.set_id(plan.id());
  back.set_note("Tambahkan target waktu");
  s = Stub().ReturnPlan(Ctx(PersonToken(plh, c.org.agency_id)).get(), back, &plan);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_TRUE(Submit(PersonToken(c.org.staff1, c.org.agency_id), plan).ok());
  s = Approve(PersonToken(plh, c.org.agency_id), plan);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(plan.assessor().employee_id(), plh.id());
  EXPECT_EQ(plan.assessor().acting(), "PLH");

  std::vector<gv1::PlanDecision> decisions = Decisions(c.org.hr_token, plan.id());
  ASSERT_THAT(decisions, SizeIs(2));
  EXPECT_EQ(decisions[0].action(), gv1::DECISION_ACTION_RETURN);
  EXPECT_EQ(decisions[0].note(), "Tambahkan target waktu");
  EXPECT_EQ(decisions[0].capacity(), gv1::DECISION_CAPACITY_PLH);
  EXPECT_EQ(decisions[1].action(), gv1::DECISION_ACTION_APPROVE);
  EXPECT_EQ(decisions[1].decided_by().employee_id(), plh.id());
  EXPECT_EQ(decisions[1].capacity(), gv1::DECISION_CAPACITY_PLH);
  // The employee reads the decisions on their own plan.
  EXPECT_THAT(Decisions(PersonToken(c.org.staff1, c.org.agency_id), plan.id()), SizeIs(2));
}

TEST(GoalServiceTest, AMidYearPlanStartsOnTheTransferWithItsOwnDeadline) {
  Org org = BuildOrg();
  // The period's filling deadline (31 January) is long past on the test day (15 June).
  gv1::Period period = CreatePeriod(org, Day(2026, 1, 31));
  gv1::Plan old_plan = CreatePlan(org.hr_token, period, org.staff1);
  EXPECT_EQ(old_plan.start_date().month(), 1);
  EXPECT_EQ(old_plan.start_date().day(), 1);
  EXPECT_EQ(old_plan.end_date().month(), 12);
  EXPECT_EQ(old_plan.filling_deadline().month(), 1);
  // Moved on 1 June to a staff position of the city's root unit, assessed by the mayor.
  ev1::Position secretariat = employee::testing::CreatePosition(
      org.hr_token, org.root.id(), "Analis Protokol", ev1::POSITION_TYPE_PELAKSANA, false);
  grpc::Status s = Transfer(org, org.staff1, secretariat.id(), Day(2026, 6, 1));
  ASSERT_TRUE(s.ok()) << Describe(s);
  gv1::ListPlansRequest list;
  list.set_filter(absl::StrCat("employee_id = \"", org.staff1.id(), "\" AND state = \"DRAFT\""));
  gv1::ListPlansResponse listed;
  for (int i = 0; i < 200; ++i) {
    listed.Clear();
    ASSERT_TRUE(Stub().ListPlans(Ctx(org.hr_token).get(), list, &listed).ok());
    if (listed.plans_size() == 1 && listed.plans(0).id() != old_plan.id()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_THAT(listed.plans(), SizeIs(1));
  gv1::Plan plan = listed.plans(0);
  EXPECT_EQ(plan.employee().position_id(), secretariat.id());
  EXPECT_EQ(plan.start_date().month(), 6);
  EXPECT_EQ(plan.start_date().day(), 1);
  EXPECT_EQ(plan.end_date().month(), 12);
  EXPECT_EQ(plan.end_date().day(), 31);
  EXPECT_EQ(plan.filling_deadline().month(), 7);
  EXPECT_EQ(plan.filling_deadline().day(), 1);
  // Submitted on 15 June: within its own deadline although the period's has passed.
  const std::string token = PersonToken(org.staff1, org.agency_id);
  ASSERT_TRUE(SetResults(token, plan, {Result("Agenda protokol tersusun")}).ok());
  s = Submit(token, plan);
  EXPECT_TRUE(s.ok()) << Describe(s);

  // A plan whose start is given explicitly, and one outside the period.
  gv1::CreatePlanRequest request;
  request.set_period_id(period.id());
  request.set_employee_id(org.staff2.id());
  *request.mutable_start_date() = Day(2027, 1, 1);
  gv1::Plan refused;
  s = Stub().CreatePlan(Ctx(org.hr_token).get(), request, &refused);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(FieldsOf(s), ElementsAre("start_date"));
  *request.mutable_start_date() = Day(2026, 3, 2);
  gv1::Plan started;
  s = Stub().CreatePlan(Ctx(org.hr_token).get(), request, &started);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(started.start_date().month(), 3);
  EXPECT_EQ(started.filling_deadline().month(), 4);
  EXPECT_EQ(started.filling_deadline().day(), 1);
}

TEST(GoalServiceTest, ARetirementClosesTheOpenPlan) {
  Org org = BuildOrg();
  gv1::Period period = CreatePeriod(org);
  gv1::Plan plan = CreatePlan(org.hr_token, period, org.staff2);
  ev1::UpdateEmployeeRequest update;
  update.mutable_employee()->set_id(org.staff2.id());
  update.mutable_employee()->set_status(ev1::EMPLOYEE_STATUS_RETIRED);
  update.mutable_update_mask()->add_paths("status");
  ev1::Employee retired;
  grpc::Status s =
      GoalsEnv::Get().employees().UpdateEmployee(Ctx(org.hr_token).get(), update, &retired);
  ASSERT_TRUE(s.ok()) << Describe(s);
  gv1::GetPlanRequest get;
  get.set_id(plan.id());
  gv1::Plan read;
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(Stub().GetPlan(Ctx(org.hr_token).get(), get, &read).ok());
    if (read.state() == gv1::PLAN_STATE_CLOSED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(read.state(), gv1::PLAN_STATE_CLOSED);
  EXPECT_EQ(read.close_reason(), "RETIRED");
  EXPECT_EQ(read.end_date().month(), 6);  // the day the change was reported (test clock)
  EXPECT_EQ(read.end_date().day(), 15);
}

TEST(GoalServiceTest, TheAssessorWritesTheLeadersExpectationsAndTheEmployeeReadsThem) {
  Cascade c = ApprovedTopOfCascade();
  const std::string staff_token = PersonToken(c.org.staff1, c.org.agency_id);
  gv1::Plan plan = CreatePlan(staff_token, c.period, c.org.staff1);
  gv1::SetBehaviourExpectationsRequest request;
  request.set_plan_id(plan.id());
  gv1::BehaviourExpectation* b = request.add_behaviours();
  b->set_value(gv1::CORE_VALUE_SERVICE_ORIENTED);
  b->set_expectation("Data siswa dilayani dalam satu hari kerja");
  gv1::Plan out;
  grpc::Status s = Stub().SetBehaviourExpectations(
      Ctx(PersonToken(c.org.kabid, c.org.agency_id)).get(), request, &out);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(out.behaviours(0).expectation(), "Data siswa dilayani dalam satu hari kerja");
  EXPECT_THAT(out.behaviours(), SizeIs(7));

  // The employee cannot write them, neither here nor through UpdatePlan, but reads them.
  s = Stub().SetBehaviourExpectations(Ctx(staff_token).get(), request, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  gv1::UpdatePlanRequest edit;
  *edit.mutable_plan() = out;
  edit.mutable_plan()->mutable_behaviours(1)->set_expectation("Saya tentukan sendiri");
  edit.mutable_update_mask()->add_paths("behaviours");
  gv1::Plan edited;
  s = Stub().UpdatePlan(Ctx(staff_token).get(), edit, &edited);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  gv1::GetPlanRequest get;
  get.set_id(plan.id());
  gv1::Plan read;
  ASSERT_TRUE(Stub().GetPlan(Ctx(staff_token).get(), get, &read).ok());
  EXPECT_EQ(read.behaviours(0).expectation(), "Data siswa dilayani dalam satu hari kerja");
  EXPECT_EQ(read.behaviours(1).expectation(), "");
  // A bad value names its field.
  request.mutable_behaviours(0)->set_value(gv1::CORE_VALUE_UNSPECIFIED);
  s = Stub().SetBehaviourExpectations(Ctx(c.org.hr_token).get(), request, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(FieldsOf(s), ElementsAre("behaviours[0].value"));
}

TEST(GoalServiceTest, VersionsHaveEffectiveDatesAndOneIsInForceOnADay) {
  Cascade c = ApprovedTopOfCascade();
  const std::string token = PersonToken(c.org.kabid, c.org.agency_id);
  gv1::RevisePlanRequest revise;
  revise.set_id(c.kabid.id());
  revise.set_reason("Indikator kepuasan masyarakat ditambahkan");
  gv1::Plan plan;
  grpc::Status s = Stub().RevisePlan(Ctx(token).get(), revise, &plan);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(plan.revision(), 2);
  EXPECT_EQ(plan.approved_revision(), 1);  // revision 1 stays in force while 2 is written
  ASSERT_TRUE(Submit(token, plan).ok());
  s = Approve(PersonToken(c.org.kadis, c.org.agency_id), plan);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(plan.approved_revision(), 2);

  gv1::ListPlanVersionsRequest list;
  list.set_plan_id(plan.id());
  gv1::ListPlanVersionsResponse versions;
  ASSERT_TRUE(Stub().ListPlanVersions(Ctx(token).get(), list, &versions).ok());
  ASSERT_THAT(versions.versions(), SizeIs(2));
  // Approved on the same test day: revision 1 applied from 1 January, and was superseded on
  // 15 June (Jakarta), when revision 2 began.
  EXPECT_EQ(versions.versions(0).effective_from().month(), 1);
  EXPECT_EQ(versions.versions(1).effective_from().month(), 6);
  EXPECT_EQ(versions.versions(1).effective_from().day(), 15);
  EXPECT_EQ(versions.versions(1).effective_until().month(), 12);
  EXPECT_EQ(versions.versions(1).effective_until().day(), 31);

  gv1::GetPlanVersionRequest get;
  get.set_plan_id(plan.id());
  *get.mutable_date() = Day(2026, 8, 17);
  gv1::PlanVersion in_force;
  s = Stub().GetPlanVersion(Ctx(token).get(), get, &in_force);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(in_force.revision(), 2);
  *get.mutable_date() = Day(2027, 1, 1);
  s = Stub().GetPlanVersion(Ctx(token).get(), get, &in_force);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << Describe(s);
  get.set_revision(1);
  s = Stub().GetPlanVersion(Ctx(token).get(), get, &in_force);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  get.clear_date();
  s = Stub().GetPlanVersion(Ctx(token).get(), get, &in_force);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(in_force.revision(), 1);
  EXPECT_EQ(in_force.plan().revision(), 1);
}

TEST(GoalServiceTest, AReorganisationMovesAUnitAndTheCascadeTreeFollows) {
  Cascade c = ApprovedTopOfCascade();
  // A second dinas with its own head, whose plan the mayor approved (recorded by HR).
  ev1::OrgUnit health = employee::testing::CreateUnit(c.org.hr_token, c.org.agency_id,
                                                      c.org.root.id(), "Dinas Kesehatan");
  ev1::Position head_position = employee::testing::CreatePosition(
      c.org.hr_token, health.id(), "Kepala Dinas Kesehatan", ev1::POSITION_TYPE_JPT_PRATAMA, true);
  ev1::Employee head = employee::testing::CreateEmployee(c.org.hr_token, head_position.id(),
                                                         "Kepala Dinas Kesehatan");
  const std::string head_token = PersonToken(head, c.org.agency_id);
  gv1::Plan head_plan = CreatePlan(head_token, c.period, head);
  ASSERT_TRUE(SetResults(head_token, head_plan,
                         {Result("Meningkatnya derajat kesehatan", "",
                                 gv1::PERSPECTIVE_SERVICE_RECIPIENTS)})
                  .ok());
  ASSERT_TRUE(Submit(head_token, head_plan).ok());
  ASSERT_TRUE(Approve(c.org.hr_token, head_plan).ok());

  // The bidang moves from the education dinas to the health dinas.
  ev1::UpdateOrgUnitRequest move;
  *move.mutable_unit() = c.org.bidang;
  move.mutable_unit()->set_etag("");
  move.mutable_unit()->set_parent_id(health.id());
  move.mutable_update_mask()->add_paths("parent_id");
  ev1::OrgUnit moved;
  grpc::Status s =
      GoalsEnv::Get().employees().UpdateOrgUnit(Ctx(c.org.hr_token).get(), move, &moved);
  ASSERT_TRUE(s.ok()) << Describe(s);

  // The head of the bidang's plan is now assessed by the health dinas' head, and the tree from
  // that head's plan reaches it; the education dinas' tree no longer does.
  gv1::GetCascadeTreeRequest tree_request;
  tree_request.set_plan_id(head_plan.id());
  gv1::CascadeTree tree;
  for (int i = 0; i < 200; ++i) {
    tree.Clear();
    ASSERT_TRUE(Stub().GetCascadeTree(Ctx(c.org.hr_token).get(), tree_request, &tree).ok());
    if (tree.root().reports_size() == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(tree.root().reports_size(), 1) << tree.DebugString();
  EXPECT_EQ(tree.root().reports(0).plan_id(), c.kabid.id());
  gv1::GetPlanRequest get;
  get.set_id(c.kabid.id());
  gv1::Plan kabid;
  ASSERT_TRUE(Stub().GetPlan(Ctx(c.org.hr_token).get(), get, &kabid).ok());
  EXPECT_EQ(kabid.assessor().employee_id(), head.id());
  EXPECT_EQ(kabid.original_assessor().employee_id(), c.org.kadis.id());
  tree_request.set_plan_id(c.kadis.id());
  ASSERT_TRUE(Stub().GetCascadeTree(Ctx(c.org.hr_token).get(), tree_request, &tree).ok());
  EXPECT_EQ(tree.root().reports_size(), 0) << tree.DebugString();
}

}  // namespace
}  // namespace kinerja::goals::testing
