// Store tests of the plan content added by migration 0005 (qualitative targets, cascade types and
// parent indicators, surveys, unit paths and the policies along them, template expectations, one
// period per agency and year, mid-year filling days, the cadence lock), on a real throwaway
// PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "services/goals/convert/proto_convert.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/templates.h"
#include "services/goals/domain/workflow.h"
#include "services/goals/store/store_test_fixture.h"
#include "shared/errors/errors.h"

namespace kinerja::goals::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Records the facts the mutation was given and refuses, so nothing is written.
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

Indicator TextIndicator(const std::string& text, const std::string& survey_id = "") {
  Indicator i;
  i.text = text;
  i.aspect = Aspect::kQuality;
  i.target_text = "Pemohon puas dengan layanan";
  i.survey_id = survey_id;
  return i;
}

class PlanContentStoreTest : public StoreTest {
 protected:
  // An approved plan of "boss" (assessed by the NON-ASN head) with one result of two indicators.
  Plan ApprovedBoss(const std::string& period_id) {
    Plan boss = AddPlan(period_id, "boss", "Kepala Bidang", kNonAsn, "ADMINISTRATOR");
    WorkResult r = Result("Layanan kependudukan prima");
    Indicator time = r.indicators[0];
    time.aspect = Aspect::kTime;
    time.lower_is_better = true;
    r.indicators.push_back(time);
    return EditAndApprove(boss, {r});
  }

  // A plan of emp-1 assessed by "boss" in `style`, with a unit path.
  Plan AddStaffPlan(const std::string& period_id, PlanStyle style,
                    std::vector<std::string> unit_path) {
    Plan plan = NewPlan(period_id, "emp-1", "Budi", "boss");
    plan.content = NewContent(style);
    plan.unit_path = std::move(unit_path);
    auto created = store_->CreatePlan(plan, Write());
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : Plan();
  }

  PlanFacts FactsOf(const std::string& plan_id) {
    PlanFacts facts;
    (void)store_->MutatePlan(plan_id, std::nullopt, Observe(&facts), Write());
    return facts;
  }
};

TEST_F(PlanContentStoreTest, QualitativeContentCascadeAndUnitPathRoundTripThroughEveryRead) {
  Period period = AddPeriod();
  Plan boss = ApprovedBoss(period.id);
  const WorkResult& parent = boss.content.results[0];
  Plan plan =
      AddStaffPlan(period.id, PlanStyle::kQualitative, {"unit-root", "unit-dinas", "unit-1"});
  EXPECT_THAT(plan.unit_path, ElementsAre("unit-root", "unit-dinas", "unit-1"));

  WorkResult indirect = Result("Data penduduk mutakhir", parent.id);
  indirect.indicators = {TextIndicator("Kepuasan pemohon", "IKM-2024.dukcapil")};
  indirect.indicators[0].lower_is_better = true;
  indirect.cascade_type = CascadeType::kIndirect;
  indirect.parent_indicator_id = parent.indicators[1].id;
  WorkResult direct = Result("Dokumen terbit tepat waktu", parent.id);
  direct.indicators = {TextIndicator("Ketepatan waktu")};
  auto edited = Edit(plan, {indirect, direct});
  ASSERT_TRUE(edited.ok()) << edited.status();
  const std::vector<WorkResult>& results = edited->content.results;
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].cascade_type, CascadeType::kIndirect);
  EXPECT_EQ(results[0].parent_indicator_id, parent.indicators[1].id);
  EXPECT_EQ(results[1].cascade_type, CascadeType::kDirect) << "named a parent, no type: DIRECT";
  EXPECT_EQ(results[0].indicators[0].target_text, "Pemohon puas dengan layanan");
  EXPECT_TRUE(results[0].indicators[0].lower_is_better);
  EXPECT_EQ(results[0].indicators[0].survey_id, "IKM-2024.dukcapil");
  EXPECT_EQ(Scalar(absl::StrCat("SELECT cascade_type FROM goals.plan_results WHERE id = '",
                                results[1].id, "'")),
            "DIRECT");

  // GetPlan (the rows), the stored answer, the list and the boss's plan as approved.
  auto got = store_->GetPlan(plan.id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->content, edited->content);
  EXPECT_EQ(got->unit_path, plan.unit_path);
  auto answers = store_->FindPlanAnswers({plan.id});
  ASSERT_TRUE(answers.ok()) << answers.status();
  pb::Plan answer;
  ASSERT_TRUE(answer.ParseFromString(answers->at(plan.id)));
  auto from_answer = FromProto(answer);
  ASSERT_TRUE(from_answer.ok()) << from_answer.status();
  EXPECT_EQ(from_answer->content, edited->content);
  auto listed = store_->ListPlans({}, {.page_size = 10});
  ASSERT_TRUE(listed.ok()) << listed.status();
  for (const Plan& p : listed->items) {
    if (p.id == plan.id) {
      EXPECT_EQ(p.unit_path, plan.unit_path);
    }
  }
  auto boss_again = store_->GetPlan(boss.id);
  ASSERT_TRUE(boss_again.ok());
  EXPECT_TRUE(boss_again->content.results[0].indicators[1].lower_is_better);

  // The cascade tree's input carries the type and the parent indicator.
  auto cascade = store_->LoadCascade(boss.id);
  ASSERT_TRUE(cascade.ok()) << cascade.status();
  bool seen = false;
  for (const CascadePlanInput& p : *cascade) {
    if (p.plan_id != plan.id) continue;
    seen = true;
    ASSERT_EQ(p.results.size(), 2u);
    EXPECT_EQ(p.results[0].cascade_type, CascadeType::kIndirect);
    EXPECT_EQ(p.results[0].parent_indicator_id, parent.indicators[1].id);
    EXPECT_EQ(p.results[1].cascade_type, CascadeType::kDirect);
  }
  EXPECT_TRUE(seen);

  // A workflow step (LockPlan, SavePlan) keeps the path; a change of the path is saved.
  auto submitted = Submit(plan.id);
  ASSERT_TRUE(submitted.ok()) << submitted.status();
  EXPECT_EQ(submitted->unit_path, plan.unit_path);
  PlanMutation move;
  move.action = "plan.unit_path";
  move.today = kToday;
  move.apply = [](Plan& p, const PlanFacts&) {
    p.unit_path = {"unit-root", "unit-1"};
    return absl::OkStatus();
  };
  ASSERT_TRUE(store_->MutatePlan(plan.id, std::nullopt, std::move(move), Write()).ok());
  EXPECT_THAT(store_->GetPlan(plan.id)->unit_path, ElementsAre("unit-root", "unit-1"));
}

TEST_F(PlanContentStoreTest, ParentIndicatorIdsAreFactsAndAnUnknownOneIsRefused) {
  Period period = AddPeriod();
  Plan boss = ApprovedBoss(period.id);
  const WorkResult& parent = boss.content.results[0];
  Plan plan = AddStaffPlan(period.id, PlanStyle::kQuantitative, {});
  auto edited = Edit(plan, {Result("Dukungan", parent.id)});
  ASSERT_TRUE(edited.ok()) << edited.status();
  PlanFacts facts = FactsOf(plan.id);
  ASSERT_TRUE(facts.parents.contains(parent.id));
  EXPECT_THAT(facts.parents[parent.id].indicator_ids,
              ElementsAre(parent.indicators[0].id, parent.indicators[1].id));

  WorkResult wrong = edited->content.results[0];
  wrong.parent_indicator_id = edited->content.results[0].indicators[0].id;  // its own indicator
  auto refused = Edit(*edited, {wrong});
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(errors::ViolationsOf(refused.status()),
              ElementsAre(::testing::Field(&errors::FieldViolation::field,
                                           "plan.results[0].parent_indicator_id")));
}

TEST_F(PlanContentStoreTest, ThePolicyAlongTheUnitPathDecidesTheSurvey) {
  Period period = AddPeriod();
  Plan plan = AddPlan(period.id, "emp-1", "Budi", kNonAsn, "ADMINISTRATOR");
  PlanMutation place;
  place.action = "plan.unit_path";
  place.today = kToday;
  place.apply = [](Plan& p, const PlanFacts&) {
    p.unit_path = {"unit-root", "unit-dinas", "unit-1"};
    return absl::OkStatus();
  };
  ASSERT_TRUE(store_->MutatePlan(plan.id, std::nullopt, std::move(place), Write()).ok());
  auto placed = store_->GetPlan(plan.id);
  ASSERT_TRUE(placed.ok());
  WorkResult r = Result("Pelayanan prima", "", Aspect::kQuality);
  ASSERT_TRUE(Edit(*placed, {r}).ok());

  EXPECT_FALSE(FactsOf(plan.id).public_service_unit);
  UnitPolicy root = Policy("kota", "unit-root", true);
  root.include_subunits = true;
  root.survey_id = "IKM-KOTA";
  ASSERT_TRUE(store_->SetUnitPolicy(root, Write()).ok());
  PlanFacts facts = FactsOf(plan.id);
  EXPECT_TRUE(facts.public_service_unit);
  EXPECT_EQ(facts.survey_id, "IKM-KOTA");
  EXPECT_EQ(errors::ReasonOf(Submit(plan.id).status()).value_or(""), "SURVEY_INDICATOR_REQUIRED");

  // The dinas's own policy does not reach its sub-units; the unit's own one wins.
  UnitPolicy dinas = Policy("kota", "unit-dinas", true);
  dinas.survey_id = "IKM-DINAS";
  ASSERT_TRUE(store_->SetUnitPolicy(dinas, Write()).ok());
  EXPECT_EQ(FactsOf(plan.id).survey_id, "IKM-KOTA");
  UnitPolicy own = Policy("kota", "unit-1", true);
  own.survey_id = "IKM-UNIT";
  ASSERT_TRUE(store_->SetUnitPolicy(own, Write()).ok());
  EXPECT_EQ(FactsOf(plan.id).survey_id, "IKM-UNIT");

  auto current = store_->GetPlan(plan.id);
  ASSERT_TRUE(current.ok());
  WorkResult measured = current->content.results[0];
  measured.indicators[0].survey_id = "IKM-UNIT";
  ASSERT_TRUE(Edit(*current, {measured}).ok());
  auto submitted = Submit(plan.id);
  EXPECT_TRUE(submitted.ok()) << submitted.status();

  // A plan whose path is not known: its unit's own policy only.
  Plan unplaced = AddPlan(period.id, "emp-2", "Ani", kNonAsn, "ADMINISTRATOR");
  EXPECT_TRUE(unplaced.unit_path.empty());
  EXPECT_EQ(FactsOf(unplaced.id).survey_id, "IKM-UNIT");  // Person() puts it in unit-1
}

TEST_F(PlanContentStoreTest, UnitPolicyCarriesSubunitsAndSurvey) {
  UnitPolicy policy = Policy("kota", "u-1", true);
  policy.include_subunits = true;
  policy.survey_id = "IKM-2024";
  auto set = store_->SetUnitPolicy(policy, Write());
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_TRUE(set->include_subunits);
  EXPECT_EQ(set->survey_id, "IKM-2024");
  EXPECT_EQ(set->version, 1);
  // Unchanged: no version bump; another survey is a change.
  EXPECT_EQ(store_->SetUnitPolicy(policy, Write())->version, 1);
  policy.survey_id = "IKM-2025";
  auto changed = store_->SetUnitPolicy(policy, Write());
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_EQ(changed->version, 2);
  policy.include_subunits = false;
  EXPECT_EQ(store_->SetUnitPolicy(policy, Write())->version, 3);
  EXPECT_EQ(Count("outbox", "type = 'UnitPolicyChanged'"), 3);

  auto listed = store_->ListUnitPolicies({}, {.page_size = 10});
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_FALSE(listed->items[0].include_subunits);
  EXPECT_EQ(listed->items[0].survey_id, "IKM-2025");

  policy.survey_id = "IKM 2025";
  EXPECT_EQ(store_->SetUnitPolicy(policy, Write()).status().code(),
            absl::StatusCode::kInvalidArgument);
  UnitPolicy not_public = Policy("kota", "u-2", false);
  not_public.survey_id = "IKM-2025";
  EXPECT_EQ(store_->SetUnitPolicy(not_public, Write()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PlanContentStoreTest, TemplateExpectationsAreStoredAndWrittenIntoPlansOnce) {
  Period period = AddPeriod();
  Plan boss = ApprovedBoss(period.id);
  PlanTemplate tmpl;
  tmpl.agency_id = "kota";
  tmpl.name = "Pelaksana pelayanan";
  WorkResult r = Result("Layanan tanpa antre", boss.content.results[0].id);
  r.cascade_type = CascadeType::kIndirect;
  tmpl.results = {r, Result("Arsip tertib", boss.content.results[0].id)};
  tmpl.behaviours = NewContent(PlanStyle::kQuantitative).behaviours;
  tmpl.behaviours[0].expectation = "Senyum, sapa, salam";
  auto created = store_->CreateTemplate(tmpl, Write());
  ASSERT_TRUE(created.ok()) << created.status();
  auto got = store_->GetTemplate(created->id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->behaviours, tmpl.behaviours);
  ASSERT_EQ(got->results.size(), 2u);
  EXPECT_EQ(got->results[0].cascade_type, CascadeType::kIndirect);
  EXPECT_EQ(got->results[1].cascade_type, CascadeType::kDirect) << "defaulted when created";

  Plan plan = AddStaffPlan(period.id, PlanStyle::kQuantitative, {});
  auto applied = store_->ApplyTemplateToPlan(plan.id, *got, kToday, Write());
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(applied->kind, TemplateResult::kApplied);
  EXPECT_EQ(applied->plan.content.behaviours[0].expectation, "Senyum, sapa, salam");
  EXPECT_EQ(applied->plan.content.results[0].cascade_type, CascadeType::kIndirect);
  EXPECT_EQ(store_->GetPlan(plan.id)->content, applied->plan.content);
  const int64_t events = Count("outbox");
  auto again = store_->ApplyTemplateToPlan(plan.id, *got, kToday, Write());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->kind, TemplateResult::kAlreadyApplied);
  EXPECT_EQ(Count("outbox"), events);

  // A qualitative plan does not take the template's numeric targets.
  Plan qualitative = AddPlan(period.id, "emp-2", "Ani", "boss");
  PlanMutation restyle;
  restyle.action = "plan.update";
  restyle.today = kToday;
  restyle.apply = [](Plan& p, const PlanFacts& facts) {
    PlanContent next = p.content;
    next.style = PlanStyle::kQualitative;
    return ApplyEdit(p, next, facts);
  };
  ASSERT_TRUE(store_->MutatePlan(qualitative.id, std::nullopt, std::move(restyle), Write()).ok());
  auto mismatch = store_->ApplyTemplateToPlan(qualitative.id, *got, kToday, Write());
  EXPECT_EQ(errors::ReasonOf(mismatch.status()).value_or(""), "TEMPLATE_STYLE_MISMATCH");
}

TEST_F(PlanContentStoreTest, MidYearFillingDaysAndTheCadenceLock) {
  Period given = NewPeriod("kota", 2024);
  given.mid_year_filling_days = 45;
  auto period = store_->CreatePeriod(given, Write());
  ASSERT_TRUE(period.ok()) << period.status();
  EXPECT_EQ(period->mid_year_filling_days, 45);
  EXPECT_EQ(store_->GetPeriod(period->id)->mid_year_filling_days, 45);
  EXPECT_EQ(AddPeriod("kota", 2025).mid_year_filling_days, 30);

  PeriodUpdate days;
  days.id = period->id;
  days.mid_year_filling_days = 60;
  auto updated = store_->UpdatePeriod(days, Write());
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->mid_year_filling_days, 60);
  EXPECT_EQ(updated->version, 2);
  days.mid_year_filling_days = 0;
  EXPECT_THAT(std::string(store_->UpdatePeriod(days, Write()).status().message()),
              HasSubstr("mid_year_filling_days"));

  // Before any approval the cadence may change; after one it is locked, also during a revision.
  PeriodUpdate cadence;
  cadence.id = period->id;
  cadence.cadence = Cadence::kMonthly;
  ASSERT_TRUE(store_->UpdatePeriod(cadence, Write()).ok());
  Plan plan = AddPlan(period->id, "emp-1", "Budi", kNonAsn, "ADMINISTRATOR");
  ASSERT_TRUE(Edit(plan, {Result("Laporan")}).ok());
  ASSERT_TRUE(Submit(plan.id).ok());
  cadence.cadence = Cadence::kQuarterly;
  EXPECT_TRUE(store_->UpdatePeriod(cadence, Write()).ok()) << "submitted is not approved";
  cadence.cadence = Cadence::kMonthly;
  ASSERT_TRUE(Approve(plan.id).ok());
  ASSERT_TRUE(Revise(plan.id, "Indikator diganti").ok());
  auto locked = store_->UpdatePeriod(cadence, Write());
  EXPECT_EQ(errors::ReasonOf(locked.status()).value_or(""), "CADENCE_LOCKED");
  EXPECT_EQ(store_->GetPeriod(period->id)->cadence, Cadence::kQuarterly);
  cadence.cadence = Cadence::kQuarterly;  // the same cadence is no change
  EXPECT_TRUE(store_->UpdatePeriod(cadence, Write()).ok());
}

// Migration 0005 applies to a schema whose agencies already have several periods in a year:
// they are kept (all but the first marked legacy_duplicate), and no new one can be added.
TEST(PlanContentMigrationTest, DuplicatePeriodsOfAYearAreKeptAndRefusedFromThenOn) {
  std::vector<db::Migration> before;
  for (db::Migration& m : GoalsMigrations()) {
    if (m.id < "goals/0005") before.push_back(std::move(m));
  }
  kinerja::testing::StoreDatabase database("goals", before);
  std::string first_id;
  pqxx::connection conn(database.dsn());
  for (const char* name : {"SKP 2024", "SKP 2024 Perubahan"}) {
    // One transaction each: the first created is the one kept.
    pqxx::work tx(conn);
    {
      const pqxx::result r = tx.exec_params(
          "INSERT INTO periods (agency_id, year, name, start_date, end_date, filling_deadline, "
          "cadence) VALUES ('kota', 2024, $1, '2024-01-01', '2024-12-31', '2024-01-31', "
          "'MONTHLY') RETURNING id",
          name);
      const std::string id = r[0][0].as<std::string>();
      if (first_id.empty()) first_id = id;
    }
    tx.commit();
  }
  {
    std::vector<db::Migration> all = db::PlatformMigrations();
    for (db::Migration& m : GoalsMigrations()) all.push_back(std::move(m));
    auto applied = db::ApplyMigrations(conn, "goals", all);
    ASSERT_TRUE(applied.ok()) << applied.status();
    ASSERT_FALSE(applied->applied.empty());
    EXPECT_EQ(applied->applied.front(), "goals/0005_plan_content.sql");
  }
  EXPECT_EQ(database.Count("periods"), 2);
  EXPECT_EQ(database.Scalar("SELECT id FROM goals.periods WHERE NOT legacy_duplicate"), first_id);
  GoalsStore store(database.pool());
  Period period;
  period.agency_id = "kota";
  period.year = 2024;
  period.start_date = absl::CivilDay(2024, 1, 1);
  period.end_date = absl::CivilDay(2024, 12, 31);
  period.filling_deadline = absl::CivilDay(2024, 1, 31);
  auto refused = store.CreatePeriod(period, kinerja::testing::StoreDatabase::Write());
  EXPECT_EQ(errors::ReasonOf(refused.status()).value_or(""), "PERIOD_EXISTS");
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr(first_id));
  period.year = 2025;
  period.start_date = absl::CivilDay(2025, 1, 1);
  period.end_date = absl::CivilDay(2025, 12, 31);
  period.filling_deadline = absl::CivilDay(2025, 1, 31);
  auto next_year = store.CreatePeriod(period, kinerja::testing::StoreDatabase::Write());
  EXPECT_TRUE(next_year.ok()) << next_year.status();
  // Both old periods still read.
  auto listed = store.ListPeriods({}, {.page_size = 10});
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_EQ(listed->items.size(), 3u);
}

}  // namespace
}  // namespace kinerja::goals::store::testing
