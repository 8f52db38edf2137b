// Store tests of periods, deadline extensions, unit policies and the schema's isolation, on a
// real throwaway PostgreSQL.
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "kinerja/goals/v1/resources.pb.h"
#include "services/goals/domain/plan_dates.h"
#include "services/goals/store/store_test_fixture.h"
#include "shared/errors/errors.h"
#include "shared/rpc/filter.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::goals::store::testing {
namespace {

using ::testing::HasSubstr;

std::vector<rpc::Condition> Filter(const std::string& text, const rpc::FilterSchema& schema) {
  auto conditions = rpc::ParseFilter(text, schema);
  EXPECT_TRUE(conditions.ok()) << conditions.status();
  return conditions.ok() ? *conditions : std::vector<rpc::Condition>();
}

TEST_F(StoreTest, PeriodCreateGetUpdateWithEtag) {
  Period created = AddPeriod("kota", 2024);
  EXPECT_FALSE(created.id.empty());
  EXPECT_EQ(created.name, "SKP 2024");
  EXPECT_EQ(created.state, PeriodState::kOpen);
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(Count("outbox", "type = 'PeriodCreated' AND aggregate_id = '" + created.id + "'"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'period.create' AND after->>'name' = 'SKP 2024'"), 1);

  auto got = store_->GetPeriod(created.id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->filling_deadline, absl::CivilDay(2024, 1, 31));
  EXPECT_EQ(got->cadence, Cadence::kQuarterly);
  EXPECT_EQ(got->create_time, created.create_time);
  EXPECT_EQ(store_->GetPeriod("nope").status().code(), absl::StatusCode::kNotFound);

  // One period per agency and year, whatever its name; the refusal names the existing period.
  auto second = store_->CreatePeriod(NewPeriod("kota", 2024, "SKP Kedua"), Write());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(errors::ReasonOf(second.status()).value_or(""), "PERIOD_EXISTS");
  EXPECT_THAT(std::string(second.status().message()), HasSubstr(created.id));
  EXPECT_EQ(Count("periods"), 1);
  // Invalid: the domain's ValidatePeriod names the field.
  Period bad = NewPeriod("kota", 2024, "Bad");
  bad.filling_deadline = absl::CivilDay(2025, 1, 1);
  auto invalid = store_->CreatePeriod(bad, Write());
  EXPECT_EQ(invalid.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(invalid.status().message()), HasSubstr("filling_deadline"));

  PeriodUpdate update;
  update.id = created.id;
  update.expected_version = 1;
  update.name = "SKP Tahunan 2024";
  update.filling_deadline = absl::CivilDay(2024, 2, 29);
  auto updated = store_->UpdatePeriod(update, Write());
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->name, "SKP Tahunan 2024");
  EXPECT_EQ(updated->filling_deadline, absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(Count("outbox", "type = 'PeriodUpdated'"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'period.update' AND before->>'name' = 'SKP 2024'"), 1);

  // Stale etag.
  auto stale = store_->UpdatePeriod(update, Write());
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_THAT(std::string(stale.status().message()), HasSubstr("etag"));
  // No change: no version bump, no event.
  update.expected_version = 2;
  auto same = store_->UpdatePeriod(update, Write());
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ(same->version, 2);
  EXPECT_EQ(Count("outbox", "type = 'PeriodUpdated'"), 1);
  // Other agencies and years have periods of their own.
  AddPeriod("kota", 2025);
  AddPeriod("kabupaten", 2024);
}

TEST_F(StoreTest, PeriodStateTransitions) {
  Period period = AddPeriod();
  auto closed = store_->SetPeriodState(period.id, PeriodState::kClosed, 1, Write());
  ASSERT_TRUE(closed.ok()) << closed.status();
  EXPECT_EQ(closed->state, PeriodState::kClosed);
  EXPECT_EQ(closed->version, 2);
  EXPECT_EQ(Count("outbox", "type = 'PeriodStateChanged'"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'period.set_state'"), 1);

  // Same state: no-op, no event.
  auto again = store_->SetPeriodState(period.id, PeriodState::kClosed, std::nullopt, Write());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->version, 2);
  EXPECT_EQ(Count("outbox", "type = 'PeriodStateChanged'"), 1);

  // Etag mismatch.
  EXPECT_EQ(store_->SetPeriodState(period.id, PeriodState::kOpen, 1, Write()).status().code(),
            absl::StatusCode::kAborted);

  auto locked = store_->SetPeriodState(period.id, PeriodState::kLocked, 2, Write());
  ASSERT_TRUE(locked.ok()) << locked.status();
  auto reopen = store_->SetPeriodState(period.id, PeriodState::kOpen, std::nullopt, Write());
  EXPECT_EQ(reopen.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(errors::ReasonOf(reopen.status()).value_or(""), "INVALID_PERIOD_TRANSITION");
  EXPECT_EQ(Scalar("SELECT state FROM goals.periods"), "LOCKED");
  EXPECT_EQ(
      store_->SetPeriodState("nope", PeriodState::kOpen, std::nullopt, Write()).status().code(),
      absl::StatusCode::kNotFound);
}

TEST_F(StoreTest, PeriodIdempotentCreateReturnsFirstAnswer) {
  auto first = store_->CreatePeriod(NewPeriod("kota", 2024), Write("req-1"));
  ASSERT_TRUE(first.ok()) << first.status();
  // A replay returns the first answer even though a second insert would now be a duplicate.
  auto replay = store_->CreatePeriod(NewPeriod("kota", 2024), Write("req-1"));
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_EQ(replay->id, first->id);
  EXPECT_EQ(replay->version, first->version);
  EXPECT_EQ(replay->create_time, first->create_time);
  EXPECT_EQ(replay->filling_deadline, first->filling_deadline);
  EXPECT_EQ(Count("periods"), 1);
  EXPECT_EQ(Count("outbox"), 1);
  EXPECT_EQ(Count("audit_log"), 1);

  // The same request_id with another request is refused.
  WriteOptions other = Write("req-1");
  other.idempotency->fingerprint = "other";
  EXPECT_EQ(store_->CreatePeriod(NewPeriod("kota", 2025), other).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, PeriodListFiltersAndPagesWithoutGapsOrDuplicates) {
  for (const char* agency : {"a", "b"}) {
    for (int year = 2016; year <= 2025; ++year) AddPeriod(agency, year);
  }
  const rpc::FilterSchema& schema = GoalsStore::PeriodFilterSchema();
  std::vector<std::string> keys;
  PageRequest page{.page_size = 3};
  for (int pages = 0; pages < 10; ++pages) {
    auto listed = store_->ListPeriods(Filter("agency_id = a AND year >= 2020", schema), page);
    ASSERT_TRUE(listed.ok()) << listed.status();
    for (const Period& p : listed->items) {
      EXPECT_EQ(p.agency_id, "a");
      EXPECT_GE(p.year, 2020);
      keys.push_back(absl::StrCat(p.year, "/", p.id));
    }
    if (!listed->has_more) break;
    EXPECT_EQ(listed->last_key.size(), 3u);
    page.after = listed->last_key;
  }
  ASSERT_EQ(keys.size(), 6u);
  EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), 6u);
  // Year descending.
  EXPECT_EQ(keys.front().substr(0, 4), "2025");
  EXPECT_EQ(keys.back().substr(0, 4), "2020");

  // All of both agencies, agency first.
  auto all = store_->ListPeriods({}, {.page_size = 100});
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->items.size(), 20u);
  EXPECT_EQ(all->items.front().agency_id, "a");
  EXPECT_EQ(all->items.back().agency_id, "b");
  EXPECT_FALSE(all->has_more);

  // State, in both spellings.
  ASSERT_TRUE(
      store_->SetPeriodState(all->items[0].id, PeriodState::kClosed, std::nullopt, Write()).ok());
  auto closed = store_->ListPeriods(Filter("state = PERIOD_STATE_CLOSED", schema), {});
  ASSERT_TRUE(closed.ok()) << closed.status();
  ASSERT_EQ(closed->items.size(), 1u);
  EXPECT_EQ(closed->items[0].id, all->items[0].id);
  auto open = store_->ListPeriods(Filter("state != CLOSED AND agency_id = a", schema), {});
  ASSERT_TRUE(open.ok()) << open.status();
  EXPECT_EQ(open->items.size(), 9u);

  EXPECT_EQ(store_->ListPeriods({}, {.page_size = 2, .after = {"x"}}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->ListPeriods({}, {.page_size = 2, .after = {"a", "year", "x"}}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, ExtensionUpsertReplacesTheEarlierGrant) {
  Period period = AddPeriod();
  DeadlineExtension extension =
      Extension(period.id, "emp-1", absl::CivilDay(2024, 2, 15), "Cuti melahirkan");
  auto granted = store_->GrantExtension(extension, Write());
  ASSERT_TRUE(granted.ok()) << granted.status();
  EXPECT_EQ(granted->granted_by, "tester");
  EXPECT_EQ(granted->until, absl::CivilDay(2024, 2, 15));

  extension.until = absl::CivilDay(2024, 3, 1);
  extension.reason = "Diperpanjang";
  auto replaced = store_->GrantExtension(extension, Write());
  ASSERT_TRUE(replaced.ok()) << replaced.status();
  EXPECT_EQ(replaced->until, absl::CivilDay(2024, 3, 1));
  EXPECT_EQ(Count("deadline_extensions"), 1);
  EXPECT_EQ(Scalar("SELECT reason FROM goals.deadline_extensions"), "Diperpanjang");
  EXPECT_EQ(Count("outbox", "type = 'DeadlineExtensionGranted'"), 2);
  EXPECT_EQ(Count("audit_log", "action = 'period.grant_extension' AND before IS NOT NULL"), 1);

  // Before the filling deadline: refused by the domain.
  extension.until = absl::CivilDay(2024, 1, 10);
  EXPECT_EQ(store_->GrantExtension(extension, Write()).status().code(),
            absl::StatusCode::kInvalidArgument);
  extension.period_id = "nope";
  EXPECT_EQ(store_->GrantExtension(extension, Write()).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(Count("outbox", "type = 'DeadlineExtensionGranted'"), 2);
}

TEST_F(StoreTest, UnitPolicyUpsertAndList) {
  auto set = store_->SetUnitPolicy(Policy("kota", "u-1", true), Write());
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_TRUE(set->public_service);
  EXPECT_EQ(set->version, 1);

  // Unchanged: no version bump, no event.
  auto same = store_->SetUnitPolicy(Policy("kota", "u-1", true), Write());
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ(same->version, 1);
  EXPECT_EQ(Count("outbox", "type = 'UnitPolicyChanged'"), 1);

  auto changed = store_->SetUnitPolicy(Policy("kota", "u-1", false), Write());
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_FALSE(changed->public_service);
  EXPECT_EQ(changed->version, 2);
  EXPECT_EQ(Count("outbox", "type = 'UnitPolicyChanged'"), 2);

  // A unit keeps its agency.
  auto other = store_->SetUnitPolicy(Policy("kabupaten", "u-1", true), Write());
  EXPECT_EQ(errors::ReasonOf(other.status()).value_or(""), "DIFFERENT_AGENCY");
  EXPECT_EQ(store_->SetUnitPolicy(Policy("kota", ""), Write()).status().code(),
            absl::StatusCode::kInvalidArgument);

  for (const char* unit : {"u-2", "u-3", "u-4"}) {
    ASSERT_TRUE(store_->SetUnitPolicy(Policy("kota", unit), Write()).ok());
  }
  ASSERT_TRUE(store_->SetUnitPolicy(Policy("lain", "x-1"), Write()).ok());
  std::vector<std::string> units;
  PageRequest page{.page_size = 3};
  for (int pages = 0; pages < 5; ++pages) {
    auto listed = store_->ListUnitPolicies(
        Filter("agency_id = kota", GoalsStore::UnitPolicyFilterSchema()), page);
    ASSERT_TRUE(listed.ok()) << listed.status();
    for (const UnitPolicy& p : listed->items) units.push_back(p.unit_id);
    if (!listed->has_more) break;
    page.after = listed->last_key;
  }
  EXPECT_EQ(units, (std::vector<std::string>{"u-1", "u-2", "u-3", "u-4"}));
}

TEST_F(StoreTest, GoalsRoleCannotReadAnotherServicesSchema) {
  {
    pqxx::connection admin(kinerja::testing::PgCluster::Get().AdminDsn(dbname_));
    pqxx::work tx(admin);
    tx.exec0("CREATE SCHEMA employee");
    tx.exec0("CREATE TABLE employee.employees (id text PRIMARY KEY)");
    tx.exec0("INSERT INTO employee.employees VALUES ('e-1')");
    tx.commit();
  }
  pqxx::connection goals(dsn_);
  pqxx::nontransaction tx(goals);
  // Its own schema works through the same connection.
  EXPECT_EQ(tx.exec("SELECT count(*) FROM goals.periods")[0][0].as<int>(), 0);
  try {
    tx.exec("SELECT * FROM employee.employees");
    FAIL() << "the goals role read the employee schema";
  } catch (const pqxx::insufficient_privilege& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("permission denied for schema employee"));
  }
}

TEST_F(StoreTest, PlanDeadlinesFollowThePeriods) {
  Period period = AddPeriod();
  Plan whole = AddPlan(period.id, "emp-1", "Budi", "boss");
  Plan mid = NewPlan(period.id, "emp-2", "Ani", "boss");
  mid.start_date = absl::CivilDay(2024, 7, 1);
  mid.filling_deadline = PlanFillingDeadline(period, mid.start_date);
  auto created = store_->CreatePlan(mid, Write());
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->filling_deadline, absl::CivilDay(2024, 7, 31));
  ASSERT_TRUE(store_->GetPlan(created->id).ok());  // reads (and may store) the answer

  PeriodUpdate update;
  update.id = period.id;
  update.filling_deadline = absl::CivilDay(2024, 2, 29);
  update.mid_year_filling_days = 14;
  ASSERT_TRUE(store_->UpdatePeriod(update, Write()).ok());
  EXPECT_EQ(store_->GetPlan(whole.id)->filling_deadline, absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(store_->GetPlan(created->id)->filling_deadline, absl::CivilDay(2024, 7, 15));
  auto answers = store_->FindPlanAnswers({created->id});
  ASSERT_TRUE(answers.ok()) << answers.status();
  kinerja::goals::v1::Plan answer;
  ASSERT_TRUE(answer.ParseFromString(answers->at(created->id)));
  EXPECT_EQ(answer.filling_deadline().month(), 7);
  EXPECT_EQ(answer.filling_deadline().day(), 15);
}

}  // namespace
}  // namespace kinerja::goals::store::testing
