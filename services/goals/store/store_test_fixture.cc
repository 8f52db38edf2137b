#include "services/goals/store/store_test_fixture.h"

#include "absl/strings/str_cat.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/workflow.h"

namespace kinerja::goals::store::testing {

WriteOptions StoreTest::Write(const std::string& request_id) const {
  using ::kinerja::testing::StoreDatabase;
  return request_id.empty() ? StoreDatabase::Write() : StoreDatabase::IdempotentWrite(request_id);
}

Period StoreTest::NewPeriod(const std::string& agency_id, int year, const std::string& name) {
  Period period;
  period.agency_id = agency_id;
  period.year = year;
  period.name = name;
  period.start_date = absl::CivilDay(year, 1, 1);
  period.end_date = absl::CivilDay(year, 12, 31);
  period.filling_deadline = absl::CivilDay(year, 1, 31);
  period.cadence = Cadence::kQuarterly;
  return period;
}

Period StoreTest::AddPeriod(const std::string& agency_id, int year, const std::string& name) {
  auto created = store_->CreatePeriod(NewPeriod(agency_id, year, name), Write());
  EXPECT_TRUE(created.ok()) << created.status();
  return created.ok() ? *created : Period();
}

PlanPerson StoreTest::Person(const std::string& employee_id, const std::string& name,
                             const std::string& unit_id) {
  PlanPerson p;
  p.employee_id = employee_id;
  p.nip = absl::StrCat("19860926201505", employee_id.size() % 10, "001");
  p.name = name;
  p.position_id = absl::StrCat("pos-", employee_id);
  p.position_name = absl::StrCat("Jabatan ", name);
  p.unit_id = unit_id;
  p.unit_name = absl::StrCat("Unit ", unit_id);
  p.rank_label = "III/a";
  return p;
}

Plan StoreTest::NewPlan(const std::string& period_id, const std::string& employee_id,
                        const std::string& name, const std::string& assessor_id,
                        const std::string& position_type, const std::string& unit_id) {
  Plan plan;
  plan.period_id = period_id;
  plan.employee = Person(employee_id, name, unit_id);
  plan.position_type = position_type;
  if (assessor_id == kNonAsn) {
    PlanPerson head;
    head.name = "Wali Kota Contoh";
    head.position_name = "Wali Kota";
    head.non_asn = true;
    plan.assessor = head;
  } else if (!assessor_id.empty()) {
    plan.assessor = Person(assessor_id, absl::StrCat("Atasan ", assessor_id), unit_id);
    plan.assessor_superior = Person("kepala", "Kepala Dinas", "unit-0");
  }
  plan.content = NewContent(PlanStyle::kQuantitative);
  plan.start_date = absl::CivilDay(2024, 1, 1);  // the whole of NewPeriod's year
  plan.end_date = absl::CivilDay(2024, 12, 31);
  plan.filling_deadline = absl::CivilDay(2024, 1, 31);
  return plan;
}

Plan StoreTest::AddPlan(const std::string& period_id, const std::string& employee_id,
                        const std::string& name, const std::string& assessor_id,
                        const std::string& position_type) {
  auto created = store_->CreatePlan(
      NewPlan(period_id, employee_id, name, assessor_id, position_type), Write());
  EXPECT_TRUE(created.ok()) << created.status();
  return created.ok() ? *created : Plan();
}

WorkResult StoreTest::Result(const std::string& text, const std::string& parent_result_id,
                             Aspect aspect, Perspective perspective) {
  WorkResult r;
  r.kind = ResultKind::kMain;
  r.text = text;
  r.parent_result_id = parent_result_id;
  r.perspective = perspective;
  Indicator i;
  i.text = absl::StrCat("Jumlah ", text);
  i.aspect = aspect;
  i.target_min = 1;
  i.target_max = 2.5;
  i.target_unit = "dokumen";
  r.indicators.push_back(i);
  return r;
}

UnitPolicy StoreTest::Policy(const std::string& agency_id, const std::string& unit_id,
                             bool public_service) {
  UnitPolicy policy;
  policy.agency_id = agency_id;
  policy.unit_id = unit_id;
  policy.public_service = public_service;
  return policy;
}

DeadlineExtension StoreTest::Extension(const std::string& period_id, const std::string& employee_id,
                                       absl::CivilDay until, const std::string& reason) {
  DeadlineExtension extension;
  extension.period_id = period_id;
  extension.employee_id = employee_id;
  extension.until = until;
  extension.reason = reason;
  return extension;
}

TransferEffect StoreTest::Transfer(const std::string& employee_id, absl::CivilDay effective_date,
                                   std::vector<std::string> close_plan_ids,
                                   std::vector<Plan> new_plans) {
  TransferEffect effect;
  effect.employee_id = employee_id;
  effect.effective_date = effective_date;
  effect.close_plan_ids = std::move(close_plan_ids);
  effect.new_plans = std::move(new_plans);
  return effect;
}

absl::StatusOr<Plan> StoreTest::Edit(const Plan& plan, std::vector<WorkResult> results,
                                     const std::string& request_id) {
  PlanContent candidate = plan.content;
  candidate.results = std::move(results);
  PlanMutation m;
  m.action = "plan.update";
  m.event_type = kPlanUpdated;
  m.today = kToday;
  m.apply = [candidate](Plan& p, const PlanFacts& facts) -> absl::Status {
    PlanContent next = candidate;
    absl::Status ids = AssignIds(p.content, next, NewContentId);
    if (!ids.ok()) return ids;
    return ApplyEdit(p, std::move(next), facts);
  };
  return store_->MutatePlan(plan.id, plan.version, std::move(m), Write(request_id), &candidate);
}

absl::StatusOr<Plan> StoreTest::Submit(const std::string& plan_id) {
  PlanMutation m;
  m.action = "plan.submit";
  m.event_type = kPlanSubmitted;
  m.today = kToday;
  m.apply = [](Plan& p, const PlanFacts& facts) { return ApplySubmit(p, facts, absl::Now()); };
  return store_->MutatePlan(plan_id, std::nullopt, std::move(m), Write());
}

absl::StatusOr<Plan> StoreTest::Approve(const std::string& plan_id) {
  PlanMutation m;
  m.action = "plan.approve";
  m.event_type = kPlanApproved;
  m.today = kToday;
  m.apply = [](Plan& p, const PlanFacts& facts) { return ApplyApprove(p, facts, absl::Now()); };
  return store_->MutatePlan(plan_id, std::nullopt, std::move(m), Write());
}

absl::StatusOr<Plan> StoreTest::Revise(const std::string& plan_id, const std::string& reason) {
  PlanMutation m;
  m.action = "plan.revise";
  m.event_type = kPlanRevised;
  m.note = reason;
  m.today = kToday;
  m.apply = [reason](Plan& p, const PlanFacts& facts) { return ApplyRevise(p, facts, reason); };
  return store_->MutatePlan(plan_id, std::nullopt, std::move(m), Write());
}

Plan StoreTest::EditAndApprove(const Plan& plan, std::vector<WorkResult> results) {
  auto edited = Edit(plan, std::move(results));
  EXPECT_TRUE(edited.ok()) << edited.status();
  auto submitted = Submit(plan.id);
  EXPECT_TRUE(submitted.ok()) << submitted.status();
  auto approved = Approve(plan.id);
  EXPECT_TRUE(approved.ok()) << approved.status();
  return approved.ok() ? *approved : plan;
}

}  // namespace kinerja::goals::store::testing
