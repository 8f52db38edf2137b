#include "services/goals/domain/access.h"
#include "shared/auth/test_principal.h"

#include <gtest/gtest.h>

#include <string>

namespace kinerja::goals {
namespace {

using auth::Principal;
using auth::Role;

constexpr char kAgency[] = "kota-sawahlunto";
constexpr char kOtherAgency[] = "kota-kupang";
constexpr char kEmployeeNip[] = "198609262015051001";
constexpr char kAssessorNip[] = "197501012000031002";
constexpr char kSuperiorNip[] = "196801011990031003";
constexpr char kOtherNip[] = "199001012015032004";

Principal Make(std::vector<Role> roles, std::string agency = kAgency, std::string nip = kOtherNip) {
  return auth::TestPrincipal(std::move(roles), std::move(agency), std::move(nip));
}

Principal Service() {
  Principal p = Make({Role::kService}, "", "");
  p.service = "review";
  return p;
}

Plan MakePlan() {
  Plan plan;
  plan.id = "plan-1";
  plan.agency_id = kAgency;
  plan.employee.employee_id = "emp-1";
  plan.employee.nip = kEmployeeNip;
  plan.assessor = PlanPerson{};
  plan.assessor->employee_id = "emp-boss";
  plan.assessor->nip = kAssessorNip;
  plan.assessor_superior = PlanPerson{};
  plan.assessor_superior->employee_id = "emp-top";
  plan.assessor_superior->nip = kSuperiorNip;
  return plan;
}

Plan NonAsnPlan() {
  Plan plan = MakePlan();
  plan.assessor = PlanPerson{};
  plan.assessor->name = "Wali Kota";
  plan.assessor->non_asn = true;
  return plan;
}

void ExpectDenied(const absl::Status& status, const std::string& message) {
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << status;
  EXPECT_EQ(std::string(status.message()), message);
}

bool Denied(const absl::Status& status) {
  return status.code() == absl::StatusCode::kPermissionDenied;
}

TEST(CanManageAgency, HrAdminOfAgencyOnly) {
  EXPECT_TRUE(CanManageAgency(Make({Role::kHrAdmin}), kAgency).ok());
  EXPECT_TRUE(Denied(CanManageAgency(Make({Role::kHrAdmin}, kOtherAgency), kAgency)));
  EXPECT_TRUE(Denied(CanManageAgency(Make({Role::kHrAdmin}, ""), "")));
  EXPECT_TRUE(Denied(CanManageAgency(Make({Role::kAuditor}), kAgency)));
  EXPECT_TRUE(Denied(CanManageAgency(Service(), kAgency)));
  EXPECT_TRUE(Denied(CanManageAgency(Make({Role::kEmployee, Role::kUnitLeader}), kAgency)));
  ExpectDenied(CanManageAgency(Make({Role::kEmployee}), kAgency),
               "caller 'user-1' may not manage goals of agency 'kota-sawahlunto': requires an HR "
               "admin of that agency");
}

TEST(CanReadAgency, HrAdminAuditorsServices) {
  EXPECT_TRUE(CanReadAgency(Make({Role::kHrAdmin}), kAgency).ok());
  EXPECT_TRUE(CanReadAgency(Make({Role::kAuditor}, kOtherAgency), kAgency).ok());
  EXPECT_TRUE(CanReadAgency(Service(), kAgency).ok());
  EXPECT_TRUE(Denied(CanReadAgency(Make({Role::kHrAdmin}, kOtherAgency), kAgency)));
  EXPECT_TRUE(Denied(CanReadAgency(Make({Role::kEmployee}), kAgency)));
  EXPECT_TRUE(Denied(CanReadAgency(Make({Role::kUnitLeader}), kAgency)));
}

TEST(CanReadPeriods, CivilServantsOfTheAgencyAndAgencyReaders) {
  EXPECT_TRUE(CanReadPeriods(Make({Role::kEmployee}), kAgency).ok());
  EXPECT_TRUE(CanReadPeriods(Make({Role::kHrAdmin}), kAgency).ok());
  EXPECT_TRUE(CanReadPeriods(Make({Role::kAuditor}, kOtherAgency), kAgency).ok());
  EXPECT_TRUE(Denied(CanReadPeriods(Make({Role::kEmployee}, kOtherAgency), kAgency)));
  EXPECT_TRUE(Denied(CanReadPeriods(Make({Role::kEmployee}, kAgency, ""), kAgency)));
  EXPECT_TRUE(Denied(CanReadPeriods(Make({Role::kPublic}), kAgency)));
}

TEST(CanCreatePlan, EmployeeThemselfOrHrAdmin) {
  EXPECT_TRUE(
      CanCreatePlan(Make({Role::kEmployee}, kAgency, kEmployeeNip), kAgency, kEmployeeNip).ok());
  EXPECT_TRUE(CanCreatePlan(Make({Role::kHrAdmin}), kAgency, kEmployeeNip).ok());
  EXPECT_TRUE(Denied(CanCreatePlan(Make({Role::kEmployee}), kAgency, kEmployeeNip)));
  EXPECT_TRUE(Denied(CanCreatePlan(Make({Role::kHrAdmin}, kOtherAgency), kAgency, kEmployeeNip)));
  EXPECT_TRUE(Denied(CanCreatePlan(Make({Role::kAuditor}), kAgency, kEmployeeNip)));
  // An empty NIP never matches.
  EXPECT_TRUE(Denied(CanCreatePlan(Make({Role::kEmployee}, kAgency, ""), kAgency, "")));
}

TEST(CanReadPlan, EveryoneInvolved) {
  const Plan plan = MakePlan();
  EXPECT_TRUE(CanReadPlan(Make({Role::kEmployee}, kAgency, kEmployeeNip), plan).ok());
  EXPECT_TRUE(CanReadPlan(Make({Role::kEmployee}, kAgency, kAssessorNip), plan).ok());
  EXPECT_TRUE(CanReadPlan(Make({Role::kUnitLeader}, kAgency, kSuperiorNip), plan).ok());
  EXPECT_TRUE(CanReadPlan(Make({Role::kHrAdmin}), plan).ok());
  EXPECT_TRUE(CanReadPlan(Make({Role::kAuditor}, ""), plan).ok());
  EXPECT_TRUE(CanReadPlan(Service(), plan).ok());
  ExpectDenied(CanReadPlan(Make({Role::kEmployee}), plan),
               "caller 'user-1' may not read plan plan-1: requires being its employee, their "
               "assessor or the assessor's superior, an HR admin of its agency, an auditor or a "
               "service");
  EXPECT_TRUE(Denied(CanReadPlan(Make({Role::kHrAdmin}, kOtherAgency), plan)));
  // A NIP claim needs a civil servant's role.
  EXPECT_TRUE(Denied(CanReadPlan(Make({Role::kPublic}, kAgency, kEmployeeNip), plan)));
}

TEST(CanReadPlan, NonAsnAssessorWithoutNipMatchesNobody) {
  const Plan plan = NonAsnPlan();
  EXPECT_TRUE(Denied(CanReadPlan(Make({Role::kEmployee}, kAgency, ""), plan)));
}

TEST(CanEditPlan, EmployeeOrHrAdmin) {
  const Plan plan = MakePlan();
  EXPECT_TRUE(CanEditPlan(Make({Role::kEmployee}, kAgency, kEmployeeNip), plan).ok());
  EXPECT_TRUE(CanEditPlan(Make({Role::kHrAdmin}), plan).ok());
  EXPECT_TRUE(Denied(CanEditPlan(Make({Role::kEmployee}, kAgency, kAssessorNip), plan)));
  EXPECT_TRUE(Denied(CanEditPlan(Make({Role::kHrAdmin}, kOtherAgency), plan)));
  EXPECT_TRUE(Denied(CanEditPlan(Make({Role::kAuditor}), plan)));
  EXPECT_TRUE(Denied(CanEditPlan(Service(), plan)));
}

TEST(CanDecidePlan, AsnAssessorByNip) {
  const Plan plan = MakePlan();
  EXPECT_TRUE(CanDecidePlan(Make({Role::kEmployee}, kAgency, kAssessorNip), plan).ok());
  EXPECT_TRUE(CanDecidePlan(Make({Role::kUnitLeader}, kOtherAgency, kAssessorNip), plan).ok());
  // HR admins do not decide for a civil-servant assessor, nor does the assessor's superior.
  ExpectDenied(CanDecidePlan(Make({Role::kHrAdmin}), plan),
               "caller 'user-1' may not approve or return plan plan-1: requires being its "
               "assessor");
  EXPECT_TRUE(Denied(CanDecidePlan(Make({Role::kUnitLeader}, kAgency, kSuperiorNip), plan)));
  EXPECT_TRUE(Denied(CanDecidePlan(Make({Role::kAuditor}, kAgency, kAssessorNip), plan)));
  EXPECT_TRUE(Denied(CanDecidePlan(Service(), plan)));
}

TEST(CanDecidePlan, NeverOwnPlan) {
  Plan plan = MakePlan();
  plan.assessor->nip = kEmployeeNip;  // bad data: the employee listed as their own assessor
  ExpectDenied(CanDecidePlan(Make({Role::kEmployee}, kAgency, kEmployeeNip), plan),
               "caller 'user-1' may not approve or return plan plan-1: an employee never decides "
               "their own plan");
  Plan non_asn = NonAsnPlan();
  EXPECT_TRUE(Denied(CanDecidePlan(Make({Role::kHrAdmin}, kAgency, kEmployeeNip), non_asn)));
}

TEST(CanDecidePlan, NonAsnAssessorThroughHrAdmin) {
  const Plan plan = NonAsnPlan();
  EXPECT_TRUE(CanDecidePlan(Make({Role::kHrAdmin}), plan).ok());
  EXPECT_TRUE(Denied(CanDecidePlan(Make({Role::kHrAdmin}, kOtherAgency), plan)));
  EXPECT_TRUE(Denied(CanDecidePlan(Make({Role::kEmployee}), plan)));
  EXPECT_TRUE(Denied(CanDecidePlan(Make({Role::kEmployee}, kAgency, ""), plan)));
}

TEST(CanDecidePlan, NoAssessorExplains) {
  Plan plan = MakePlan();
  plan.assessor.reset();
  absl::Status status = CanDecidePlan(Make({Role::kHrAdmin}), plan);
  EXPECT_TRUE(Denied(status));
  EXPECT_NE(std::string(status.message()).find("no assessor"), std::string::npos) << status;
}

TEST(DecisionBy, RecordsTheOfficialOfTheDayAndTheirCapacity) {
  Plan plan = MakePlan();
  plan.revision = 2;
  const absl::Time now = absl::FromUnixSeconds(1780000000);
  const Principal assessor = Make({Role::kEmployee}, kAgency, kAssessorNip);
  PlanDecision d = DecisionBy(assessor, plan, DecisionAction::kApprove, "", now);
  EXPECT_EQ(d.plan_id, "plan-1");
  EXPECT_EQ(d.revision, 2);
  EXPECT_EQ(d.action, DecisionAction::kApprove);
  EXPECT_EQ(d.decided_by.nip, kAssessorNip);
  EXPECT_EQ(d.capacity, DecisionCapacity::kDefinitive);
  EXPECT_EQ(d.recorded_by, assessor.subject);
  EXPECT_EQ(d.decide_time, now);

  const std::vector<std::pair<std::string, DecisionCapacity>> by_capacity = {
      {"PLT", DecisionCapacity::kPlt},
      {"PLH", DecisionCapacity::kPlh},
      {"DELEGATED", DecisionCapacity::kDelegated},
      {"PJ", DecisionCapacity::kPj},
      {"DEFINITIVE", DecisionCapacity::kDefinitive}};
  for (const auto& [capacity, expected] : by_capacity) {
    plan.assessor->capacity = capacity;
    EXPECT_EQ(DecisionBy(assessor, plan, DecisionAction::kReturn, "fix", now).capacity, expected)
        << capacity;
  }
  // A line taken before capacities were reported still says Plt / Plh through `acting`.
  plan.assessor->capacity.clear();
  plan.assessor->acting = "PLH";
  EXPECT_EQ(DecisionBy(assessor, plan, DecisionAction::kReturn, "fix", now).capacity,
            DecisionCapacity::kPlh);
  PlanDecision returned = DecisionBy(assessor, plan, DecisionAction::kReturn, "fix", now);
  EXPECT_EQ(returned.action, DecisionAction::kReturn);
  EXPECT_EQ(returned.note, "fix");
}

TEST(CanSetExpectations, AssessorOrHrNeverTheEmployee) {
  const Plan plan = MakePlan();
  EXPECT_TRUE(CanSetExpectations(Make({Role::kEmployee}, kAgency, kAssessorNip), plan).ok());
  EXPECT_TRUE(CanSetExpectations(Make({Role::kHrAdmin}), plan).ok());
  EXPECT_TRUE(Denied(CanSetExpectations(Make({Role::kEmployee}, kAgency, kEmployeeNip), plan)));
  EXPECT_TRUE(Denied(CanSetExpectations(Make({Role::kHrAdmin}, kAgency, kEmployeeNip), plan)));
  EXPECT_TRUE(Denied(CanSetExpectations(Make({Role::kHrAdmin}, kOtherAgency), plan)));
  EXPECT_TRUE(Denied(CanSetExpectations(Make({Role::kEmployee}, kAgency, kSuperiorNip), plan)));
  EXPECT_TRUE(Denied(CanSetExpectations(Service(), plan)));
}

TEST(DecisionBy, HrRecordsForANonAsnHead) {
  const Plan plan = NonAsnPlan();
  const Principal hr = Make({Role::kHrAdmin});
  PlanDecision d = DecisionBy(hr, plan, DecisionAction::kApprove, "", absl::UnixEpoch());
  EXPECT_EQ(d.capacity, DecisionCapacity::kHrForNonAsn);
  EXPECT_TRUE(d.decided_by.non_asn);
  EXPECT_EQ(d.recorded_by, hr.subject);
}

TEST(CanStreamEvents, AuditorsAndServices) {
  EXPECT_TRUE(CanStreamEvents(Make({Role::kAuditor})).ok());
  EXPECT_TRUE(CanStreamEvents(Service()).ok());
  EXPECT_TRUE(Denied(CanStreamEvents(Make({Role::kHrAdmin}))));
  EXPECT_TRUE(Denied(CanStreamEvents(Make({Role::kEmployee}))));
}

TEST(Access, PublicCallersSeeAggregatesOnly) {
  const Plan plan = MakePlan();
  for (const Principal& p : {Make({Role::kPublic}, "", ""), Make({}, "", "")}) {
    ExpectDenied(CanReadPlan(p, plan),
                 "public callers see aggregates only and may not read plan plan-1");
    ExpectDenied(CanDecidePlan(p, plan),
                 "public callers see aggregates only and may not approve or return plan plan-1");
    ExpectDenied(CanStreamEvents(p),
                 "public callers see aggregates only and may not stream goals events");
    ExpectDenied(CanReadAgency(p, kAgency),
                 "public callers see aggregates only and may not read goals of agency "
                 "'kota-sawahlunto'");
  }
}

TEST(Access, AnyRoleSuffices) {
  const Plan plan = MakePlan();
  EXPECT_TRUE(CanReadPlan(Make({Role::kPublic, Role::kAuditor}), plan).ok());
  EXPECT_TRUE(CanManageAgency(Make({Role::kEmployee, Role::kHrAdmin}), kAgency).ok());
}

}  // namespace
}  // namespace kinerja::goals
