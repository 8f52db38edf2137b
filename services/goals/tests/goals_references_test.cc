// What a careless integrator or an attacker sends the goals service: ids of another agency or of
// nothing, strings with NUL characters or a megabyte, names that are not position types. Every
// id a write names is checked where it lives (the employee service); bad strings are refused at
// the edge naming the field; nothing is written.
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "services/goals/tests/goals_fixture.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::testing {
namespace {

using employee::testing::BadRequestOf;
using employee::testing::BuildOrg;
using employee::testing::HrAdminToken;
using employee::testing::Org;

gv1::GoalService::Stub& Stub() { return GoalsEnv::Get().stub(); }

// A valid 2026 period of `agency_id` (filling deadline end of March).
gv1::CreatePeriodRequest PeriodRequest(const std::string& agency_id) {
  gv1::CreatePeriodRequest request;
  gv1::Period* p = request.mutable_period();
  p->set_agency_id(agency_id);
  p->set_year(2026);
  p->set_name("SKP 2026");
  *p->mutable_start_date() = rpc::DayToProto(absl::CivilDay(2026, 1, 1));
  *p->mutable_end_date() = rpc::DayToProto(absl::CivilDay(2026, 12, 31));
  *p->mutable_filling_deadline() = rpc::DayToProto(absl::CivilDay(2026, 3, 31));
  p->set_cadence(gv1::CADENCE_QUARTERLY);
  return request;
}

gv1::Period NewPeriod(const Org& org) {
  gv1::Period out;
  grpc::Status s = Stub().CreatePeriod(Ctx(org.hr_token).get(), PeriodRequest(org.agency_id), &out);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return out;
}

std::string FieldOf(const grpc::Status& status) {
  auto bad = BadRequestOf(status);
  return bad.field_violations_size() > 0 ? bad.field_violations(0).field() : "";
}

struct TwoAgencies {
  Org mine;
  Org theirs;
};

TwoAgencies Orgs() { return {BuildOrg(), BuildOrg()}; }

grpc::Status SetPolicy(const Org& org, const std::string& unit_id, gv1::UnitPolicy* out) {
  gv1::SetUnitPolicyRequest request;
  request.mutable_policy()->set_agency_id(org.agency_id);
  request.mutable_policy()->set_unit_id(unit_id);
  request.mutable_policy()->set_public_service(true);
  return Stub().SetUnitPolicy(Ctx(org.hr_token).get(), request, out);
}

TEST(GoalReferencesTest, UnitPolicyIsSetOnlyForAnExistingUnitOfTheAgency) {
  TwoAgencies orgs = Orgs();
  gv1::UnitPolicy out;
  grpc::Status s = SetPolicy(orgs.mine, orgs.theirs.bidang.id(), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "DIFFERENT_AGENCY") << Describe(s);
  s = SetPolicy(orgs.mine, "no-such-unit", &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "REFERENCE_NOT_FOUND") << Describe(s);

  // Nothing was stored for either.
  gv1::ListUnitPoliciesRequest list;
  list.set_filter(absl::StrCat("agency_id = \"", orgs.mine.agency_id, "\""));
  gv1::ListUnitPoliciesResponse listed;
  ASSERT_TRUE(Stub().ListUnitPolicies(Ctx(orgs.mine.hr_token).get(), list, &listed).ok());
  EXPECT_EQ(listed.policies_size(), 0);

  s = SetPolicy(orgs.mine, orgs.mine.bidang.id(), &out);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(out.unit_id(), orgs.mine.bidang.id());
}

TEST(GoalReferencesTest, DeadlineExtensionsAreGrantedOnlyToEmployeesOfThePeriodsAgency) {
  TwoAgencies orgs = Orgs();
  gv1::Period period = NewPeriod(orgs.mine);
  auto grant = [&](const std::string& employee_id, gv1::DeadlineExtension* out) {
    gv1::GrantDeadlineExtensionRequest request;
    request.set_period_id(period.id());
    request.set_employee_id(employee_id);
    *request.mutable_until() = rpc::DayToProto(absl::CivilDay(2026, 12, 31));
    request.set_reason("cuti melahirkan");
    return Stub().GrantDeadlineExtension(Ctx(orgs.mine.hr_token).get(), request, out);
  };
  gv1::DeadlineExtension out;
  grpc::Status s = grant(orgs.theirs.staff1.id(), &out);
  EXPECT_EQ(ReasonOf(s), "DIFFERENT_AGENCY") << Describe(s);
  s = grant("no-such-employee", &out);
  EXPECT_EQ(ReasonOf(s), "REFERENCE_NOT_FOUND") << Describe(s);
  s = grant(orgs.mine.staff1.id(), &out);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(out.employee_id(), orgs.mine.staff1.id());
}

TEST(GoalReferencesTest, APeriodNeedsAnAgencyThatExists) {
  const std::string ghost = employee::testing::UniqueId("ghost-agency");
  gv1::Period out;
  grpc::Status s = Stub().CreatePeriod(Ctx(HrAdminToken(ghost)).get(), PeriodRequest(ghost), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "REFERENCE_NOT_FOUND") << Describe(s);
}

TEST(GoalReferencesTest, TemplatesTargetOnlyRealPositionTypesAndUnitsOfTheAgency) {
  TwoAgencies orgs = Orgs();
  gv1::Period period = NewPeriod(orgs.mine);
  gv1::CreatePlanTemplateRequest create;
  create.mutable_template_()->set_agency_id(orgs.mine.agency_id);
  create.mutable_template_()->set_name("Template");
  gv1::WorkResult* result = create.mutable_template_()->add_results();
  result->set_kind(gv1::RESULT_KIND_MAIN);
  result->set_text("Administrasi data sekolah");
  gv1::Indicator* indicator = result->add_indicators();
  indicator->set_text("Data sekolah mutakhir");
  indicator->set_aspect(gv1::ASPECT_QUANTITY);
  indicator->set_target_min(90);
  indicator->set_target_max(100);
  indicator->set_target_unit("%");
  gv1::PlanTemplate tmpl;
  grpc::Status created = Stub().CreatePlanTemplate(Ctx(orgs.mine.hr_token).get(), create, &tmpl);
  ASSERT_TRUE(created.ok()) << Describe(created);

  gv1::ApplyPlanTemplateRequest apply;
  apply.set_template_id(tmpl.id());
  apply.set_period_id(period.id());
  apply.set_position_type("NOT_A_TYPE");
  gv1::ApplyPlanTemplateResponse out;
  grpc::Status s = Stub().ApplyPlanTemplate(Ctx(orgs.mine.hr_token).get(), apply, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_EQ(FieldOf(s), "position_type");

  apply.set_unit_id(orgs.theirs.bidang.id());
  s = Stub().ApplyPlanTemplate(Ctx(orgs.mine.hr_token).get(), apply, &out);
  EXPECT_EQ(ReasonOf(s), "DIFFERENT_AGENCY") << Describe(s);

  apply.set_position_type("PELAKSANA");
  s = Stub().ApplyPlanTemplate(Ctx(orgs.mine.hr_token).get(), apply, &out);
  EXPECT_TRUE(s.ok()) << Describe(s);
}

TEST(GoalReferencesTest, BadStringsAreRefusedAtTheEdgeNamingTheField) {
  Org org = BuildOrg();
  gv1::CreatePeriodRequest request;
  request.mutable_period()->set_agency_id(org.agency_id);
  request.mutable_period()->set_year(2026);
  request.mutable_period()->set_name(std::string("SKP\0 2026", 9));
  gv1::Period out;
  grpc::Status s = Stub().CreatePeriod(Ctx(org.hr_token).get(), request, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_EQ(FieldOf(s), "period.name");

  request.mutable_period()->set_name(std::string(1 << 20, 'x'));
  s = Stub().CreatePeriod(Ctx(org.hr_token).get(), request, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_EQ(FieldOf(s), "period.name");
  EXPECT_LT(s.error_message().size(), 200u) << "a megabyte input is not echoed back";

  gv1::ListPeriodsRequest list;
  list.set_filter(absl::StrCat("agency_id = \"", org.agency_id, "\""));
  gv1::ListPeriodsResponse listed;
  ASSERT_TRUE(Stub().ListPeriods(Ctx(org.hr_token).get(), list, &listed).ok());
  EXPECT_EQ(listed.periods_size(), 0) << "nothing was stored";
}

}  // namespace
}  // namespace kinerja::goals::testing
