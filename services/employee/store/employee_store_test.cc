// Store tests on a real throwaway PostgreSQL: agencies, units, positions, employees, transfers,
// acting officials, idempotency, etags, pagination, and the schema's isolation.
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/employee/convert/resources.h"
#include "services/employee/store/store_test_fixture.h"
#include "shared/errors/errors.h"
#include "shared/rpc/filter.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::employee::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<rpc::Condition> Filter(const std::string& text) {
  auto conditions = rpc::ParseFilter(text, EmployeeFilterSchema());
  EXPECT_TRUE(conditions.ok()) << conditions.status();
  return conditions.ok() ? *conditions : std::vector<rpc::Condition>();
}

// --- Agencies -----------------------------------------------------------------------------------

TEST_F(StoreTest, AgencyCreateGetUpdateWithEtag) {
  Agency created = AddAgency("kota", "Kota Contoh");
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(Count("outbox", "type = 'AgencyChanged'"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'agency.create'"), 1);

  auto got = store_->GetAgency("kota");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->name, "Kota Contoh");
  EXPECT_EQ(got->head_title, "Wali Kota");
  EXPECT_EQ(got->kind, AgencyKind::kCity);

  EXPECT_EQ(store_->CreateAgency(created, Write()).status().code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(store_->GetAgency("nope").status().code(), absl::StatusCode::kNotFound);

  AgencyUpdate update{.id = "kota", .name = "Kota Baru", .expected_version = 1};
  auto updated = store_->UpdateAgency(update, Write());
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->name, "Kota Baru");
  EXPECT_EQ(updated->version, 2);
  EXPECT_GE(updated->update_time, created.update_time);

  // Stale etag.
  auto stale = store_->UpdateAgency(update, Write());
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_THAT(std::string(stale.status().message()), HasSubstr("etag"));
  EXPECT_EQ(Count("audit_log", "action = 'agency.update'"), 1);

  // No change: no version bump, no event.
  update.expected_version = 2;
  auto same = store_->UpdateAgency(update, Write());
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->version, 2);
  EXPECT_EQ(Count("outbox", "type = 'AgencyChanged'"), 2);
}

TEST_F(StoreTest, AgencyIdempotentCreateReturnsFirstAnswer) {
  Agency agency{.id = "kota", .name = "Kota Contoh", .kind = AgencyKind::kCity};
  WriteOptions write = Write("r-1");
  write.idempotency = db::IdempotencyKey{"alice", "CreateAgency", "r-1", "fp-1"};
  auto first = store_->CreateAgency(agency, write);
  ASSERT_TRUE(first.ok()) << first.status();
  auto again = store_->CreateAgency(agency, write);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->id, "kota");
  EXPECT_EQ(again->version, first->version);
  EXPECT_EQ(absl::ToUnixMicros(again->create_time), absl::ToUnixMicros(first->create_time));
  EXPECT_EQ(Count("outbox"), 1);
  EXPECT_EQ(Count("audit_log"), 1);

  write.idempotency->fingerprint = "fp-other";
  EXPECT_EQ(store_->CreateAgency(agency, write).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, AgencyListPagesById) {
  for (int i = 0; i < 7; ++i) AddAgency(absl::StrCat("a", i), absl::StrCat("Agency ", i));
  std::vector<std::string> seen;
  PageRequest page{.page_size = 3};
  for (int guard = 0; guard < 10; ++guard) {
    auto result = store_->ListAgencies(page);
    ASSERT_TRUE(result.ok()) << result.status();
    for (const Agency& a : result->items) seen.push_back(a.id);
    if (!result->has_more) break;
    page.after = result->last_key;
  }
  EXPECT_THAT(seen, ElementsAre("a0", "a1", "a2", "a3", "a4", "a5", "a6"));
}

// --- Units and positions ------------------------------------------------------------------------

TEST_F(StoreTest, UnitsStayInOneAgencyAndRejectCycles) {
  AddAgency("kota");
  AddAgency("prov", "Provinsi");
  AddUnit("root", "");
  AddUnit("a", "root");
  AddUnit("b", "a");
  AddUnit("p-root", "", "prov");

  OrgUnit other{.agency_id = "prov", .parent_id = "a", .name = "X"};
  auto cross = store_->CreateOrgUnit(other, Write());
  EXPECT_EQ(cross.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(errors::ReasonOf(cross.status()), "DIFFERENT_AGENCY");

  OrgUnit orphan{.agency_id = "kota", .parent_id = "missing", .name = "X"};
  EXPECT_EQ(errors::ReasonOf(store_->CreateOrgUnit(orphan, Write()).status()),
            "REFERENCE_NOT_FOUND");

  auto cycle = store_->SetUnitParent("a", "b", std::nullopt, Write());
  EXPECT_EQ(cycle.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(errors::ReasonOf(cycle.status()), "UNIT_CYCLE");
  EXPECT_EQ(errors::ReasonOf(store_->SetUnitParent("a", "a", std::nullopt, Write()).status()),
            "UNIT_CYCLE");
  EXPECT_EQ(errors::ReasonOf(store_->SetUnitParent("b", "p-root", std::nullopt, Write()).status()),
            "DIFFERENT_AGENCY");

  // A legal move, with an etag.
  EXPECT_EQ(store_->SetUnitParent("b", "root", 99, Write()).status().code(),
            absl::StatusCode::kAborted);
  auto moved = store_->SetUnitParent("b", "root", 1, Write());
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(moved->parent_id, "root");
  EXPECT_EQ(moved->version, 2);

  auto roots = store_->ListOrgUnits(
      *rpc::ParseFilter("agency_id = \"kota\" AND parent_id = \"\"", OrgUnitFilterSchema()),
      {.page_size = 10});
  ASSERT_TRUE(roots.ok()) << roots.status();
  ASSERT_EQ(roots->items.size(), 1u);
  EXPECT_EQ(roots->items[0].id, "root");
  auto children = store_->ListOrgUnits(
      *rpc::ParseFilter("parent_id = \"root\"", OrgUnitFilterSchema()), {.page_size = 10});
  ASSERT_TRUE(children.ok());
  EXPECT_EQ(children->items.size(), 2u);
}

TEST_F(StoreTest, LeaderPositionSetsTheUnitsLeader) {
  AddAgency();
  AddUnit("root", "");
  AddUnit("dinas", "root");
  Position head = AddPosition("kadis", "dinas", PositionType::kJptPratama, true, Eselon::kIIb);
  AddPosition("staf", "dinas", PositionType::kPelaksana, false);
  EXPECT_EQ(head.agency_id, "kota");
  auto unit = store_->GetOrgUnit("dinas");
  ASSERT_TRUE(unit.ok());
  EXPECT_EQ(unit->leader_position_id, "kadis");
  EXPECT_EQ(unit->eselon, Eselon::kIIb);
  EXPECT_EQ(unit->version, 2);
  EXPECT_EQ(Count("outbox", "type = 'PositionChanged'"), 2);
  EXPECT_EQ(Count("outbox", "type = 'OrgUnitChanged'"), 3);  // 2 creates + leader

  // The leader must belong to the unit.
  auto wrong = store_->SetUnitLeaderPosition("root", "staf", std::nullopt, Write());
  EXPECT_EQ(errors::ReasonOf(wrong.status()), "POSITION_IN_ANOTHER_UNIT");

  auto list = store_->ListPositions(
      *rpc::ParseFilter("unit_id = \"dinas\" AND type = POSITION_TYPE_PELAKSANA",
                        PositionFilterSchema()),
      {.page_size = 10});
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].id, "staf");
  auto got = store_->GetPosition("kadis");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->type, PositionType::kJptPratama);
  EXPECT_EQ(got->eselon, Eselon::kIIb);
}

// --- Employees ----------------------------------------------------------------------------------

class EmployeeTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    AddAgency();
    AddUnit("root", "");
    AddUnit("dinas", "root");
    AddPosition("kadis", "dinas", PositionType::kJptPratama, true, Eselon::kIIb);
    AddPosition("staf", "dinas", PositionType::kPelaksana, false);
    AddPosition("analis", "dinas", PositionType::kPelaksana, false);
  }
};

TEST_F(EmployeeTest, CreateOpensTheFirstAssignment) {
  EmployeeRecord created = AddEmployee("e1", 1, "staf");
  EXPECT_EQ(created.employee.unit_id, "dinas");
  EXPECT_EQ(created.employee.agency_id, "kota");
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(created.position_start_date, absl::CivilDay(2020, 1, 1));
  EXPECT_EQ(RankLabel(created.employee.rank), "III/a");

  auto history = store_->ListAssignments("e1", {.page_size = 10});
  ASSERT_TRUE(history.ok()) << history.status();
  ASSERT_EQ(history->items.size(), 1u);
  EXPECT_EQ(history->items[0].reason, AssignmentReason::kInitial);
  EXPECT_FALSE(history->items[0].end_date);

  auto by_nip = store_->GetEmployeeByNip(Nip(1));
  ASSERT_TRUE(by_nip.ok()) << by_nip.status();
  EXPECT_EQ(by_nip->employee.id, "e1");
  auto by_id = store_->GetEmployee("e1");
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(by_id->employee.nip, Nip(1));
  EXPECT_EQ(by_id->employee.birth_date, absl::CivilDay(1986, 9, 26));
  EXPECT_EQ(by_id->appointment_date, absl::CivilDay(2015, 5, 1));
  EXPECT_EQ(store_->GetEmployee("nope").status().code(), absl::StatusCode::kNotFound);

  // Outbox payload = the stored resource.
  pqxx::connection conn(dsn_);
  pqxx::nontransaction tx(conn);
  pqxx::row row =
      tx.exec1("SELECT payload, payload_type FROM employee.outbox WHERE type = 'EmployeeCreated'");
  v1::EmployeeChanged event;
  ASSERT_TRUE(event.ParseFromString(pqxx::binarystring(row[0]).str()));
  EXPECT_EQ(event.employee().SerializeAsString(), convert::ToProto(*by_id).SerializeAsString());
  EXPECT_EQ(row[1].as<std::string>(), "type.googleapis.com/kinerja.employee.v1.EmployeeChanged");

  // Duplicates and bad references.
  EXPECT_EQ(store_->CreateEmployee(NewEmployee("e2", 1, "staf"), Write()).status().code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(
      errors::ReasonOf(store_->CreateEmployee(NewEmployee("e3", 3, "missing"), Write()).status()),
      "REFERENCE_NOT_FOUND");
  EmployeeRecord bad_sex = NewEmployee("e4", 4, "staf");
  bad_sex.employee.sex = Sex::kFemale;  // the NIP says male
  EXPECT_EQ(store_->CreateEmployee(bad_sex, Write()).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Count("employees"), 1);
  EXPECT_EQ(Count("assignments"), 1);
}

TEST_F(EmployeeTest, CreateGeneratesAnIdAndIsIdempotent) {
  WriteOptions write = Write("r-9");
  write.idempotency = db::IdempotencyKey{"hr", "CreateEmployee", "r-9", "fp"};
  EmployeeRecord record = NewEmployee("", 9, "staf");
  record.position_start_date = absl::CivilDay(2021, 3, 1);
  auto first = store_->CreateEmployee(record, write);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_FALSE(first->employee.id.empty());
  auto retry = store_->CreateEmployee(record, write);
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->employee.id, first->employee.id);
  EXPECT_EQ(convert::ToProto(*retry).SerializeAsString(),
            convert::ToProto(*first).SerializeAsString());
  EXPECT_EQ(Count("employees"), 1);
  EXPECT_EQ(Count("outbox", "type = 'EmployeeCreated'"), 1);
}

TEST_F(EmployeeTest, BatchGetKeepsRequestOrder) {
  AddEmployee("e1", 1, "staf");
  AddEmployee("e2", 2, "staf");
  AddEmployee("e3", 3, "analis");
  auto batch = store_->BatchGetEmployees({"e3", "e1", "e3"});
  ASSERT_TRUE(batch.ok()) << batch.status();
  ASSERT_EQ(batch->size(), 3u);
  EXPECT_EQ((*batch)[0].employee.id, "e3");
  EXPECT_EQ((*batch)[1].employee.id, "e1");
  EXPECT_EQ((*batch)[2].employee.id, "e3");
  auto by_nip = store_->BatchGetEmployeesByNip({Nip(2), Nip(1)});
  ASSERT_TRUE(by_nip.ok());
  EXPECT_EQ((*by_nip)[0].employee.id, "e2");
  auto missing = store_->BatchGetEmployees({"e1", "ghost"});
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(missing.status().message()), HasSubstr("ghost"));
}

TEST_F(EmployeeTest, ListFiltersAndPagesWithoutGapsOrDuplicates) {
  const std::vector<std::string> names = {"Ani",   "Budi", "Citra", "Dewi",  "Eko",
                                          "Fajar", "Gita", "Hadi",  "Intan", "Joko"};
  for (int i = 0; i < 25; ++i) {
    // Repeated names make (name, nip) the real key.
    AddEmployee(absl::StrCat("e", i), 100 + i, i % 5 == 0 ? "analis" : "staf",
                names[(i * 7) % names.size()]);
  }
  for (EmployeeOrder order :
       {EmployeeOrder::kNip, EmployeeOrder::kName, EmployeeOrder::kCreateTimeDesc}) {
    std::vector<std::string> seen;
    PageRequest page{.page_size = 4};
    for (int guard = 0; guard < 20; ++guard) {
      auto result = store_->ListEmployees(Filter("agency_id = \"kota\""), order, page);
      ASSERT_TRUE(result.ok()) << result.status();
      for (const EmployeeRecord& e : result->items) seen.push_back(e.employee.id);
      if (!result->has_more) break;
      page.after = result->last_key;
    }
    EXPECT_EQ(seen.size(), 25u);
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 25u);
  }
  // Name order is by name then NIP.
  auto by_name = store_->ListEmployees({}, EmployeeOrder::kName, {.page_size = 100});
  ASSERT_TRUE(by_name.ok());
  for (size_t i = 1; i < by_name->items.size(); ++i) {
    const Employee& a = by_name->items[i - 1].employee;
    const Employee& b = by_name->items[i].employee;
    EXPECT_TRUE(std::tie(a.name, a.nip) < std::tie(b.name, b.nip));
  }

  auto analis = store_->ListEmployees(Filter("position_id = \"analis\""), EmployeeOrder::kNip,
                                      {.page_size = 100});
  ASSERT_TRUE(analis.ok());
  EXPECT_EQ(analis->items.size(), 5u);
  auto prefix = store_->ListEmployees(Filter("name:\"Gi*\" AND status = ACTIVE AND kind = PNS"),
                                      EmployeeOrder::kName, {.page_size = 100});
  ASSERT_TRUE(prefix.ok()) << prefix.status();
  EXPECT_FALSE(prefix->items.empty());
  for (const EmployeeRecord& e : prefix->items) EXPECT_EQ(e.employee.name, "Gita");
  auto rank = store_->ListEmployees(Filter("rank = \"31\" AND sex = SEX_MALE"), EmployeeOrder::kNip,
                                    {.page_size = 100});
  ASSERT_TRUE(rank.ok()) << rank.status();
  EXPECT_EQ(rank->items.size(), 25u);
  auto none =
      store_->ListEmployees(Filter("status = RETIRED"), EmployeeOrder::kNip, {.page_size = 100});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->items.empty());
  // LIKE metacharacters are literal.
  auto literal =
      store_->ListEmployees(Filter("name:\"%*\""), EmployeeOrder::kNip, {.page_size = 100});
  ASSERT_TRUE(literal.ok());
  EXPECT_TRUE(literal->items.empty());
}

TEST_F(EmployeeTest, UpdateChecksEtagAndRank) {
  AddEmployee("e1", 1, "staf");
  EmployeeUpdate update{.id = "e1", .name = "Budi Hartono", .expected_version = 1};
  update.rank = Rank(*Golongan::Parse("III/b"));
  auto updated = store_->UpdateEmployee(update, Write());
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->employee.name, "Budi Hartono");
  EXPECT_EQ(RankLabel(updated->employee.rank), "III/b");
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(Count("outbox", "type = 'EmployeeUpdated'"), 1);
  EXPECT_EQ(Count("audit_log",
                  "action = 'employee.update' AND before->>'name' = 'Budi Santoso'"
                  " AND after->>'name' = 'Budi Hartono'"),
            1);

  auto stale = store_->UpdateEmployee(update, Write());
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_THAT(std::string(stale.status().message()), HasSubstr("etag"));

  EmployeeUpdate pppk_rank{.id = "e1"};
  pppk_rank.rank = Rank(*PppkGrade::Parse("IX"));  // a PNS cannot have a PPPK grade
  EXPECT_EQ(store_->UpdateEmployee(pppk_rank, Write()).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->UpdateEmployee({.id = "ghost", .name = "X"}, Write()).status().code(),
            absl::StatusCode::kNotFound);
}

// Without an idempotency key an update is one statement that applies only to the version the
// caller read: a change made in between is read again and kept, not overwritten.
TEST_F(EmployeeTest, UpdateFromAStaleReadKeepsTheChangeMadeInBetween) {
  EmployeeRecord read = AddEmployee("e1", 1, "staf");
  auto leave = store_->UpdateEmployee({.id = "e1", .status = EmployeeStatus::kOnLeave}, Write());
  ASSERT_TRUE(leave.ok()) << leave.status();
  auto renamed = store_->UpdateEmployee({.id = "e1", .name = "Budi Hartono"}, Write(), &read);
  ASSERT_TRUE(renamed.ok()) << renamed.status();
  EXPECT_EQ(renamed->employee.name, "Budi Hartono");
  EXPECT_EQ(renamed->employee.status, EmployeeStatus::kOnLeave);
  EXPECT_EQ(renamed->version, 3);
  // The answer is what a later read returns, and what the event carries.
  auto again = store_->GetEmployee("e1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->version, renamed->version);
  EXPECT_EQ(again->update_time, renamed->update_time);
  EXPECT_EQ(again->employee.name, "Budi Hartono");
  v1::EmployeeChanged event;
  {
    pqxx::connection conn(db_->dsn());
    pqxx::work tx(conn);
    pqxx::row payload = tx.exec1(
        "SELECT payload FROM employee.outbox WHERE type = 'EmployeeUpdated' "
        "ORDER BY sequence DESC LIMIT 1");
    ASSERT_TRUE(event.ParseFromString(pqxx::binarystring(payload[0]).str()))
        << "the event payload does not parse";
  }
  EXPECT_EQ(event.employee().SerializeAsString(), convert::ToProto(*again).SerializeAsString());
  EXPECT_EQ(Count("audit_log",
                  "action = 'employee.update' AND before->>'name' = 'Budi Santoso' AND "
                  "before->>'status' = 'ON_LEAVE' AND after->>'name' = 'Budi Hartono'"),
            1);
  // An update that changes nothing writes nothing.
  auto same = store_->UpdateEmployee({.id = "e1", .name = "Budi Hartono"}, Write(), &*again);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->version, 3);
  EXPECT_EQ(Count("outbox", "type = 'EmployeeUpdated'"), 2);
}

// An employee who leaves the service holds no position from the day it is recorded (both write
// paths: one statement without a request id, a transaction with one).
TEST_F(EmployeeTest, LeavingTheServiceEndsTheOpenAssignment) {
  AddEmployee("e1", 1, "staf");
  AddEmployee("e2", 2, "staf");
  EXPECT_EQ(Count("assignments", "employee_id = 'e1' AND valid_to IS NULL"), 1);
  auto retired = store_->UpdateEmployee({.id = "e1", .status = EmployeeStatus::kRetired}, Write());
  ASSERT_TRUE(retired.ok()) << retired.status();
  EXPECT_EQ(Count("assignments", "employee_id = 'e1' AND valid_to IS NULL"), 0);
  EXPECT_EQ(Count("assignments", "employee_id = 'e1' AND valid_to IS NOT NULL"), 1);
  auto deceased =
      store_->UpdateEmployee({.id = "e2", .status = EmployeeStatus::kDeceased}, Write("req-leave"));
  ASSERT_TRUE(deceased.ok()) << deceased.status();
  EXPECT_EQ(Count("assignments", "employee_id = 'e2' AND valid_to IS NULL"), 0);
  // Going on leave keeps the position.
  AddEmployee("e3", 3, "staf");
  ASSERT_TRUE(
      store_->UpdateEmployee({.id = "e3", .status = EmployeeStatus::kOnLeave}, Write()).ok());
  EXPECT_EQ(Count("assignments", "employee_id = 'e3' AND valid_to IS NULL"), 1);
}

// With an idempotency key the update runs in a transaction that stores the answer; a retry gets
// the first answer and writes nothing more.
TEST_F(EmployeeTest, IdempotentUpdateAnswersARetryWithTheFirstAnswer) {
  EmployeeRecord read = AddEmployee("e1", 1, "staf");
  const WriteOptions write = ::kinerja::testing::StoreDatabase::IdempotentWrite("req-1");
  auto first = store_->UpdateEmployee({.id = "e1", .name = "Budi Hartono"}, write, &read);
  ASSERT_TRUE(first.ok()) << first.status();
  auto retry = store_->UpdateEmployee({.id = "e1", .name = "Budi Hartono"}, write, &read);
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->version, first->version);
  EXPECT_EQ(Count("outbox", "type = 'EmployeeUpdated'"), 1);
}

TEST_F(EmployeeTest, TransferClosesAndOpensAssignments) {
  AddEmployee("e1", 1, "staf", "Budi Santoso", absl::CivilDay(2020, 1, 1));
  TransferRequest request{.employee_id = "e1",
                          .position_id = "kadis",
                          .effective_date = absl::CivilDay(2019, 12, 31),
                          .reason = AssignmentReason::kPromotion};
  auto early = store_->TransferEmployee(request, Write());
  EXPECT_EQ(errors::ReasonOf(early.status()), "EFFECTIVE_DATE_TOO_EARLY");

  request.effective_date = absl::CivilDay(2024, 7, 1);
  request.new_rank = Rank(*Golongan::Parse("IV/a"));
  request.expected_version = 1;
  auto moved = store_->TransferEmployee(request, Write());
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(moved->employee.position_id, "kadis");
  EXPECT_EQ(moved->position_start_date, absl::CivilDay(2024, 7, 1));
  EXPECT_EQ(RankLabel(moved->employee.rank), "IV/a");
  EXPECT_EQ(moved->version, 2);

  auto history = store_->ListAssignments("e1", {.page_size = 1});
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->items.size(), 1u);
  EXPECT_EQ(history->items[0].end_date, absl::CivilDay(2024, 7, 1));
  ASSERT_TRUE(history->has_more);
  auto next = store_->ListAssignments("e1", {.page_size = 1, .after = history->last_key});
  ASSERT_TRUE(next.ok());
  ASSERT_EQ(next->items.size(), 1u);
  EXPECT_EQ(next->items[0].position_id, "kadis");
  EXPECT_EQ(next->items[0].reason, AssignmentReason::kPromotion);
  EXPECT_FALSE(next->items[0].end_date);
  EXPECT_FALSE(next->has_more);

  pqxx::connection conn(dsn_);
  pqxx::nontransaction tx(conn);
  v1::EmployeeTransferred event;
  ASSERT_TRUE(event.ParseFromString(
      pqxx::binarystring(
          tx.exec1("SELECT payload FROM employee.outbox WHERE type = 'EmployeeTransferred'")[0])
          .str()));
  EXPECT_EQ(event.from_position_id(), "staf");
  EXPECT_EQ(event.from_unit_id(), "dinas");
  EXPECT_EQ(event.employee().position_id(), "kadis");
  EXPECT_EQ(event.effective_date().year(), 2024);
  EXPECT_EQ(event.reason(), v1::ASSIGNMENT_REASON_PROMOTION);

  // Stale etag; same position; same-day correction.
  EXPECT_EQ(store_->TransferEmployee(request, Write()).status().code(), absl::StatusCode::kAborted);
  request.expected_version.reset();
  EXPECT_EQ(errors::ReasonOf(store_->TransferEmployee(request, Write()).status()),
            "ALREADY_IN_POSITION");
  request.position_id = "analis";
  request.new_rank.reset();
  auto corrected = store_->TransferEmployee(request, Write());
  ASSERT_TRUE(corrected.ok()) << corrected.status();
  EXPECT_EQ(Count("assignments", "employee_id = 'e1'"), 2);
  EXPECT_EQ(Count("assignments",
                  "employee_id = 'e1' AND valid_to IS NULL AND "
                  "position_id = 'analis'"),
            1);
  EXPECT_EQ(store_->ListAssignments("ghost", {.page_size = 5}).status().code(),
            absl::StatusCode::kNotFound);
}

// --- Acting officials ---------------------------------------------------------------------------

TEST_F(EmployeeTest, ActingOfficialsValidateAndList) {
  AddEmployee("e1", 1, "staf");
  AddAgency("prov", "Provinsi");
  AddUnit("p-root", "", "prov");
  AddPosition("gub", "p-root", PositionType::kJptUtama, true);

  ActingOfficial acting{.position_id = "kadis",
                        .employee_id = "e1",
                        .kind = Official::kPlt,
                        .start_date = absl::CivilDay(2024, 1, 1),
                        .end_date = absl::CivilDay(2024, 3, 31),
                        .basis = "SK 800/1/2024"};
  auto created = store_->CreateActingOfficial(acting, Write());
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->agency_id, "kota");
  EXPECT_FALSE(created->id.empty());
  EXPECT_EQ(Count("outbox", "type = 'ActingOfficialAssigned'"), 1);

  ActingOfficial reversed = acting;
  reversed.end_date = absl::CivilDay(2023, 1, 1);
  EXPECT_EQ(store_->CreateActingOfficial(reversed, Write()).status().code(),
            absl::StatusCode::kInvalidArgument);
  ActingOfficial foreign = acting;
  foreign.position_id = "gub";
  EXPECT_EQ(errors::ReasonOf(store_->CreateActingOfficial(foreign, Write()).status()),
            "DIFFERENT_AGENCY");
  ActingOfficial nobody = acting;
  nobody.employee_id = "ghost";
  EXPECT_EQ(errors::ReasonOf(store_->CreateActingOfficial(nobody, Write()).status()),
            "REFERENCE_NOT_FOUND");

  acting.kind = Official::kPlh;
  acting.start_date = absl::CivilDay(2024, 5, 1);
  acting.end_date = absl::CivilDay(2024, 5, 3);
  ASSERT_TRUE(store_->CreateActingOfficial(acting, Write()).ok());
  auto list = store_->ListActingOfficials(
      *rpc::ParseFilter("position_id = \"kadis\"", ActingFilterSchema()), {.page_size = 1});
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].kind, Official::kPlt);
  ASSERT_TRUE(list->has_more);
  auto rest = store_->ListActingOfficials(
      *rpc::ParseFilter("position_id = \"kadis\"", ActingFilterSchema()),
      {.page_size = 5, .after = list->last_key});
  ASSERT_TRUE(rest.ok()) << rest.status();
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_EQ(rest->items[0].kind, Official::kPlh);
  EXPECT_EQ(rest->items[0].end_date, absl::CivilDay(2024, 5, 3));
}

// --- Schema isolation ---------------------------------------------------------------------------

TEST_F(StoreTest, EmployeeRoleCannotReadAnotherServicesSchema) {
  const std::string goals_dsn = ::kinerja::testing::PgCluster::Get().ProvisionService(
      dbname_, {"goals", "kinerja_goals", "pw-goals"});
  {
    pqxx::connection goals(goals_dsn);
    pqxx::work tx(goals);
    tx.exec0("CREATE TABLE goals.plans (id text PRIMARY KEY)");
    tx.exec0("INSERT INTO goals.plans VALUES ('p1')");
    tx.commit();
  }
  pqxx::connection employee(dsn_);
  pqxx::nontransaction tx(employee);
  try {
    tx.exec("SELECT * FROM goals.plans");
    FAIL() << "the employee role read the goals schema";
  } catch (const pqxx::insufficient_privilege& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("permission denied for schema goals"));
  }
}

}  // namespace
}  // namespace kinerja::employee::store::testing
