// Store tests of plans: create, lists, MutatePlan (facts, audit, events, atomicity), approval
// versions and revisions, on a real throwaway PostgreSQL.
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/workflow.h"
#include "services/goals/store/rows.h"
#include "services/goals/store/store_test_fixture.h"
#include "shared/errors/errors.h"
#include "shared/rpc/etag.h"
#include "shared/rpc/filter.h"

namespace kinerja::goals::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<rpc::Condition> Filter(const std::string& text) {
  auto conditions = rpc::ParseFilter(text, GoalsStore::PlanFilterSchema());
  EXPECT_TRUE(conditions.ok()) << conditions.status();
  return conditions.ok() ? *conditions : std::vector<rpc::Condition>();
}

std::vector<std::string> ResultIds(const Plan& plan) {
  std::vector<std::string> ids;
  for (const WorkResult& r : plan.content.results) ids.push_back(r.id);
  return ids;
}

// A mutation that records the facts it was given and changes nothing... except that it must
// change something to be saved, so it only observes and then refuses.
PlanMutation Observe(PlanFacts* out) {
  PlanMutation m;
  m.action = "plan.observe";
  m.today = StoreTest::kToday;
  m.apply = [out](Plan&, const PlanFacts& facts) {
    *out = facts;
    return absl::FailedPreconditionError("observed");
  };
  return m;
}

TEST_F(StoreTest, PlanCreateGetAndPlanExists) {
  Period period = AddPeriod();
  Plan created = AddPlan(period.id, "emp-1", "Budi", "boss");
  EXPECT_FALSE(created.id.empty());
  EXPECT_EQ(created.agency_id, "kota");  // from the period
  EXPECT_EQ(created.state, PlanState::kDraft);
  EXPECT_EQ(created.revision, 1);
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(created.content.behaviours.size(), 7u);
  EXPECT_EQ(Count("outbox", "type = 'PlanCreated' AND aggregate_id = '" + created.id + "'"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'plan.create' AND resource_id = '" + created.id + "'"), 1);

  auto got = store_->GetPlan(created.id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->employee, created.employee);
  EXPECT_EQ(got->employee.name, "Budi");
  ASSERT_TRUE(got->assessor.has_value());
  EXPECT_EQ(got->assessor->employee_id, "boss");
  ASSERT_TRUE(got->assessor_superior.has_value());
  EXPECT_EQ(got->assessor_superior->name, "Kepala Dinas");
  EXPECT_EQ(got->content, created.content);
  EXPECT_EQ(Scalar("SELECT assessor_employee_id FROM goals.plans"), "boss");
  EXPECT_EQ(store_->GetPlan("nope").status().code(), absl::StatusCode::kNotFound);

  // A second open plan for the same employee, period and position.
  auto again = store_->CreatePlan(NewPlan(period.id, "emp-1", "Budi", "boss"), Write());
  EXPECT_EQ(again.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(errors::ReasonOf(again.status()).value_or(""), "PLAN_EXISTS");
  EXPECT_THAT(std::string(again.status().message()), HasSubstr(created.id));
  // Another position of the same employee is another plan.
  Plan second = NewPlan(period.id, "emp-1", "Budi", "boss");
  second.employee.position_id = "pos-other";
  EXPECT_TRUE(store_->CreatePlan(second, Write()).ok());

  EXPECT_EQ(store_->CreatePlan(NewPlan("nope", "emp-2", "Ani"), Write()).status().code(),
            absl::StatusCode::kNotFound);
  ASSERT_TRUE(store_->SetPeriodState(period.id, PeriodState::kClosed, std::nullopt, Write()).ok());
  auto closed = store_->CreatePlan(NewPlan(period.id, "emp-2", "Ani"), Write());
  EXPECT_EQ(errors::ReasonOf(closed.status()).value_or(""), "PERIOD_NOT_OPEN");
  EXPECT_EQ(Count("plans"), 2);
}

TEST_F(StoreTest, MutatePlanSavesAuditsEmitsAndBumpsTheVersion) {
  Period period = AddPeriod();
  Plan plan = AddPlan(period.id, "emp-1", "Budi", StoreTest::kNonAsn, "ADMINISTRATOR");
  auto edited = Edit(plan, {Result("Laporan A"), Result("Laporan B")});
  ASSERT_TRUE(edited.ok()) << edited.status();
  EXPECT_EQ(edited->version, 2);
  ASSERT_EQ(edited->content.results.size(), 2u);
  EXPECT_FALSE(edited->content.results[0].id.empty());
  EXPECT_FALSE(edited->content.results[0].indicators[0].id.empty());
  EXPECT_EQ(edited->content.results[1].text, "Laporan B");
  EXPECT_EQ(edited->content.results[0].indicators[0].target_max, 2.5);
  EXPECT_GE(edited->update_time, plan.update_time);
  EXPECT_EQ(Count("outbox", "type = 'PlanUpdated' AND aggregate_id = '" + plan.id + "'"), 1);
  EXPECT_EQ(Count("audit_log",
                  "action = 'plan.update' AND before->>'etag' = 'W/\"1\"' AND "
                  "jsonb_array_length(after->'results') = 2"),
            1);
  EXPECT_EQ(Count("plan_results", "plan_id = '" + plan.id + "' AND NOT approved"), 2);

  auto got = store_->GetPlan(plan.id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->content, edited->content);
  EXPECT_EQ(got->version, 2);

  // Reorder and drop one: ids are kept, the dropped row is deleted.
  std::vector<WorkResult> next = {edited->content.results[1]};
  next[0].text = "Laporan B (ubah)";
  auto trimmed = Edit(*edited, next);
  ASSERT_TRUE(trimmed.ok()) << trimmed.status();
  EXPECT_THAT(ResultIds(*trimmed), ElementsAre(edited->content.results[1].id));
  EXPECT_EQ(Count("plan_results", "plan_id = '" + plan.id + "'"), 1);
  EXPECT_EQ(trimmed->version, 3);

  // Submit: the event type and the state.
  auto submitted = Submit(plan.id);
  ASSERT_TRUE(submitted.ok()) << submitted.status();
  EXPECT_EQ(submitted->state, PlanState::kSubmitted);
  ASSERT_TRUE(submitted->submit_time.has_value());
  EXPECT_EQ(Count("outbox", "type = 'PlanSubmitted'"), 1);

  // Idempotent replay of an edit returns the first answer and writes nothing more.
  Plan other = AddPlan(period.id, "emp-2", "Ani", StoreTest::kNonAsn, "ADMINISTRATOR");
  auto first = Edit(other, {Result("X")}, "edit-1");
  ASSERT_TRUE(first.ok()) << first.status();
  const int64_t events = Count("outbox");
  auto replay = Edit(other, {Result("X")}, "edit-1");  // stale etag, but answered from the key
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_EQ(replay->version, first->version);
  EXPECT_EQ(replay->content, first->content);
  EXPECT_EQ(Count("outbox"), events);
}

TEST_F(StoreTest, FailingMutationWritesNothing) {
  Period period = AddPeriod();
  Plan plan = AddPlan(period.id, "emp-1", "Budi", StoreTest::kNonAsn, "ADMINISTRATOR");
  auto edited = Edit(plan, {Result("Laporan A")});
  ASSERT_TRUE(edited.ok()) << edited.status();
  const int64_t audits = Count("audit_log");
  const int64_t events = Count("outbox");
  const int64_t results = Count("plan_results");

  // The domain refuses (a plan needs a MAIN result), after the apply changed the plan in memory.
  PlanMutation m;
  m.action = "plan.submit";
  m.event_type = kPlanSubmitted;
  m.today = kToday;
  m.apply = [](Plan& p, const PlanFacts& facts) {
    p.content.results[0].kind = ResultKind::kAdditional;
    return ApplySubmit(p, facts, absl::Now());
  };
  auto refused = store_->MutatePlan(plan.id, std::nullopt, std::move(m), Write());
  EXPECT_EQ(errors::ReasonOf(refused.status()).value_or(""), "NO_MAIN_RESULT");

  // Invalid content.
  WorkResult bad = Result("");
  auto invalid = Edit(*edited, {bad});
  EXPECT_EQ(invalid.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(invalid.status().message()), HasSubstr("plan.results[0].text"));

  // Stale etag.
  auto stale = Edit(plan, {Result("Laporan Z")});
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_THAT(std::string(stale.status().message()), HasSubstr("etag"));

  EXPECT_EQ(Count("audit_log"), audits);
  EXPECT_EQ(Count("outbox"), events);
  EXPECT_EQ(Count("plan_results"), results);
  auto got = store_->GetPlan(plan.id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->version, edited->version);
  EXPECT_EQ(got->state, PlanState::kDraft);
  EXPECT_EQ(got->content, edited->content);
}

TEST_F(StoreTest, MutationSeesTheFactsOfItsTransaction) {
  Period period = AddPeriod();
  Plan boss = AddPlan(period.id, "boss", "Kepala Bidang", StoreTest::kNonAsn, "ADMINISTRATOR");
  Plan staff = AddPlan(period.id, "emp-1", "Budi", "boss");
  auto boss_edited = Edit(boss, {Result("Sasaran bidang")});
  ASSERT_TRUE(boss_edited.ok()) << boss_edited.status();
  const std::string parent_id = boss_edited->content.results[0].id;

  // Nothing known yet.
  PlanFacts facts;
  (void)store_->MutatePlan(staff.id, std::nullopt, Observe(&facts), Write());
  EXPECT_EQ(facts.period.id, period.id);
  EXPECT_EQ(facts.today, kToday);
  EXPECT_FALSE(facts.extension_until.has_value());
  EXPECT_FALSE(facts.public_service_unit);
  EXPECT_TRUE(facts.parents.empty());

  // The candidate's parent, not yet approved.
  PlanContent candidate = staff.content;
  candidate.results = {Result("Dukungan", parent_id)};
  facts = PlanFacts();
  (void)store_->MutatePlan(staff.id, std::nullopt, Observe(&facts), Write(), &candidate);
  ASSERT_TRUE(facts.parents.contains(parent_id));
  EXPECT_EQ(facts.parents[parent_id].plan_id, boss.id);
  EXPECT_EQ(facts.parents[parent_id].owner_employee_id, "boss");
  EXPECT_EQ(facts.parents[parent_id].period_id, period.id);
  EXPECT_FALSE(facts.parents[parent_id].approved);
  EXPECT_EQ(facts.parents[parent_id].plan_state, PlanState::kDraft);

  // Submitting the staff plan before the parent is approved is refused by the domain.
  auto staff_edited = Edit(staff, {Result("Dukungan", parent_id)});
  ASSERT_TRUE(staff_edited.ok()) << staff_edited.status();
  EXPECT_EQ(errors::ReasonOf(Submit(staff.id).status()).value_or(""),
            "CASCADE_PARENT_NOT_APPROVED");

  // Approve the boss's plan: now approved, found through the plan's own content.
  ASSERT_TRUE(Submit(boss.id).ok());
  ASSERT_TRUE(Approve(boss.id).ok());
  ASSERT_TRUE(
      store_
          ->GrantExtension(
              Extension(period.id, "emp-1", absl::CivilDay(2024, 3, 31), "Tugas belajar"), Write())
          .ok());
  ASSERT_TRUE(store_->SetUnitPolicy(Policy("kota", "unit-1", true), Write()).ok());
  facts = PlanFacts();
  (void)store_->MutatePlan(staff.id, std::nullopt, Observe(&facts), Write());
  ASSERT_TRUE(facts.parents.contains(parent_id));
  EXPECT_TRUE(facts.parents[parent_id].approved);
  EXPECT_EQ(facts.parents[parent_id].plan_state, PlanState::kApproved);
  ASSERT_TRUE(facts.extension_until.has_value());
  EXPECT_EQ(*facts.extension_until, absl::CivilDay(2024, 3, 31));
  EXPECT_TRUE(facts.public_service_unit);

  // The boss's result has a dependant now.
  facts = PlanFacts();
  (void)store_->MutatePlan(boss.id, std::nullopt, Observe(&facts), Write());
  EXPECT_THAT(facts.results_with_dependants, ElementsAre(parent_id));
  EXPECT_TRUE(facts.parents.empty());

  // The unit serves the public: a quality indicator is needed, then the submission passes.
  EXPECT_EQ(errors::ReasonOf(Submit(staff.id).status()).value_or(""), "QUALITY_INDICATOR_REQUIRED");
  auto quality = Edit(*staff_edited, {Result("Dukungan", parent_id, Aspect::kQuality)});
  ASSERT_TRUE(quality.ok()) << quality.status();
  EXPECT_TRUE(Submit(staff.id).ok());

  // Removing the boss's result after revising is refused: a result cascades from it.
  auto revised = Revise(boss.id, "Perubahan sasaran");
  ASSERT_TRUE(revised.ok()) << revised.status();
  auto removed = Edit(*revised, {Result("Sasaran baru")});
  EXPECT_EQ(errors::ReasonOf(removed.status()).value_or(""), "RESULT_HAS_DEPENDANTS");
}

TEST_F(StoreTest, ApprovalRecordsAVersionAndRevisionsKeepResultIds) {
  Period period = AddPeriod();
  Plan plan = AddPlan(period.id, "emp-1", "Budi", StoreTest::kNonAsn, "ADMINISTRATOR");
  Plan approved = EditAndApprove(plan, {Result("Laporan A"), Result("Laporan B")});
  EXPECT_EQ(approved.state, PlanState::kApproved);
  ASSERT_TRUE(approved.approve_time.has_value());
  EXPECT_EQ(Count("plan_versions", "plan_id = '" + plan.id +
                                       "' AND revision = 1 AND "
                                       "approved_by = 'tester'"),
            1);
  EXPECT_EQ(Count("plan_versions", "snapshot_json->>'state' = 'PLAN_STATE_APPROVED'"), 1);
  EXPECT_EQ(Count("plan_results", "plan_id = '" + plan.id + "' AND approved"), 2);
  EXPECT_EQ(Count("outbox", "type = 'PlanApproved'"), 1);

  auto versions = store_->ListPlanVersions(plan.id);
  ASSERT_TRUE(versions.ok()) << versions.status();
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].revision, 1);
  EXPECT_EQ((*versions)[0].approved_by, "tester");
  EXPECT_EQ((*versions)[0].plan.content, approved.content);
  EXPECT_EQ((*versions)[0].plan.state, PlanState::kApproved);
  EXPECT_EQ((*versions)[0].approve_time, *approved.approve_time);

  // Revision: same ids, still approved; a new result is not.
  auto revised = Revise(plan.id, "Indikator tidak relevan");
  ASSERT_TRUE(revised.ok()) << revised.status();
  EXPECT_EQ(revised->revision, 2);
  EXPECT_EQ(revised->state, PlanState::kDraft);
  EXPECT_EQ(revised->revision_reason, "Indikator tidak relevan");
  EXPECT_EQ(ResultIds(*revised), ResultIds(approved));
  EXPECT_EQ(Count("outbox", "type = 'PlanRevised'"), 1);
  std::vector<WorkResult> next = revised->content.results;
  next[1].indicators[0].target_max = 5;
  next.push_back(Result("Laporan C"));
  auto edited = Edit(*revised, next);
  ASSERT_TRUE(edited.ok()) << edited.status();
  EXPECT_EQ(ResultIds(*edited)[0], ResultIds(approved)[0]);
  EXPECT_EQ(ResultIds(*edited)[1], ResultIds(approved)[1]);
  EXPECT_EQ(Count("plan_results", "plan_id = '" + plan.id + "' AND approved"), 2);
  EXPECT_EQ(Count("plan_results", "plan_id = '" + plan.id + "' AND NOT approved"), 1);

  ASSERT_TRUE(Submit(plan.id).ok());
  ASSERT_TRUE(Approve(plan.id).ok());
  EXPECT_EQ(Count("plan_results", "plan_id = '" + plan.id + "' AND approved"), 3);
  versions = store_->ListPlanVersions(plan.id);
  ASSERT_TRUE(versions.ok()) << versions.status();
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].plan.content.results.size(), 2u);
  EXPECT_EQ((*versions)[0].plan.content.results[1].indicators[0].target_max, 2.5);
  EXPECT_EQ((*versions)[1].revision, 2);
  EXPECT_EQ((*versions)[1].plan.content.results.size(), 3u);

  Plan fresh = AddPlan(period.id, "emp-2", "Ani");
  auto none = store_->ListPlanVersions(fresh.id);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(store_->ListPlanVersions("nope").status().code(), absl::StatusCode::kNotFound);
}

// The coalesced GetPlan reads: several plans in one statement, each as GetPlan reads it; an id
// that names no plan is left out.
TEST_F(StoreTest, FindPlansReadsEachPlanAsGetPlanDoes) {
  Period period = AddPeriod();
  Plan budi = AddPlan(period.id, "emp-1", "Budi", StoreTest::kNonAsn, "ADMINISTRATOR");
  Plan ani = AddPlan(period.id, "emp-2", "Ani");
  auto edited = Edit(budi, {Result("Laporan A"), Result("Laporan B")});
  ASSERT_TRUE(edited.ok()) << edited.status();

  auto found = store_->FindPlans({budi.id, "no-such-plan", ani.id});
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->size(), 2u);
  EXPECT_FALSE(found->contains("no-such-plan"));
  for (const std::string& id : {budi.id, ani.id}) {
    auto got = store_->GetPlan(id);
    ASSERT_TRUE(got.ok()) << got.status();
    ASSERT_TRUE(found->contains(id));
    const Plan& plan = found->at(id);
    EXPECT_EQ(plan.content, got->content);
    EXPECT_EQ(plan.version, got->version);
    EXPECT_EQ(plan.state, got->state);
    EXPECT_EQ(plan.assessor, got->assessor);
    EXPECT_EQ(plan.employee, got->employee);
    EXPECT_EQ(plan.update_time, got->update_time);
  }
  EXPECT_EQ(found->at(budi.id).content.results.size(), 2u);
  auto none = store_->FindPlans({});
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->empty());
}

// GetPlan's read model: after every kind of plan change (create, content edit, submit, return,
// approve, revise, close and create by transfer) the stored answer is byte for byte the answer
// built the old way (ToProto of the plan read from its columns); FindPlanAnswers serves it from
// plan_answers, and builds it from the rows for a plan without one (stored before migration 0004).
TEST_F(StoreTest, StoredAnswerIsTheAnswerBuiltFromThePlanAfterEveryChange) {
  Period period = AddPeriod();
  auto expect_answer_as_built = [&](const std::string& id, const std::string& after) {
    SCOPED_TRACE(after);
    EXPECT_EQ(Count("plan_answers", "plan_id = '" + id + "'"), 1) << "no stored answer";
    auto plan = store_->GetPlan(id);
    ASSERT_TRUE(plan.ok()) << plan.status();
    const std::string built = ToProto(*plan).SerializeAsString();
    EXPECT_EQ(Scalar("SELECT encode(answer, 'hex') FROM plan_answers WHERE plan_id = '" + id + "'"),
              absl::BytesToHexString(built));
    auto answers = store_->FindPlanAnswers({id});
    ASSERT_TRUE(answers.ok()) << answers.status();
    ASSERT_TRUE(answers->contains(id));
    EXPECT_EQ(answers->at(id), built);
    pb::Plan parsed;
    ASSERT_TRUE(parsed.ParseFromString(answers->at(id)));
    EXPECT_EQ(parsed.etag(), rpc::EtagFor(plan->version));
  };

  Plan plan = AddPlan(period.id, "emp-1", "Budi", StoreTest::kNonAsn, "ADMINISTRATOR");
  expect_answer_as_built(plan.id, "create");
  auto edited = Edit(plan, {Result("Laporan A"), Result("Laporan B", "", Aspect::kQuality)});
  ASSERT_TRUE(edited.ok()) << edited.status();
  expect_answer_as_built(plan.id, "edit");
  ASSERT_TRUE(Submit(plan.id).ok());
  expect_answer_as_built(plan.id, "submit");
  PlanMutation ret;
  ret.action = "plan.return";
  ret.event_type = kPlanReturned;
  ret.note = "Lengkapi indikator";
  ret.today = kToday;
  ret.apply = [](Plan& p, const PlanFacts& facts) {
    return ApplyReturn(p, facts, "Lengkapi indikator");
  };
  auto returned = store_->MutatePlan(plan.id, std::nullopt, std::move(ret), Write());
  ASSERT_TRUE(returned.ok()) << returned.status();
  expect_answer_as_built(plan.id, "return");
  std::vector<WorkResult> fewer = {returned->content.results[1]};
  fewer[0].indicators[0].target_max = 7;
  auto reedited = Edit(*returned, fewer);
  ASSERT_TRUE(reedited.ok()) << reedited.status();
  expect_answer_as_built(plan.id, "edit removing a result");
  ASSERT_TRUE(Submit(plan.id).ok());
  ASSERT_TRUE(Approve(plan.id).ok());
  expect_answer_as_built(plan.id, "approve");
  ASSERT_TRUE(Revise(plan.id, "Indikator tidak relevan").ok());
  expect_answer_as_built(plan.id, "revise");

  Plan fresh = NewPlan(period.id, "emp-1", "Budi", "new-boss", "PELAKSANA", "unit-9");
  fresh.employee.position_id = "pos-new";
  auto created = store_->ApplyTransfer(
      Transfer("emp-1", absl::CivilDay(2024, 7, 1), {plan.id}, {fresh}), Write());
  ASSERT_TRUE(created.ok()) << created.status();
  ASSERT_EQ(created->size(), 1u);
  expect_answer_as_built(plan.id, "close by transfer");
  expect_answer_as_built((*created)[0].id, "create by transfer");

  // Several at once; a missing id is left out; a plan without a stored answer is built from
  // its rows, as before.
  Plan other = AddPlan(period.id, "emp-2", "Ani", StoreTest::kNonAsn);
  Scalar("WITH d AS (DELETE FROM plan_answers WHERE plan_id = '" + other.id +
         "' RETURNING 1) SELECT count(*) FROM d");
  auto answers = store_->FindPlanAnswers({plan.id, "no-such-plan", other.id});
  ASSERT_TRUE(answers.ok()) << answers.status();
  EXPECT_EQ(answers->size(), 2u);
  EXPECT_FALSE(answers->contains("no-such-plan"));
  for (const std::string& id : {plan.id, other.id}) {
    auto got = store_->GetPlan(id);
    ASSERT_TRUE(got.ok()) << got.status();
    ASSERT_TRUE(answers->contains(id));
    EXPECT_EQ(answers->at(id), ToProto(*got).SerializeAsString()) << id;
  }
  auto none = store_->FindPlanAnswers({});
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->empty());
}

// A workflow step writes only what changed: the plan row (a HOT update: no index keys on a
// column the step changes, state included, through is_open) and not the unchanged results. What
// it returns is what a later read gets.
TEST_F(StoreTest, WorkflowStepIsAHotUpdateAndLeavesTheResultsAlone) {
  Period period = AddPeriod();
  Plan plan = AddPlan(period.id, "emp-1", "Budi", StoreTest::kNonAsn, "ADMINISTRATOR");
  auto edited = Edit(plan, {Result("Laporan A"), Result("Laporan B")});
  ASSERT_TRUE(edited.ok()) << edited.status();
  const std::string results_xmin = Scalar(
      "SELECT string_agg(xmin::text, ',' ORDER BY ordinal) FROM plan_results WHERE plan_id = '" +
      plan.id + "'");

  absl::StatusOr<db::Lease> lease = db_->pool().Acquire();
  ASSERT_TRUE(lease.ok()) << lease.status();
  pqxx::work tx(lease->conn());
  PlanMutation submit;
  submit.action = "plan.submit";
  submit.event_type = kPlanSubmitted;
  submit.today = kToday;
  submit.apply = [](Plan& p, const PlanFacts& facts) { return ApplySubmit(p, facts, absl::Now()); };
  auto submitted =
      internal::MutatePlanInTx(tx, plan.id, std::nullopt, submit, Write(), nullptr, nullptr);
  ASSERT_TRUE(submitted.ok()) << submitted.status();
  pqxx::row stats = tx.exec1(
      "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables "
      "WHERE relid = 'plans'::regclass");
  // PostgreSQL 15 counts this backend's earlier, not yet reported transactions here too (the
  // edit above, when it ran on this connection): each of those updates must be HOT as well.
  EXPECT_GE(stats[0].as<int64_t>(), 1);
  EXPECT_EQ(stats[1].as<int64_t>(), stats[0].as<int64_t>()) << "a plan row update was not HOT";
  tx.commit();

  EXPECT_EQ(Scalar("SELECT string_agg(xmin::text, ',' ORDER BY ordinal) FROM plan_results "
                   "WHERE plan_id = '" +
                   plan.id + "'"),
            results_xmin);
  auto read = store_->GetPlan(plan.id);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(submitted->content, read->content);
  EXPECT_EQ(submitted->content, edited->content);
  EXPECT_EQ(submitted->version, read->version);
  EXPECT_EQ(submitted->state, PlanState::kSubmitted);
  EXPECT_EQ(read->state, PlanState::kSubmitted);
  EXPECT_EQ(submitted->update_time, read->update_time);
  EXPECT_EQ(submitted->submit_time, read->submit_time);
}

TEST_F(StoreTest, ListPlansFiltersAndPagesByName) {
  Period period = AddPeriod();
  Period other = AddPeriod("kota", 2025);
  const std::vector<std::string> names = {"Citra", "Ani", "Dewi", "Budi", "Eko"};
  for (size_t i = 0; i < names.size(); ++i) {
    AddPlan(period.id, absl::StrCat("emp-", i), names[i], i % 2 == 0 ? "boss" : "other");
  }
  AddPlan(other.id, "emp-0", "Citra", "boss");
  std::vector<std::string> seen;
  PageRequest page{.page_size = 2};
  for (int pages = 0; pages < 5; ++pages) {
    auto listed = store_->ListPlans(Filter(absl::StrCat("period_id = \"", period.id, "\"")), page);
    ASSERT_TRUE(listed.ok()) << listed.status();
    for (const Plan& p : listed->items) {
      seen.push_back(p.employee.name);
      EXPECT_EQ(p.content.behaviours.size(), 7u);
    }
    if (!listed->has_more) break;
    page.after = listed->last_key;
  }
  EXPECT_THAT(seen, ElementsAre("Ani", "Budi", "Citra", "Dewi", "Eko"));

  auto by_assessor = store_->ListPlans(Filter("assessor_employee_id = boss"), {});
  ASSERT_TRUE(by_assessor.ok()) << by_assessor.status();
  EXPECT_EQ(by_assessor->items.size(), 4u);
  auto drafts = store_->ListPlans(
      Filter(absl::StrCat("employee_id = emp-0 AND state = PLAN_STATE_DRAFT AND unit_id = unit-1")),
      {});
  ASSERT_TRUE(drafts.ok()) << drafts.status();
  EXPECT_EQ(drafts->items.size(), 2u);
  auto none = store_->ListPlans(Filter("state != DRAFT"), {});
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->items.empty());

  auto open = store_->ListOpenPlansOfEmployee("emp-0");
  ASSERT_TRUE(open.ok()) << open.status();
  ASSERT_EQ(open->size(), 2u);
  EXPECT_EQ((*open)[0].period_id, period.id);  // oldest first
  EXPECT_EQ((*open)[1].period_id, other.id);
}

TEST_F(StoreTest, DecisionsAreRecordedAndVersionsKnowTheirDays) {
  Period period = AddPeriod();
  Plan boss = AddPlan(period.id, "boss", "Atasan", kNonAsn, "JPT_PRATAMA");
  Plan approved =
      EditAndApprove(boss, {Result("Tata kelola", "", Aspect::kQuantity, Perspective::kBudget)});
  EXPECT_EQ(approved.approved_revision, 1);

  // A decision carried by the mutation is recorded with the change.
  PlanMutation ret;
  ret.action = "plan.return";
  ret.event_type = kPlanReturned;
  ret.today = kToday;
  ASSERT_TRUE(Revise(boss.id, "Target anggaran berubah").ok());
  ASSERT_TRUE(Submit(boss.id).ok());
  ret.apply = [](Plan& plan, const PlanFacts& facts) {
    RETURN_IF_ERROR(ApplyReturn(plan, facts, "Perbaiki target"));
    PlanDecision d;
    d.plan_id = plan.id;
    d.revision = plan.revision;
    d.action = DecisionAction::kReturn;
    d.decided_by.name = "Wali Kota";
    d.decided_by.non_asn = true;
    d.capacity = DecisionCapacity::kHrForNonAsn;
    d.recorded_by = "hr-1";
    d.note = "Perbaiki target";
    d.decide_time = absl::FromUnixSeconds(1720000000);
    plan.decision = d;
    return absl::OkStatus();
  };
  auto returned = store_->MutatePlan(boss.id, std::nullopt, std::move(ret), Write());
  ASSERT_TRUE(returned.ok()) << returned.status();
  auto decisions = store_->ListPlanDecisions(boss.id);
  ASSERT_TRUE(decisions.ok()) << decisions.status();
  ASSERT_EQ(decisions->size(), 1u);
  EXPECT_EQ((*decisions)[0].action, DecisionAction::kReturn);
  EXPECT_EQ((*decisions)[0].capacity, DecisionCapacity::kHrForNonAsn);
  EXPECT_TRUE((*decisions)[0].decided_by.non_asn);
  EXPECT_EQ((*decisions)[0].recorded_by, "hr-1");
  EXPECT_EQ((*decisions)[0].note, "Perbaiki target");
  EXPECT_EQ((*decisions)[0].revision, 2);
  EXPECT_EQ((*decisions)[0].decide_time, absl::FromUnixSeconds(1720000000));
  EXPECT_EQ(store_->ListPlanDecisions("nope").status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(store_->ListPlanDecisions(AddPlan(period.id, "x", "X").id)->empty());

  // Revision 1 applies from the plan's start to the plan's end while it is the only version.
  auto versions = store_->ListPlanVersions(boss.id);
  ASSERT_TRUE(versions.ok()) << versions.status();
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].effective_from, absl::CivilDay(2024, 1, 1));
  EXPECT_EQ((*versions)[0].effective_until, absl::CivilDay(2024, 12, 31));
  EXPECT_EQ(store_->GetPlan(boss.id)->approved_revision, 1);
  EXPECT_EQ(store_->GetPlan(boss.id)->start_date, absl::CivilDay(2024, 1, 1));
  EXPECT_EQ(store_->GetPlan(boss.id)->filling_deadline, absl::CivilDay(2024, 1, 31));
}

}  // namespace
}  // namespace kinerja::goals::store::testing
