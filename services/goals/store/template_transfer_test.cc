// Store tests of plan templates (idempotent application) and of the transfer consumer (close,
// create and cursor in one transaction; replays change nothing).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "services/goals/store/store_test_fixture.h"
#include "shared/errors/errors.h"

namespace kinerja::goals::store::testing {
namespace {

using ::testing::HasSubstr;

PlanTemplate NewTemplate() {
  PlanTemplate tmpl;
  tmpl.agency_id = "kota";
  tmpl.name = "Pelayanan administrasi";
  tmpl.results = {StoreTest::Result("Layanan surat"), StoreTest::Result("Layanan arsip")};
  tmpl.results[1].kind = ResultKind::kAdditional;
  tmpl.results[0].id = "ignored";
  return tmpl;
}

TEST_F(StoreTest, TemplateCreateGetAndApplyIdempotently) {
  auto created = store_->CreateTemplate(NewTemplate(), Write());
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_FALSE(created->id.empty());
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(Count("outbox", "type = 'PlanTemplateCreated'"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'plan_template.create'"), 1);
  auto got = store_->GetTemplate(created->id);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->results.size(), 2u);
  EXPECT_EQ(got->results[0].id, "");  // ids are not kept
  EXPECT_EQ(got->results[0].text, "Layanan surat");
  EXPECT_EQ(got->results[1].kind, ResultKind::kAdditional);
  EXPECT_EQ(got->results[0].indicators, created->results[0].indicators);
  EXPECT_EQ(got->name, "Pelayanan administrasi");
  EXPECT_EQ(store_->GetTemplate("nope").status().code(), absl::StatusCode::kNotFound);

  PlanTemplate invalid = NewTemplate();
  invalid.results.clear();
  EXPECT_EQ(store_->CreateTemplate(invalid, Write()).status().code(),
            absl::StatusCode::kInvalidArgument);

  Period period = AddPeriod();
  Plan plan = AddPlan(period.id, "emp-1", "Budi", StoreTest::kNonAsn, "ADMINISTRATOR");
  auto applied = store_->ApplyTemplateToPlan(plan.id, *got, kToday, Write());
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(applied->kind, TemplateResult::kApplied);
  ASSERT_EQ(applied->plan.content.results.size(), 2u);
  EXPECT_EQ(applied->plan.content.results[0].template_id, got->id);
  EXPECT_EQ(applied->plan.version, 2);
  EXPECT_EQ(Count("plan_results", "template_id = '" + got->id + "'"), 2);
  EXPECT_EQ(Count("outbox", "type = 'PlanUpdated'"), 1);

  const int64_t results = Count("plan_results");
  const int64_t events = Count("outbox");
  const int64_t audits = Count("audit_log");
  auto again = store_->ApplyTemplateToPlan(plan.id, *got, kToday, Write());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->kind, TemplateResult::kAlreadyApplied);
  EXPECT_EQ(again->plan.version, 2);
  EXPECT_EQ(again->plan.content, applied->plan.content);
  EXPECT_EQ(Count("plan_results"), results);
  EXPECT_EQ(Count("outbox"), events);
  EXPECT_EQ(Count("audit_log"), audits);

  // With a request id, a replay returns the first answer's kind.
  Plan other = AddPlan(period.id, "emp-2", "Ani", StoreTest::kNonAsn, "ADMINISTRATOR");
  auto first = store_->ApplyTemplateToPlan(other.id, *got, kToday, Write("apply-1"));
  ASSERT_TRUE(first.ok()) << first.status();
  auto replay = store_->ApplyTemplateToPlan(other.id, *got, kToday, Write("apply-1"));
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_EQ(replay->kind, TemplateResult::kApplied);
  EXPECT_EQ(replay->plan.content, first->plan.content);

  // Not editable: the domain's edit rules.
  ASSERT_TRUE(Submit(other.id).ok());
  PlanTemplate second = *got;
  second.id = "another-template";
  auto refused = store_->ApplyTemplateToPlan(other.id, second, kToday, Write());
  EXPECT_EQ(errors::ReasonOf(refused.status()).value_or(""), "PLAN_NOT_EDITABLE");
  // A JPT plan needs perspectives.
  Plan jpt = AddPlan(period.id, "emp-3", "Citra", StoreTest::kNonAsn, "JPT_PRATAMA");
  auto mismatch = store_->ApplyTemplateToPlan(jpt.id, *got, kToday, Write());
  EXPECT_EQ(errors::ReasonOf(mismatch.status()).value_or(""), "TEMPLATE_PERSPECTIVE_MISMATCH");
}

TEST_F(StoreTest, ApplyTransferClosesAndCreatesOnceAndRefusesAnotherEmployeesPlan) {
  Period period = AddPeriod();
  Plan old_plan = AddPlan(period.id, "emp-1", "Budi", "boss");
  Plan kept = AddPlan(period.id, "emp-2", "Ani", "boss");
  Plan fresh = NewPlan(period.id, "emp-1", "Budi", "new-boss", "PELAKSANA", "unit-9");
  fresh.employee.position_id = "pos-new";
  // Already open for the new position (e.g. created by an earlier run): left as is.
  Plan existing_target = NewPlan(period.id, "emp-1", "Budi", "new-boss", "PELAKSANA", "unit-9");
  existing_target.employee.position_id = "pos-existing";
  auto existing = store_->CreatePlan(existing_target, Write());
  ASSERT_TRUE(existing.ok()) << existing.status();

  TransferEffect effect =
      Transfer("emp-1", absl::CivilDay(2024, 7, 1), {old_plan.id}, {fresh, existing_target});
  auto created = store_->ApplyTransfer(effect, Write());
  ASSERT_TRUE(created.ok()) << created.status();
  ASSERT_EQ(created->size(), 1u);
  EXPECT_EQ((*created)[0].employee.position_id, "pos-new");
  EXPECT_EQ((*created)[0].state, PlanState::kDraft);
  EXPECT_EQ((*created)[0].agency_id, "kota");
  EXPECT_EQ((*created)[0].assessor->employee_id, "new-boss");

  auto closed = store_->GetPlan(old_plan.id);
  ASSERT_TRUE(closed.ok()) << closed.status();
  EXPECT_EQ(closed->state, PlanState::kClosed);
  EXPECT_EQ(closed->close_reason, "TRANSFER");
  EXPECT_EQ(closed->end_date, absl::CivilDay(2024, 6, 30));
  EXPECT_EQ(closed->version, 2);
  EXPECT_EQ(store_->GetPlan(kept.id)->state, PlanState::kDraft);
  EXPECT_EQ(Count("outbox", "type = 'PlanClosed' AND aggregate_id = '" + old_plan.id + "'"), 1);
  EXPECT_EQ(Count("outbox", "type = 'PlanCreated' AND aggregate_id = '" + (*created)[0].id + "'"),
            1);
  // The closed plan no longer blocks a plan for its position.
  auto open = store_->ListOpenPlansOfEmployee("emp-1");
  ASSERT_TRUE(open.ok()) << open.status();
  EXPECT_EQ(open->size(), 2u);

  // A replay changes nothing.
  const int64_t events = Count("outbox");
  const int64_t audits = Count("audit_log");
  const int64_t plans = Count("plans");
  auto replay = store_->ApplyTransfer(effect, Write());
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_TRUE(replay->empty());
  EXPECT_EQ(Count("outbox"), events);
  EXPECT_EQ(Count("audit_log"), audits);
  EXPECT_EQ(Count("plans"), plans);
  EXPECT_EQ(store_->GetPlan(old_plan.id)->version, 2);

  // A plan of someone else is refused, and nothing is written.
  TransferEffect wrong = Transfer("emp-1", absl::CivilDay(2024, 8, 1), {kept.id});
  auto refused = store_->ApplyTransfer(wrong, Write());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->GetPlan(kept.id)->state, PlanState::kDraft);
  EXPECT_EQ(Count("outbox"), events);
}

TEST_F(StoreTest, OrgChangeRefreshesChangedLinesOnlyAndClosesPlansOfLeavers) {
  Period period = AddPeriod();
  Plan a = AddPlan(period.id, "emp-1", "Budi", "boss");
  Plan b = AddPlan(period.id, "emp-2", "Ani", "boss");
  Plan leaver = AddPlan(period.id, "emp-3", "Citra", "boss");

  // emp-1's line changed (a new head); emp-2's did not; someone without a plan is ignored.
  EmployeeLine changed{"emp-1",
                       a.employee.position_id,
                       Person("new-boss", "Kepala Baru"),
                       a.assessor_superior,
                       {"unit-0", "unit-1"}};
  changed.assessor->capacity = "PLT";
  changed.assessor->acting = "PLT";
  EmployeeLine same{"emp-2", b.employee.position_id, b.assessor, b.assessor_superior, {}};
  EmployeeLine nobody{"emp-9", "pos-9", Person("x", "X"), std::nullopt, {}};
  OrgChangeEffect effect;
  effect.lines = {changed, same, nobody};
  effect.close_employee_id = "emp-3";
  effect.close_reason = "RETIRED";
  effect.close_day = absl::CivilDay(2024, 8, 31);
  auto applied = store_->ApplyOrgChange(effect, Write());
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(*applied, 2);

  Plan refreshed = *store_->GetPlan(a.id);
  ASSERT_TRUE(refreshed.assessor.has_value());
  EXPECT_EQ(refreshed.assessor->employee_id, "new-boss");
  EXPECT_EQ(refreshed.assessor->capacity, "PLT");
  EXPECT_EQ(refreshed.original_assessor->employee_id, "boss");  // history kept
  EXPECT_EQ(refreshed.version, 2);
  EXPECT_EQ(Scalar("SELECT assessor_employee_id FROM goals.plans WHERE id = '" + a.id + "'"),
            "new-boss");
  EXPECT_EQ(store_->GetPlan(b.id)->version, 1);
  Plan closed = *store_->GetPlan(leaver.id);
  EXPECT_EQ(closed.state, PlanState::kClosed);
  EXPECT_EQ(closed.close_reason, "RETIRED");
  EXPECT_EQ(closed.end_date, absl::CivilDay(2024, 8, 31));
  EXPECT_EQ(Count("audit_log", "action = 'plan.line' AND resource_id = '" + a.id + "'"), 1);
  EXPECT_EQ(Count("outbox", "type = 'PlanClosed' AND aggregate_id = '" + leaver.id + "'"), 1);

  // A replay changes nothing.
  const int64_t events = Count("outbox");
  auto replay = store_->ApplyOrgChange(effect, Write());
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_EQ(*replay, 0);
  EXPECT_EQ(Count("outbox"), events);
}

TEST_F(StoreTest, OrgChangeLeavesLockedPeriodsAlone) {
  Period period = AddPeriod();
  Plan plan = AddPlan(period.id, "emp-1", "Budi", "boss");
  ASSERT_TRUE(store_->SetPeriodState(period.id, PeriodState::kClosed, std::nullopt, Write()).ok());
  ASSERT_TRUE(store_->SetPeriodState(period.id, PeriodState::kLocked, std::nullopt, Write()).ok());
  OrgChangeEffect effect;
  effect.lines = {
      {"emp-1", plan.employee.position_id, Person("new-boss", "Baru"), std::nullopt, {}}};
  effect.close_employee_id = "emp-1";
  effect.close_reason = "DECEASED";
  effect.close_day = absl::CivilDay(2024, 8, 31);
  auto applied = store_->ApplyOrgChange(effect, Write());
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(*applied, 0);
  EXPECT_EQ(store_->GetPlan(plan.id)->state, PlanState::kDraft);
  EXPECT_EQ(store_->GetPlan(plan.id)->assessor->employee_id, "boss");
}

}  // namespace
}  // namespace kinerja::goals::store::testing
