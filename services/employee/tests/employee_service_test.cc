// Service tests of kinerja.employee.v1.EmployeeService through a real gRPC channel against a
// real PostgreSQL: every RPC, identity and access, errors with their details, idempotency,
// etags, pagination, events and health.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <grpcpp/impl/client_unary_call.h>

#include <map>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "kinerja/employee/v1/events.pb.h"
#include "shared/rpc/proto_time.h"
#include "tests/harness/employee/org_builder.h"
#include "tests/harness/employee/service_env.h"

namespace kinerja::employee::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

v1::EmployeeService::Stub& Stub() { return ServiceEnv::Get().stub(); }

std::vector<std::string> FieldsOf(const grpc::Status& status) {
  std::vector<std::string> fields;
  google::rpc::BadRequest bad = BadRequestOf(status);
  for (const auto& v : bad.field_violations()) fields.push_back(v.field());
  return fields;
}

grpc::Status GetEmployee(const std::string& token, const std::string& id, v1::Employee* out) {
  v1::GetEmployeeRequest request;
  request.set_id(id);
  return Stub().GetEmployee(Ctx(token).get(), request, out);
}

// --- Platform ----------------------------------------------------------------------------

TEST(EmployeeServiceTest, HealthReportsServing) {
  ServiceEnv& env = ServiceEnv::Get();
  // grpc.health.v1.Health/Check by hand (no generated health stub is packaged):
  // HealthCheckRequest{service = 1} and HealthCheckResponse{status = 1}, SERVING = 1.
  const std::string service = "kinerja.employee.v1.EmployeeService";
  std::string request_bytes = std::string("\x0a", 1) + static_cast<char>(service.size()) + service;
  grpc::internal::RpcMethod method("/grpc.health.v1.Health/Check",
                                   grpc::internal::RpcMethod::NORMAL_RPC);
  absl::Time deadline = absl::Now() + absl::Seconds(10);
  grpc::Status status;
  std::string response_bytes;
  for (;;) {
    grpc::Slice slice(request_bytes);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    grpc::ClientContext ctx;
    status = grpc::internal::BlockingUnaryCall<grpc::ByteBuffer, grpc::ByteBuffer>(
        env.channel().get(), method, &ctx, request, &response);
    response_bytes.clear();
    std::vector<grpc::Slice> slices;
    if (status.ok() && response.Dump(&slices).ok()) {
      for (const grpc::Slice& part : slices) {
        response_bytes.append(reinterpret_cast<const char*>(part.begin()), part.size());
      }
    }
    if (response_bytes == std::string("\x08\x01", 2) || absl::Now() > deadline) break;
    // NOT_FOUND until the health monitor's first database probe registers the service.
    absl::SleepFor(absl::Milliseconds(100));
  }
  ASSERT_TRUE(status.ok()) << Describe(status);
  EXPECT_EQ(response_bytes, std::string("\x08\x01", 2)) << "expected SERVING";
}

TEST(EmployeeServiceTest, UnauthenticatedCallsAreRejected) {
  v1::GetAgencyRequest request;
  request.set_id("anything");
  v1::Agency agency;
  grpc::Status none = Stub().GetAgency(Ctx("").get(), request, &agency);
  EXPECT_EQ(none.error_code(), grpc::StatusCode::UNAUTHENTICATED) << Describe(none);
  grpc::Status garbage = Stub().GetAgency(Ctx("not-a-jwt").get(), request, &agency);
  EXPECT_EQ(garbage.error_code(), grpc::StatusCode::UNAUTHENTICATED) << Describe(garbage);
}

// --- Agencies ----------------------------------------------------------------------------

TEST(EmployeeServiceTest, AgencyLifecycleWithEtags) {
  std::string id = UniqueId("kab");
  v1::Agency created = CreateAgency(id);
  EXPECT_EQ(created.id(), id);
  EXPECT_EQ(created.kind(), v1::AGENCY_KIND_CITY);
  EXPECT_FALSE(created.etag().empty());
  EXPECT_GT(created.create_time().seconds(), 0);

  v1::GetAgencyRequest get;
  get.set_id(id);
  v1::Agency read;
  ASSERT_TRUE(Stub().GetAgency(Ctx(HrAdminToken(id)).get(), get, &read).ok());
  EXPECT_EQ(read.name(), created.name());

  v1::UpdateAgencyRequest update;
  update.mutable_agency()->set_id(id);
  update.mutable_agency()->set_etag(created.etag());
  update.mutable_agency()->set_name("Pemerintah Kabupaten Baru");
  update.mutable_update_mask()->add_paths("name");
  v1::Agency updated;
  grpc::Status s = Stub().UpdateAgency(Ctx(HrAdminToken(id)).get(), update, &updated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(updated.name(), "Pemerintah Kabupaten Baru");
  EXPECT_EQ(updated.head_title(), "Wali Kota");  // not in the mask
  EXPECT_NE(updated.etag(), created.etag());

  // The old etag no longer matches.
  update.mutable_agency()->set_name("Lagi");
  s = Stub().UpdateAgency(Ctx(HrAdminToken(id)).get(), update, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << Describe(s);

  // Unknown mask paths name the mask.
  update.mutable_agency()->set_etag("");
  update.mutable_update_mask()->add_paths("id");
  s = Stub().UpdateAgency(Ctx(HrAdminToken(id)).get(), update, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(s), ElementsAre("update_mask"));
}

TEST(EmployeeServiceTest, ListAgenciesByRole) {
  std::string a = UniqueId("prov");
  std::string b = UniqueId("prov");
  CreateAgency(a);
  CreateAgency(b);
  v1::ListAgenciesRequest request;
  v1::ListAgenciesResponse own;
  ASSERT_TRUE(Stub().ListAgencies(Ctx(HrAdminToken(a)).get(), request, &own).ok());
  ASSERT_THAT(own.agencies(), SizeIs(1));
  EXPECT_EQ(own.agencies(0).id(), a);

  std::set<std::string> seen;
  request.set_page_size(1);
  for (int pages = 0; pages < 1000; ++pages) {
    v1::ListAgenciesResponse page;
    grpc::Status s = Stub().ListAgencies(Ctx(AuditorToken()).get(), request, &page);
    ASSERT_TRUE(s.ok()) << Describe(s);
    ASSERT_LE(page.agencies_size(), 1);
    for (const auto& agency : page.agencies()) seen.insert(agency.id());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  EXPECT_TRUE(seen.count(a) && seen.count(b));

  v1::ListAgenciesResponse denied;
  grpc::Status s = Stub().ListAgencies(Ctx(EmployeeToken(ValidNip(), a)).get(),
                                       v1::ListAgenciesRequest(), &denied);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

// --- Organisation ------------------------------------------------------------------------

TEST(EmployeeServiceTest, OrgUnitsAndPositions) {
  Org org = BuildOrg();
  v1::GetOrgUnitRequest get_unit;
  get_unit.set_id(org.bidang.id());
  v1::OrgUnit unit;
  ASSERT_TRUE(Stub().GetOrgUnit(Ctx(org.hr_token).get(), get_unit, &unit).ok());
  EXPECT_EQ(unit.parent_id(), org.dinas.id());
  EXPECT_EQ(unit.leader_position_id(), org.kabid_position.id());

  v1::ListOrgUnitsRequest list_units;
  list_units.set_filter(absl::StrCat("parent_id = \"", org.dinas.id(), "\""));
  v1::ListOrgUnitsResponse units;
  ASSERT_TRUE(Stub().ListOrgUnits(Ctx(org.hr_token).get(), list_units, &units).ok());
  ASSERT_THAT(units.units(), SizeIs(1));
  EXPECT_EQ(units.units(0).id(), org.bidang.id());

  v1::GetPositionRequest get_position;
  get_position.set_id(org.staff_position.id());
  v1::Position position;
  ASSERT_TRUE(Stub().GetPosition(Ctx(AuditorToken()).get(), get_position, &position).ok());
  EXPECT_EQ(position.agency_id(), org.agency_id);
  EXPECT_EQ(position.type(), v1::POSITION_TYPE_PELAKSANA);

  v1::ListPositionsRequest list_positions;
  list_positions.set_filter(
      absl::StrCat("unit_id = \"", org.bidang.id(), "\" AND type = PELAKSANA"));
  v1::ListPositionsResponse positions;
  grpc::Status s = Stub().ListPositions(Ctx(org.hr_token).get(), list_positions, &positions);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(positions.positions(), SizeIs(1));
  EXPECT_EQ(positions.positions(0).id(), org.staff_position.id());

  // A staff position cannot lead a unit: its holder could not be an assessor.
  v1::CreatePositionRequest leader;
  leader.mutable_position()->set_unit_id(org.bidang.id());
  leader.mutable_position()->set_name("Staf");
  leader.mutable_position()->set_type(v1::POSITION_TYPE_PELAKSANA);
  leader.set_unit_leader(true);
  s = Stub().CreatePosition(Ctx(org.hr_token).get(), leader, &position);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "LEADER_NOT_ASSESSOR");

  // Bad filters name the filter.
  list_positions.set_filter("colour = red");
  s = Stub().ListPositions(Ctx(org.hr_token).get(), list_positions, &positions);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(s), ElementsAre("filter"));
}

TEST(EmployeeServiceTest, HrAdminOfAnotherAgencyCannotWriteOrRead) {
  Org org = BuildOrg();
  std::string other = UniqueId("kota");
  CreateAgency(other);
  std::string intruder = HrAdminToken(other);

  v1::CreateOrgUnitRequest unit;
  unit.mutable_unit()->set_agency_id(org.agency_id);
  unit.mutable_unit()->set_parent_id(org.root.id());
  unit.mutable_unit()->set_name("Dinas Siluman");
  v1::OrgUnit created;
  grpc::Status s = Stub().CreateOrgUnit(Ctx(intruder).get(), unit, &created);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);

  v1::CreateEmployeeRequest employee;
  *employee.mutable_employee() = NewEmployee(org.staff_position.id(), "Penyusup");
  v1::Employee e;
  s = Stub().CreateEmployee(Ctx(intruder).get(), employee, &e);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);

  v1::UpdateEmployeeRequest update;
  update.mutable_employee()->set_id(org.staff1.id());
  update.mutable_employee()->set_name("Diubah");
  update.mutable_update_mask()->add_paths("name");
  s = Stub().UpdateEmployee(Ctx(intruder).get(), update, &e);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);

  s = GetEmployee(intruder, org.staff1.id(), &e);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);

  // Without an agency filter, an HR admin lists only their own agency.
  v1::ListEmployeesResponse listed;
  ASSERT_TRUE(Stub().ListEmployees(Ctx(intruder).get(), v1::ListEmployeesRequest(), &listed).ok());
  EXPECT_THAT(listed.employees(), IsEmpty());
  v1::ListEmployeesRequest theirs;
  theirs.set_filter(absl::StrCat("agency_id = \"", org.agency_id, "\""));
  s = Stub().ListEmployees(Ctx(intruder).get(), theirs, &listed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

// An HR admin of agency B, acting in B's name, cannot reach into agency A through the ids a
// request names: every write refuses (PERMISSION_DENIED or DIFFERENT_AGENCY) and A is unchanged.
TEST(EmployeeServiceTest, ReferencesIntoAnotherAgencyAreRefused) {
  Org a = BuildOrg();
  Org b = BuildOrg();
  auto refused = [](const grpc::Status& s) {
    return s.error_code() == grpc::StatusCode::PERMISSION_DENIED ||
           (s.error_code() == grpc::StatusCode::FAILED_PRECONDITION &&
            ReasonOf(s) == "DIFFERENT_AGENCY");
  };

  v1::CreateOrgUnitRequest unit;
  unit.mutable_unit()->set_agency_id(b.agency_id);
  unit.mutable_unit()->set_parent_id(a.root.id());
  unit.mutable_unit()->set_name("Dinas Titipan");
  v1::OrgUnit created_unit;
  grpc::Status s = Stub().CreateOrgUnit(Ctx(b.hr_token).get(), unit, &created_unit);
  EXPECT_TRUE(refused(s)) << Describe(s);

  v1::CreatePositionRequest position;
  position.mutable_position()->set_unit_id(a.bidang.id());
  position.mutable_position()->set_name("Analis Titipan");
  position.mutable_position()->set_type(v1::POSITION_TYPE_PELAKSANA);
  v1::Position created_position;
  s = Stub().CreatePosition(Ctx(b.hr_token).get(), position, &created_position);
  EXPECT_TRUE(refused(s)) << Describe(s);

  v1::TransferEmployeeRequest transfer;
  transfer.set_employee_id(b.staff1.id());
  transfer.set_position_id(a.staff_position.id());
  *transfer.mutable_effective_date() = rpc::DayToProto(absl::CivilDay(2024, 7, 1));
  transfer.set_reason(v1::ASSIGNMENT_REASON_TRANSFER);
  v1::Employee moved;
  s = Stub().TransferEmployee(Ctx(b.hr_token).get(), transfer, &moved);
  EXPECT_TRUE(refused(s)) << Describe(s);

  v1::CreateActingOfficialRequest acting;
  acting.mutable_acting_official()->set_position_id(a.kabid_position.id());
  acting.mutable_acting_official()->set_employee_id(b.kadis.id());
  acting.mutable_acting_official()->set_kind(v1::ACTING_KIND_PLT);
  *acting.mutable_acting_official()->mutable_start_date() =
      rpc::DayToProto(absl::CivilDay(2024, 3, 1));
  *acting.mutable_acting_official()->mutable_end_date() =
      rpc::DayToProto(absl::CivilDay(2024, 6, 30));
  v1::ActingOfficial created_acting;
  s = Stub().CreateActingOfficial(Ctx(b.hr_token).get(), acting, &created_acting);
  EXPECT_TRUE(refused(s)) << Describe(s);

  v1::UpdateAgencyRequest agency;
  agency.mutable_agency()->set_id(a.agency_id);
  agency.mutable_agency()->set_name("Diambil alih");
  agency.mutable_update_mask()->add_paths("name");
  v1::Agency updated;
  s = Stub().UpdateAgency(Ctx(b.hr_token).get(), agency, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);

  // Agency A still has only its own units and positions.
  v1::ListOrgUnitsRequest units;
  units.set_filter(absl::StrCat("agency_id = \"", a.agency_id, "\""));
  v1::ListOrgUnitsResponse listed;
  ASSERT_TRUE(Stub().ListOrgUnits(Ctx(a.hr_token).get(), units, &listed).ok());
  EXPECT_EQ(listed.units_size(), 3);
  v1::Employee still;
  ASSERT_TRUE(GetEmployee(b.hr_token, b.staff1.id(), &still).ok());
  EXPECT_EQ(still.position_id(), b.staff_position.id());
}

// --- Employees ---------------------------------------------------------------------------

TEST(EmployeeServiceTest, CreateAndGetEmployee) {
  Org org = BuildOrg();
  const v1::Employee& e = org.staff1;
  EXPECT_FALSE(e.id().empty());
  EXPECT_EQ(e.agency_id(), org.agency_id);
  EXPECT_EQ(e.unit_id(), org.bidang.id());
  EXPECT_EQ(e.status(), v1::EMPLOYEE_STATUS_ACTIVE);
  EXPECT_EQ(e.rank(), "31");
  EXPECT_EQ(e.rank_label(), "III/a Penata Muda");
  EXPECT_FALSE(e.etag().empty());

  v1::Employee by_id;
  ASSERT_TRUE(GetEmployee(org.hr_token, e.id(), &by_id).ok());
  EXPECT_EQ(by_id.nip(), e.nip());
  v1::GetEmployeeRequest by_nip_request;
  by_nip_request.set_nip(e.nip());
  v1::Employee by_nip;
  ASSERT_TRUE(Stub().GetEmployee(Ctx(org.hr_token).get(), by_nip_request, &by_nip).ok());
  EXPECT_EQ(by_nip.id(), e.id());

  v1::GetEmployeeRequest both;
  both.set_id(e.id());
  both.set_nip(e.nip());
  grpc::Status s = Stub().GetEmployee(Ctx(org.hr_token).get(), both, &by_nip);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  s = GetEmployee(org.hr_token, "no-such-employee", &by_id);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << Describe(s);
}

// GetEmployee calls in flight together share batched reads (ReadCoalescer): every caller
// still gets its own answer, checked against its own principal, by id or by NIP, found or not.
TEST(EmployeeServiceTest, ConcurrentGetEmployeeCallsEachGetTheirOwnAnswer) {
  Org a = BuildOrg();
  Org b = BuildOrg();
  const std::string staff_token = EmployeeToken(a.staff1.nip(), a.agency_id);
  const std::string assessor_token = EmployeeToken(a.kabid.nip(), a.agency_id);
  struct Case {
    std::string token, id, nip;
    grpc::StatusCode code;
    std::string want_nip;  // of the answer, when OK
  };
  const std::vector<Case> cases = {
      {a.hr_token, a.staff1.id(), "", grpc::StatusCode::OK, a.staff1.nip()},
      {a.hr_token, "", a.staff2.nip(), grpc::StatusCode::OK, a.staff2.nip()},
      {a.hr_token, a.kadis.id(), "", grpc::StatusCode::OK, a.kadis.nip()},
      {b.hr_token, b.kabid.id(), "", grpc::StatusCode::OK, b.kabid.nip()},
      {a.hr_token, b.staff1.id(), "", grpc::StatusCode::PERMISSION_DENIED, ""},
      {b.hr_token, "", a.staff1.nip(), grpc::StatusCode::PERMISSION_DENIED, ""},
      {staff_token, a.staff1.id(), "", grpc::StatusCode::OK, a.staff1.nip()},
      {staff_token, a.staff2.id(), "", grpc::StatusCode::PERMISSION_DENIED, ""},
      // The assessor's read is allowed from the reporting line, looked up after the batch.
      {assessor_token, a.staff2.id(), "", grpc::StatusCode::OK, a.staff2.nip()},
      {AuditorToken(), "", b.staff2.nip(), grpc::StatusCode::OK, b.staff2.nip()},
      {a.hr_token, "no-such-employee", "", grpc::StatusCode::NOT_FOUND, ""},
      {a.hr_token, "", "199001012020121999", grpc::StatusCode::NOT_FOUND, ""},
  };
  constexpr int kThreads = 8;
  constexpr int kCallsPerThread = 60;
  std::vector<std::string> failures[kThreads];
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCallsPerThread; ++i) {
        const Case& c = cases[static_cast<size_t>(t * 7 + i) % cases.size()];
        v1::GetEmployeeRequest request;
        request.set_id(c.id);
        request.set_nip(c.nip);
        v1::Employee got;
        grpc::Status s = Stub().GetEmployee(Ctx(c.token).get(), request, &got);
        if (s.error_code() != c.code) {
          failures[t].push_back(absl::StrCat("id=", c.id, " nip=", c.nip, ": ", Describe(s)));
        } else if (s.ok() && got.nip() != c.want_nip) {
          failures[t].push_back(absl::StrCat("id=", c.id, " nip=", c.nip, ": got ", got.nip()));
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_THAT(failures[t], IsEmpty());
}

TEST(EmployeeServiceTest, InvalidNipNamesTheField) {
  Org org = BuildOrg();
  v1::CreateEmployeeRequest request;
  *request.mutable_employee() = NewEmployee(org.staff_position.id(), "Salah NIP");
  request.mutable_employee()->set_nip("198609262015131001");  // month 13
  v1::Employee e;
  grpc::Status s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &e);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(FieldsOf(s), ElementsAre("employee.nip"));
  EXPECT_EQ(ReasonOf(s), "INVALID_ARGUMENT");

  // Several bad fields are reported together.
  request.mutable_employee()->clear_birth_date();
  request.mutable_employee()->set_sex(v1::SEX_UNSPECIFIED);
  s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &e);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(FieldsOf(s), ElementsAre("employee.sex", "employee.birth_date"));

  // An unknown position is a missing reference.
  *request.mutable_employee() = NewEmployee("no-such-position", "Tanpa Jabatan");
  s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &e);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << Describe(s);
  EXPECT_EQ(ReasonOf(s), "REFERENCE_NOT_FOUND");
}

TEST(EmployeeServiceTest, RequestIdRetryReturnsTheFirstAnswer) {
  Org org = BuildOrg();
  v1::CreateEmployeeRequest request;
  *request.mutable_employee() = NewEmployee(org.staff_position.id(), "Sekali Saja");
  request.set_request_id("create-once-" + org.agency_id);
  v1::Employee first, second;
  grpc::Status s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &first);
  ASSERT_TRUE(s.ok()) << Describe(s);
  s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &second);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());

  // The same request_id with a different request is refused.
  request.mutable_employee()->set_name("Orang Lain");
  s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &second);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(FieldsOf(s), ElementsAre("request_id"));
}

TEST(EmployeeServiceTest, UpdateEmployeeWithEtag) {
  Org org = BuildOrg();
  v1::UpdateEmployeeRequest request;
  *request.mutable_employee() = org.staff1;
  request.mutable_employee()->set_name("  Staf   Satu, S.E. ");
  request.mutable_employee()->set_rank("III/b");
  request.mutable_update_mask()->add_paths("name");
  request.mutable_update_mask()->add_paths("rank");
  v1::Employee updated;
  grpc::Status s = Stub().UpdateEmployee(Ctx(org.hr_token).get(), request, &updated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(updated.name(), "Staf Satu, S.E.");
  EXPECT_EQ(updated.rank(), "32");
  EXPECT_NE(updated.etag(), org.staff1.etag());

  // Stale etag.
  s = Stub().UpdateEmployee(Ctx(org.hr_token).get(), request, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << Describe(s);

  // A bad etag is bad input.
  request.mutable_employee()->set_etag("garbage");
  s = Stub().UpdateEmployee(Ctx(org.hr_token).get(), request, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(s), ElementsAre("employee.etag"));
}

TEST(EmployeeServiceTest, BatchGetKeepsOrder) {
  Org org = BuildOrg();
  v1::BatchGetEmployeesRequest request;
  request.add_ids(org.staff2.id());
  request.add_ids(org.kadis.id());
  request.add_ids(org.staff1.id());
  v1::BatchGetEmployeesResponse response;
  grpc::Status s = Stub().BatchGetEmployees(Ctx(AuditorToken()).get(), request, &response);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(response.employees(), SizeIs(3));
  EXPECT_EQ(response.employees(0).id(), org.staff2.id());
  EXPECT_EQ(response.employees(1).id(), org.kadis.id());
  EXPECT_EQ(response.employees(2).id(), org.staff1.id());

  v1::BatchGetEmployeesRequest by_nip;
  by_nip.add_nips(org.kabid.nip());
  ASSERT_TRUE(Stub().BatchGetEmployees(Ctx(org.hr_token).get(), by_nip, &response).ok());
  ASSERT_THAT(response.employees(), SizeIs(1));
  EXPECT_EQ(response.employees(0).id(), org.kabid.id());

  request.add_ids("no-such-employee");
  s = Stub().BatchGetEmployees(Ctx(AuditorToken()).get(), request, &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << Describe(s);

  // An employee may not read a batch that includes a peer.
  v1::BatchGetEmployeesRequest mixed;
  mixed.add_ids(org.staff1.id());
  mixed.add_ids(org.staff2.id());
  s = Stub().BatchGetEmployees(Ctx(EmployeeToken(org.staff1.nip(), org.agency_id)).get(), mixed,
                               &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

TEST(EmployeeServiceTest, ListEmployeesPaginates) {
  Org org = BuildOrg();
  for (int i = 0; i < 3; ++i) {
    CreateEmployee(org.hr_token, org.staff_position.id(), absl::StrCat("Tambahan ", i));
  }
  // 4 + 3 = 7 employees in the agency; pages of 3 in NIP order.
  v1::ListEmployeesRequest request;
  request.set_page_size(3);
  std::vector<std::string> nips;
  std::vector<std::string> tokens;
  for (int pages = 0; pages < 10; ++pages) {
    v1::ListEmployeesResponse page;
    grpc::Status s = Stub().ListEmployees(Ctx(org.hr_token).get(), request, &page);
    ASSERT_TRUE(s.ok()) << Describe(s);
    EXPECT_LE(page.employees_size(), 3);
    for (const auto& e : page.employees()) nips.push_back(e.nip());
    if (page.next_page_token().empty()) break;
    tokens.push_back(page.next_page_token());
    request.set_page_token(page.next_page_token());
  }
  ASSERT_THAT(nips, SizeIs(7));
  EXPECT_TRUE(std::is_sorted(nips.begin(), nips.end()));
  EXPECT_THAT(tokens, SizeIs(2));

  // Filters: by unit and by name prefix; ordering by name.
  v1::ListEmployeesRequest filtered;
  filtered.set_filter(absl::StrCat("unit_id = \"", org.bidang.id(), "\" AND name:\"Tambahan*\""));
  filtered.set_order_by("name");
  v1::ListEmployeesResponse page;
  grpc::Status s = Stub().ListEmployees(Ctx(org.hr_token).get(), filtered, &page);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(page.employees(), SizeIs(3));
  EXPECT_EQ(page.employees(0).name(), "Tambahan 0");
  EXPECT_EQ(page.employees(2).name(), "Tambahan 2");

  // A token is bound to its query and cannot be forged.
  filtered.set_page_token(tokens[0]);
  s = Stub().ListEmployees(Ctx(org.hr_token).get(), filtered, &page);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  request.set_page_token(tokens[0] + "x");
  s = Stub().ListEmployees(Ctx(org.hr_token).get(), request, &page);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  request.clear_page_token();
  request.set_order_by("salary desc");
  s = Stub().ListEmployees(Ctx(org.hr_token).get(), request, &page);
  EXPECT_THAT(FieldsOf(s), ElementsAre("order_by"));
  request.clear_order_by();
  request.set_page_size(-1);
  s = Stub().ListEmployees(Ctx(org.hr_token).get(), request, &page);
  EXPECT_THAT(FieldsOf(s), ElementsAre("page_size"));
}

// --- Access to individuals ---------------------------------------------------------------

TEST(EmployeeServiceTest, EmployeeReadsSelfButNotPeer) {
  Org org = BuildOrg();
  std::string token = EmployeeToken(org.staff1.nip(), org.agency_id);
  v1::Employee e;
  grpc::Status s = GetEmployee(token, org.staff1.id(), &e);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(e.nip(), org.staff1.nip());
  s = GetEmployee(token, org.staff2.id(), &e);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  // Nor their assessor.
  s = GetEmployee(token, org.kabid.id(), &e);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  // Nor the agency's lists.
  v1::ListEmployeesResponse listed;
  s = Stub().ListEmployees(Ctx(token).get(), v1::ListEmployeesRequest(), &listed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

TEST(EmployeeServiceTest, AssessorReadsTheirReports) {
  Org org = BuildOrg();
  std::string kabid = EmployeeToken(org.kabid.nip(), org.agency_id);
  v1::Employee e;
  grpc::Status s = GetEmployee(kabid, org.staff1.id(), &e);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_TRUE(GetEmployee(kabid, org.staff2.id(), &e).ok());
  // The head of the department assesses the kabid, not the kabid's staff.
  std::string kadis = EmployeeToken(org.kadis.nip(), org.agency_id);
  ASSERT_TRUE(GetEmployee(kadis, org.kabid.id(), &e).ok());
  s = GetEmployee(kadis, org.staff1.id(), &e);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

TEST(EmployeeServiceTest, AuditorAndServicesReadEveryAgency) {
  Org org = BuildOrg();
  Org other = BuildOrg();
  v1::Employee e;
  for (const std::string& token : {AuditorToken(), ServiceToken()}) {
    ASSERT_TRUE(GetEmployee(token, org.staff1.id(), &e).ok());
    ASSERT_TRUE(GetEmployee(token, other.kadis.id(), &e).ok());
    v1::ListEmployeesRequest request;
    request.set_filter(absl::StrCat("agency_id = \"", other.agency_id, "\""));
    v1::ListEmployeesResponse listed;
    ASSERT_TRUE(Stub().ListEmployees(Ctx(token).get(), request, &listed).ok());
    EXPECT_THAT(listed.employees(), SizeIs(4));
  }
  // Auditors read but never write.
  v1::UpdateEmployeeRequest update;
  update.mutable_employee()->set_id(org.staff1.id());
  update.mutable_employee()->set_status(v1::EMPLOYEE_STATUS_RETIRED);
  update.mutable_update_mask()->add_paths("status");
  grpc::Status s = Stub().UpdateEmployee(Ctx(AuditorToken()).get(), update, &e);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

// --- Transfers and acting officials ------------------------------------------------------

TEST(EmployeeServiceTest, TransferAndAssignmentHistory) {
  Org org = BuildOrg();
  v1::Position analyst = CreatePosition(org.hr_token, org.dinas.id(), "Analis Kebijakan",
                                        v1::POSITION_TYPE_PELAKSANA, false);
  v1::TransferEmployeeRequest request;
  request.set_employee_id(org.staff1.id());
  request.set_position_id(analyst.id());
  request.mutable_effective_date()->set_year(2024);
  request.mutable_effective_date()->set_month(7);
  request.mutable_effective_date()->set_day(1);
  request.set_reason(v1::ASSIGNMENT_REASON_TRANSFER);
  request.set_etag(org.staff1.etag());
  request.set_rank("III/b");
  v1::Employee moved;
  grpc::Status s = Stub().TransferEmployee(Ctx(org.hr_token).get(), request, &moved);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(moved.position_id(), analyst.id());
  EXPECT_EQ(moved.unit_id(), org.dinas.id());
  EXPECT_EQ(moved.rank(), "32");
  EXPECT_EQ(moved.position_start_date().year(), 2024);

  // Stale etag.
  s = Stub().TransferEmployee(Ctx(org.hr_token).get(), request, &moved);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << Describe(s);

  v1::ListAssignmentsRequest history;
  history.set_employee_id(org.staff1.id());
  v1::ListAssignmentsResponse assignments;
  s = Stub().ListAssignments(Ctx(EmployeeToken(org.staff1.nip(), org.agency_id)).get(), history,
                             &assignments);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(assignments.assignments(), SizeIs(2));
  EXPECT_EQ(assignments.assignments(0).position_id(), org.staff_position.id());
  EXPECT_EQ(assignments.assignments(0).end_date().year(), 2024);
  EXPECT_EQ(assignments.assignments(1).position_id(), analyst.id());
  EXPECT_EQ(assignments.assignments(1).reason(), v1::ASSIGNMENT_REASON_TRANSFER);
  EXPECT_FALSE(assignments.assignments(1).has_end_date());
}

TEST(EmployeeServiceTest, ActingOfficialsTakeOverTheReportingLine) {
  Org org = BuildOrg();
  // The Kepala Dinas acts (Plh) as Kepala Bidang during 2024-03.
  v1::CreateActingOfficialRequest request;
  v1::ActingOfficial* acting = request.mutable_acting_official();
  acting->set_position_id(org.kabid_position.id());
  acting->set_employee_id(org.kadis.id());
  acting->set_kind(v1::ACTING_KIND_PLH);
  acting->mutable_start_date()->set_year(2024);
  acting->mutable_start_date()->set_month(3);
  acting->mutable_start_date()->set_day(1);
  acting->mutable_end_date()->set_year(2024);
  acting->mutable_end_date()->set_month(3);
  acting->mutable_end_date()->set_day(31);
  acting->set_basis("SK 800/12/2024");
  v1::ActingOfficial created;
  grpc::Status s = Stub().CreateActingOfficial(Ctx(org.hr_token).get(), request, &created);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_FALSE(created.id().empty());
  EXPECT_EQ(created.agency_id(), org.agency_id);

  v1::ListActingOfficialsRequest list;
  list.set_filter(absl::StrCat("position_id = \"", org.kabid_position.id(), "\""));
  v1::ListActingOfficialsResponse listed;
  s = Stub().ListActingOfficials(Ctx(org.hr_token).get(), list, &listed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(listed.acting_officials(), SizeIs(1));
  EXPECT_EQ(listed.acting_officials(0).basis(), "SK 800/12/2024");

  v1::GetReportingLineRequest line_request;
  line_request.set_employee_id(org.staff1.id());
  line_request.mutable_date()->set_year(2024);
  line_request.mutable_date()->set_month(3);
  line_request.mutable_date()->set_day(15);
  v1::ReportingLine line;
  s = Stub().GetReportingLine(Ctx(org.hr_token).get(), line_request, &line);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(line.assessor().employee_id(), org.kadis.id());
  EXPECT_EQ(line.assessor().acting(), v1::ACTING_KIND_PLH);

  // An end before the start is refused.
  acting->mutable_end_date()->set_month(2);
  s = Stub().CreateActingOfficial(Ctx(org.hr_token).get(), request, &created);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
}

// --- Reporting lines ---------------------------------------------------------------------

TEST(EmployeeServiceTest, ReportingLineDirectReportsAndPeers) {
  Org org = BuildOrg();
  v1::GetReportingLineRequest request;
  request.set_nip(org.staff1.nip());
  v1::ReportingLine line;
  grpc::Status s = Stub().GetReportingLine(
      Ctx(EmployeeToken(org.staff1.nip(), org.agency_id)).get(), request, &line);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(line.employee().employee_id(), org.staff1.id());
  EXPECT_EQ(line.employee().position_name(), "Pengolah Data");
  EXPECT_EQ(line.employee().unit_name(), "Bidang SD");
  EXPECT_EQ(line.employee().rank_label(), "III/a Penata Muda");
  EXPECT_EQ(line.assessor().kind(), v1::Official::KIND_ASN);
  EXPECT_EQ(line.assessor().employee_id(), org.kabid.id());
  EXPECT_EQ(line.assessor().nip(), org.kabid.nip());
  EXPECT_EQ(line.assessor().position_name(), "Kepala Bidang SD");
  EXPECT_EQ(line.assessor_superior().employee_id(), org.kadis.id());
  EXPECT_GT(line.date().year(), 2000);  // today by default

  // The head of the department is assessed by the mayor, a NON-ASN official without a NIP.
  request.set_nip(org.kadis.nip());
  s = Stub().GetReportingLine(Ctx(org.hr_token).get(), request, &line);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(line.assessor().kind(), v1::Official::KIND_NON_ASN);
  EXPECT_EQ(line.assessor().name(), "Ir. H. Walikota");
  EXPECT_TRUE(line.assessor().nip().empty());
  EXPECT_FALSE(line.has_assessor_superior());

  v1::ListDirectReportsRequest reports_request;
  reports_request.set_employee_id(org.kabid.id());
  reports_request.set_page_size(1);
  std::vector<std::string> reports;
  for (int pages = 0; pages < 5; ++pages) {
    v1::ListDirectReportsResponse page;
    s = Stub().ListDirectReports(Ctx(EmployeeToken(org.kabid.nip(), org.agency_id)).get(),
                                 reports_request, &page);
    ASSERT_TRUE(s.ok()) << Describe(s);
    for (const auto& r : page.reports()) reports.push_back(r.employee_id());
    if (page.next_page_token().empty()) break;
    reports_request.set_page_token(page.next_page_token());
  }
  std::vector<std::string> expected = {org.staff1.id(), org.staff2.id()};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(reports, expected);

  v1::ListPeersRequest peers_request;
  peers_request.set_employee_id(org.staff1.id());
  v1::ListPeersResponse peers;
  s = Stub().ListPeers(Ctx(org.hr_token).get(), peers_request, &peers);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(peers.peers(), SizeIs(1));
  EXPECT_EQ(peers.peers(0).employee_id(), org.staff2.id());
  EXPECT_EQ(peers.peers(0).name(), "Staf Dua");

  // A peer's reporting line is not the employee's business.
  request.set_nip(org.staff2.nip());
  s = Stub().GetReportingLine(Ctx(EmployeeToken(org.staff1.nip(), org.agency_id)).get(), request,
                              &line);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

// --- Organisation through the year -------------------------------------------------------

google::type::Date D(int y, int m, int d) { return rpc::DayToProto(absl::CivilDay(y, m, d)); }

v1::ReportingLine LineOf(const std::string& token, const std::string& employee_id,
                         const google::type::Date& date, const std::string& position_id = "") {
  v1::GetReportingLineRequest request;
  request.set_employee_id(employee_id);
  *request.mutable_date() = date;
  request.set_position_id(position_id);
  v1::ReportingLine line;
  grpc::Status s = Stub().GetReportingLine(Ctx(token).get(), request, &line);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return line;
}

// The payloads of the events of `type` about `aggregate_id` in the backlog, read again (for up
// to 10 s) until there are at least `want`: a reader's backlog holds back rows of transactions
// still running anywhere (the audit sealer's, other tests').
template <typename Payload>
std::vector<Payload> EventsAbout(const std::string& type, const std::string& aggregate_id,
                                 size_t want) {
  std::vector<Payload> found;
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  do {
    found.clear();
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + ServiceToken());
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    kinerja::common::v1::StreamEventsRequest request;
    request.add_types(type);
    request.set_backlog_only(true);
    auto reader = Stub().StreamEvents(&ctx, request);
    kinerja::common::v1::EventEnvelope event;
    while (reader->Read(&event)) {
      Payload payload;
      if (event.aggregate_id() == aggregate_id && event.payload().UnpackTo(&payload)) {
        found.push_back(payload);
      }
    }
    EXPECT_TRUE(reader->Finish().ok());
    if (found.size() >= want) break;
    absl::SleepFor(absl::Milliseconds(100));
  } while (absl::Now() < deadline);
  return found;
}

TEST(EmployeeServiceTest, OfficialsCarryCapacityAndRankCode) {
  Org org = BuildOrg();
  v1::ReportingLine line = LineOf(org.hr_token, org.staff1.id(), D(2024, 6, 3));
  EXPECT_EQ(line.employee().capacity(), v1::CAPACITY_DEFINITIVE);
  EXPECT_EQ(line.employee().rank_code(), "31");
  EXPECT_EQ(line.assessor().capacity(), v1::CAPACITY_DEFINITIVE);
  EXPECT_EQ(line.assessor().rank_code(), "31");
  EXPECT_EQ(line.assessor().rank_label(), "III/a Penata Muda");
  // The mayor (legacy non_asn_holder_name) is a political head without rank or NIP.
  line = LineOf(org.hr_token, org.kadis.id(), D(2024, 6, 3));
  EXPECT_EQ(line.assessor().kind(), v1::Official::KIND_NON_ASN);
  EXPECT_EQ(line.assessor().capacity(), v1::CAPACITY_POLITICAL_HEAD);
  EXPECT_TRUE(line.assessor().rank_code().empty());
}

TEST(EmployeeServiceTest, ReportingLineAsIfInAnotherPosition) {
  Org org = BuildOrg();
  // The staff member reviewed as if still in the Kabid position: assessed by the Kadis.
  v1::ReportingLine line =
      LineOf(org.hr_token, org.staff1.id(), D(2024, 6, 3), org.kabid_position.id());
  EXPECT_EQ(line.employee().position_id(), org.kabid_position.id());
  EXPECT_EQ(line.employee().unit_id(), org.bidang.id());
  EXPECT_EQ(line.assessor().employee_id(), org.kadis.id());
  line = LineOf(org.hr_token, org.kabid.id(), D(2024, 6, 3), org.staff_position.id());
  // The Kabid taken as staff of their own unit is never their own assessor.
  EXPECT_EQ(line.assessor().employee_id(), org.kadis.id());
  v1::GetReportingLineRequest request;
  request.set_employee_id(org.staff1.id());
  request.set_position_id("no-such-position");
  grpc::Status s = Stub().GetReportingLine(Ctx(org.hr_token).get(), request, &line);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << Describe(s);
  EXPECT_THAT(s.error_message(), HasSubstr("position_id"));
}

TEST(EmployeeServiceTest, ListReportingLinesOfAUnitAndBelow) {
  Org org = BuildOrg();
  v1::ListReportingLinesRequest request;
  request.set_unit_id(org.dinas.id());
  request.set_include_subunits(true);
  *request.mutable_date() = D(2024, 6, 3);
  request.set_page_size(1);
  std::map<std::string, v1::ReportingLine> lines;
  int pages = 0;
  for (; pages < 10; ++pages) {
    v1::ListReportingLinesResponse page;
    grpc::Status s = Stub().ListReportingLines(Ctx(ServiceToken()).get(), request, &page);
    ASSERT_TRUE(s.ok()) << Describe(s);
    ASSERT_LE(page.lines_size(), 1);
    for (const auto& line : page.lines()) lines[line.employee().employee_id()] = line;
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(pages, 3);
  const v1::ReportingLine& staff = lines[org.staff1.id()];
  EXPECT_EQ(staff.employee().position_id(), org.staff_position.id());
  EXPECT_EQ(staff.employee().position_name(), "Pengolah Data");
  EXPECT_EQ(staff.employee().unit_id(), org.bidang.id());
  EXPECT_EQ(staff.employee().nip(), org.staff1.nip());
  EXPECT_EQ(staff.employee().rank_code(), "31");
  EXPECT_EQ(staff.assessor().employee_id(), org.kabid.id());
  EXPECT_EQ(staff.assessor().position_name(), "Kepala Bidang SD");
  EXPECT_EQ(staff.assessor_superior().employee_id(), org.kadis.id());
  EXPECT_EQ(lines[org.kabid.id()].assessor().employee_id(), org.kadis.id());
  EXPECT_EQ(lines[org.kadis.id()].assessor().kind(), v1::Official::KIND_NON_ASN);
  // Each line equals the single-employee answer.
  v1::ReportingLine single = LineOf(org.hr_token, org.staff2.id(), D(2024, 6, 3));
  EXPECT_EQ(lines[org.staff2.id()].assessor().SerializeAsString(),
            single.assessor().SerializeAsString());

  // Without subunits: the unit's own placements only (its leader included).
  v1::ListReportingLinesRequest own;
  own.set_unit_id(org.bidang.id());
  *own.mutable_date() = D(2024, 6, 3);
  v1::ListReportingLinesResponse page;
  grpc::Status s = Stub().ListReportingLines(Ctx(org.hr_token).get(), own, &page);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(page.lines_size(), 3);
  own.set_unit_id(org.dinas.id());
  ASSERT_TRUE(Stub().ListReportingLines(Ctx(AuditorToken()).get(), own, &page).ok());
  ASSERT_EQ(page.lines_size(), 1);
  EXPECT_EQ(page.lines(0).employee().employee_id(), org.kadis.id());
  // Before anyone was placed: nothing.
  *own.mutable_date() = D(2019, 1, 1);
  ASSERT_TRUE(Stub().ListReportingLines(Ctx(org.hr_token).get(), own, &page).ok());
  EXPECT_EQ(page.lines_size(), 0);

  // Access: as for an agency's employees.
  s = Stub().ListReportingLines(Ctx(EmployeeToken(org.kabid.nip(), org.agency_id)).get(), own,
                                &page);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  Org other = BuildOrg();
  s = Stub().ListReportingLines(Ctx(other.hr_token).get(), own, &page);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  own.set_unit_id("");
  s = Stub().ListReportingLines(Ctx(org.hr_token).get(), own, &page);
  EXPECT_THAT(FieldsOf(s), ElementsAre("unit_id"));
  own.set_unit_id("no-such-unit");
  s = Stub().ListReportingLines(Ctx(org.hr_token).get(), own, &page);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << Describe(s);
}

TEST(EmployeeServiceTest, UpdateOrgUnitRenamesMovesAndAbolishes) {
  Org org = BuildOrg();
  v1::GetOrgUnitRequest get;
  get.set_id(org.bidang.id());
  v1::OrgUnit bidang;  // as it is now (its leader position was set after its creation)
  ASSERT_TRUE(Stub().GetOrgUnit(Ctx(org.hr_token).get(), get, &bidang).ok());
  v1::UpdateOrgUnitRequest request;
  request.mutable_unit()->set_id(org.bidang.id());
  request.mutable_unit()->set_etag(bidang.etag());
  request.mutable_unit()->set_name("Bidang Pendidikan Dasar");
  request.mutable_unit()->set_parent_id(org.root.id());
  request.mutable_update_mask()->add_paths("name");
  request.mutable_update_mask()->add_paths("parent_id");
  v1::OrgUnit updated;
  grpc::Status s = Stub().UpdateOrgUnit(Ctx(org.hr_token).get(), request, &updated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(updated.name(), "Bidang Pendidikan Dasar");
  EXPECT_EQ(updated.parent_id(), org.root.id());
  EXPECT_NE(updated.etag(), bidang.etag());
  // The Kabid now reports to the mayor directly.
  EXPECT_EQ(LineOf(org.hr_token, org.kabid.id(), D(2024, 6, 3)).assessor().kind(),
            v1::Official::KIND_NON_ASN);
  auto events = EventsAbout<v1::OrgUnitChanged>("OrgUnitChanged", org.bidang.id(), 3);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().unit().name(), "Bidang Pendidikan Dasar");
  EXPECT_EQ(events.back().previous().name(), "Bidang SD");
  EXPECT_EQ(events.back().previous().parent_id(), org.dinas.id());

  // Stale etag.
  s = Stub().UpdateOrgUnit(Ctx(org.hr_token).get(), request, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << Describe(s);

  auto refused = [&](v1::UpdateOrgUnitRequest r) {
    v1::OrgUnit out;
    return Stub().UpdateOrgUnit(Ctx(org.hr_token).get(), r, &out);
  };
  v1::UpdateOrgUnitRequest cycle;
  cycle.mutable_unit()->set_id(org.root.id());
  cycle.mutable_unit()->set_parent_id(org.bidang.id());
  cycle.mutable_update_mask()->add_paths("parent_id");
  s = refused(cycle);
  EXPECT_EQ(ReasonOf(s), "UNIT_CYCLE") << Describe(s);
  v1::UpdateOrgUnitRequest leader;
  leader.mutable_unit()->set_id(org.bidang.id());
  leader.mutable_unit()->set_leader_position_id(org.staff_position.id());
  leader.mutable_update_mask()->add_paths("leader_position_id");
  s = refused(leader);
  EXPECT_EQ(ReasonOf(s), "LEADER_NOT_ASSESSOR") << Describe(s);
  v1::UpdateOrgUnitRequest abolish;
  abolish.mutable_unit()->set_id(org.bidang.id());
  *abolish.mutable_unit()->mutable_end_date() = D(2025, 1, 1);
  abolish.mutable_update_mask()->add_paths("end_date");
  s = refused(abolish);
  EXPECT_EQ(ReasonOf(s), "UNIT_HAS_STAFF") << Describe(s);
  v1::OrgUnit empty = CreateUnit(org.hr_token, org.agency_id, org.dinas.id(), "Bidang Lama");
  abolish.mutable_unit()->set_id(org.dinas.id());
  // The Kadis is placed in the Dinas: staff first.
  s = refused(abolish);
  EXPECT_EQ(ReasonOf(s), "UNIT_HAS_STAFF") << Describe(s);
  v1::UpdateOrgUnitRequest bad_mask = abolish;
  bad_mask.mutable_update_mask()->add_paths("agency_id");
  s = refused(bad_mask);
  EXPECT_THAT(FieldsOf(s), ElementsAre("update_mask"));
  // An empty unit is abolished from a day.
  abolish.mutable_unit()->set_id(empty.id());
  s = Stub().UpdateOrgUnit(Ctx(org.hr_token).get(), abolish, &updated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(updated.end_date().year(), 2025);
  // Another agency's HR admin may not.
  Org other = BuildOrg();
  s = Stub().UpdateOrgUnit(Ctx(other.hr_token).get(), request, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

TEST(EmployeeServiceTest, UpdateOrgUnitRefusesAParentWithOpenChildren) {
  Org org = BuildOrg();
  v1::OrgUnit parent = CreateUnit(org.hr_token, org.agency_id, org.root.id(), "Badan Lama");
  v1::OrgUnit child = CreateUnit(org.hr_token, org.agency_id, parent.id(), "Sub Lama");
  v1::UpdateOrgUnitRequest abolish;
  abolish.mutable_unit()->set_id(parent.id());
  *abolish.mutable_unit()->mutable_end_date() = D(2025, 1, 1);
  abolish.mutable_update_mask()->add_paths("end_date");
  v1::OrgUnit out;
  grpc::Status s = Stub().UpdateOrgUnit(Ctx(org.hr_token).get(), abolish, &out);
  EXPECT_EQ(ReasonOf(s), "UNIT_HAS_OPEN_CHILDREN") << Describe(s);
  // The child abolished on the same day first: then the parent.
  abolish.mutable_unit()->set_id(child.id());
  ASSERT_TRUE(Stub().UpdateOrgUnit(Ctx(org.hr_token).get(), abolish, &out).ok());
  abolish.mutable_unit()->set_id(parent.id());
  s = Stub().UpdateOrgUnit(Ctx(org.hr_token).get(), abolish, &out);
  EXPECT_TRUE(s.ok()) << Describe(s);
}

TEST(EmployeeServiceTest, UpdatePositionWithPreviousInTheEvent) {
  Org org = BuildOrg();
  v1::UpdatePositionRequest request;
  request.mutable_position()->set_id(org.staff_position.id());
  request.mutable_position()->set_etag(org.staff_position.etag());
  request.mutable_position()->set_name("Pengadministrasi Data");
  request.mutable_update_mask()->add_paths("name");
  v1::Position updated;
  grpc::Status s = Stub().UpdatePosition(Ctx(org.hr_token).get(), request, &updated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(updated.name(), "Pengadministrasi Data");
  auto events = EventsAbout<v1::PositionChanged>("PositionChanged", org.staff_position.id(), 2);
  ASSERT_EQ(events.size(), 2u);  // created, updated
  EXPECT_FALSE(events[0].has_previous());
  EXPECT_EQ(events[1].previous().name(), "Pengolah Data");
  EXPECT_EQ(events[1].position().name(), "Pengadministrasi Data");

  // A leader position cannot become a staff type.
  v1::UpdatePositionRequest demote;
  demote.mutable_position()->set_id(org.kabid_position.id());
  demote.mutable_position()->set_type(v1::POSITION_TYPE_PELAKSANA);
  demote.mutable_update_mask()->add_paths("type");
  s = Stub().UpdatePosition(Ctx(org.hr_token).get(), demote, &updated);
  EXPECT_EQ(ReasonOf(s), "LEADER_NOT_ASSESSOR") << Describe(s);
  // Its eselon changes its unit's too.
  v1::UpdatePositionRequest eselon;
  eselon.mutable_position()->set_id(org.kabid_position.id());
  eselon.mutable_position()->set_eselon("31");
  eselon.mutable_update_mask()->add_paths("eselon");
  s = Stub().UpdatePosition(Ctx(org.hr_token).get(), eselon, &updated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  v1::GetOrgUnitRequest get;
  get.set_id(org.bidang.id());
  v1::OrgUnit unit;
  ASSERT_TRUE(Stub().GetOrgUnit(Ctx(org.hr_token).get(), get, &unit).ok());
  EXPECT_EQ(unit.eselon(), "31");
  // Bad input names the field.
  request.mutable_position()->set_etag("");
  request.mutable_position()->set_name("");
  s = Stub().UpdatePosition(Ctx(org.hr_token).get(), request, &updated);
  EXPECT_THAT(FieldsOf(s), ElementsAre("position.name"));
}

TEST(EmployeeServiceTest, UpdateActingOfficialEndsItEarly) {
  Org org = BuildOrg();
  v1::CreateActingOfficialRequest create;
  v1::ActingOfficial* acting = create.mutable_acting_official();
  acting->set_position_id(org.kabid_position.id());
  acting->set_employee_id(org.kadis.id());
  acting->set_kind(v1::ACTING_KIND_PLH);
  *acting->mutable_start_date() = D(2024, 3, 1);
  *acting->mutable_end_date() = D(2024, 3, 31);
  v1::ActingOfficial created;
  ASSERT_TRUE(Stub().CreateActingOfficial(Ctx(org.hr_token).get(), create, &created).ok());
  v1::ReportingLine line = LineOf(org.hr_token, org.staff1.id(), D(2024, 3, 15));
  EXPECT_EQ(line.assessor().employee_id(), org.kadis.id());
  EXPECT_EQ(line.assessor().capacity(), v1::CAPACITY_PLH);
  EXPECT_EQ(line.assessor().acting(), v1::ACTING_KIND_PLH);

  v1::UpdateActingOfficialRequest request;
  request.mutable_acting_official()->set_id(created.id());
  *request.mutable_acting_official()->mutable_end_date() = D(2024, 3, 10);
  request.mutable_acting_official()->set_basis("SK 800/13/2024");
  request.mutable_update_mask()->add_paths("end_date");
  request.mutable_update_mask()->add_paths("basis");
  v1::ActingOfficial updated;
  grpc::Status s = Stub().UpdateActingOfficial(Ctx(org.hr_token).get(), request, &updated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(updated.end_date().day(), 10);
  EXPECT_EQ(updated.basis(), "SK 800/13/2024");
  EXPECT_EQ(LineOf(org.hr_token, org.staff1.id(), D(2024, 3, 15)).assessor().employee_id(),
            org.kabid.id());
  EXPECT_EQ(LineOf(org.hr_token, org.staff1.id(), D(2024, 3, 10)).assessor().employee_id(),
            org.kadis.id());
  auto events = EventsAbout<v1::ActingOfficialChanged>("ActingOfficialChanged", created.id(), 1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].previous().end_date().day(), 31);
  EXPECT_EQ(events[0].acting_official().end_date().day(), 10);

  *request.mutable_acting_official()->mutable_end_date() = D(2024, 2, 29);
  s = Stub().UpdateActingOfficial(Ctx(org.hr_token).get(), request, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(FieldsOf(s), ElementsAre("acting_official.end_date"));
  Org other = BuildOrg();
  s = Stub().UpdateActingOfficial(Ctx(other.hr_token).get(), request, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

TEST(EmployeeServiceTest, DelegatedAssessorForAUnitsStaff) {
  Org org = BuildOrg();
  v1::CreateAssessmentDelegationRequest request;
  v1::AssessmentDelegation* d = request.mutable_delegation();
  d->set_unit_id(org.bidang.id());
  d->set_delegate_employee_id(org.staff2.id());
  *d->mutable_start_date() = D(2024, 3, 1);
  *d->mutable_end_date() = D(2024, 6, 30);
  d->set_basis("SK 800/20/2024");
  v1::AssessmentDelegation created;
  grpc::Status s = Stub().CreateAssessmentDelegation(Ctx(org.hr_token).get(), request, &created);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(created.agency_id(), org.agency_id);
  EXPECT_FALSE(created.id().empty());

  v1::ReportingLine line = LineOf(org.hr_token, org.staff1.id(), D(2024, 4, 1));
  EXPECT_EQ(line.assessor().employee_id(), org.staff2.id());
  EXPECT_EQ(line.assessor().capacity(), v1::CAPACITY_DELEGATED);
  EXPECT_EQ(line.assessor().position_name(), "Pengolah Data");
  EXPECT_EQ(line.assessor_superior().employee_id(), org.kabid.id());
  // Not the delegate, not the leader; not outside the range.
  EXPECT_EQ(LineOf(org.hr_token, org.staff2.id(), D(2024, 4, 1)).assessor().employee_id(),
            org.kabid.id());
  EXPECT_EQ(LineOf(org.hr_token, org.kabid.id(), D(2024, 4, 1)).assessor().employee_id(),
            org.kadis.id());
  EXPECT_EQ(LineOf(org.hr_token, org.staff1.id(), D(2024, 7, 1)).assessor().employee_id(),
            org.kabid.id());
  // The delegate reads the staff they assess, and lists them.
  v1::ListDirectReportsRequest reports;
  reports.set_employee_id(org.staff2.id());
  *reports.mutable_date() = D(2024, 4, 1);
  v1::ListDirectReportsResponse listed_reports;
  s = Stub().ListDirectReports(Ctx(org.hr_token).get(), reports, &listed_reports);
  ASSERT_TRUE(s.ok()) << Describe(s);
  ASSERT_THAT(listed_reports.reports(), SizeIs(1));
  EXPECT_EQ(listed_reports.reports(0).employee_id(), org.staff1.id());
  // And the unit's lines show it.
  v1::ListReportingLinesRequest unit_lines;
  unit_lines.set_unit_id(org.bidang.id());
  *unit_lines.mutable_date() = D(2024, 4, 1);
  v1::ListReportingLinesResponse lines;
  ASSERT_TRUE(Stub().ListReportingLines(Ctx(org.hr_token).get(), unit_lines, &lines).ok());
  for (const auto& l : lines.lines()) {
    if (l.employee().employee_id() == org.staff1.id()) {
      EXPECT_EQ(l.assessor().capacity(), v1::CAPACITY_DELEGATED);
    }
  }

  // Overlaps, other agencies, bad input.
  v1::AssessmentDelegation out;
  s = Stub().CreateAssessmentDelegation(Ctx(org.hr_token).get(), request, &out);
  EXPECT_EQ(ReasonOf(s), "DELEGATION_OVERLAPS") << Describe(s);
  Org other = BuildOrg();
  v1::CreateAssessmentDelegationRequest foreign = request;
  foreign.mutable_delegation()->set_delegate_employee_id(other.staff1.id());
  *foreign.mutable_delegation()->mutable_start_date() = D(2024, 8, 1);
  foreign.mutable_delegation()->clear_end_date();
  s = Stub().CreateAssessmentDelegation(Ctx(org.hr_token).get(), foreign, &out);
  EXPECT_EQ(ReasonOf(s), "DELEGATE_NOT_IN_AGENCY") << Describe(s);
  s = Stub().CreateAssessmentDelegation(Ctx(other.hr_token).get(), request, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  v1::CreateAssessmentDelegationRequest bad = request;
  *bad.mutable_delegation()->mutable_end_date() = D(2024, 2, 1);
  s = Stub().CreateAssessmentDelegation(Ctx(org.hr_token).get(), bad, &out);
  EXPECT_THAT(FieldsOf(s), ElementsAre("delegation.end_date"));

  // List and end it early.
  v1::ListAssessmentDelegationsRequest list;
  list.set_filter(absl::StrCat("unit_id = \"", org.bidang.id(), "\""));
  v1::ListAssessmentDelegationsResponse listed;
  ASSERT_TRUE(Stub().ListAssessmentDelegations(Ctx(org.hr_token).get(), list, &listed).ok());
  ASSERT_THAT(listed.delegations(), SizeIs(1));
  EXPECT_EQ(listed.delegations(0).basis(), "SK 800/20/2024");
  v1::EndAssessmentDelegationRequest end;
  end.set_id(created.id());
  *end.mutable_end_date() = D(2024, 3, 31);
  v1::AssessmentDelegation ended;
  s = Stub().EndAssessmentDelegation(Ctx(org.hr_token).get(), end, &ended);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(ended.end_date().month(), 3);
  EXPECT_EQ(LineOf(org.hr_token, org.staff1.id(), D(2024, 4, 1)).assessor().employee_id(),
            org.kabid.id());
  *end.mutable_end_date() = D(2024, 5, 1);
  s = Stub().EndAssessmentDelegation(Ctx(org.hr_token).get(), end, &ended);
  EXPECT_EQ(ReasonOf(s), "DELEGATION_ALREADY_ENDED") << Describe(s);
  auto events =
      EventsAbout<v1::AssessmentDelegationChanged>("AssessmentDelegationChanged", created.id(), 2);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].delegation().end_date().month(), 3);
}

TEST(EmployeeServiceTest, RegionalHeadsLeadTheRootUnitForTheirTerm) {
  Org org = BuildOrg();
  Org province = BuildOrg();  // the Pj is an official of another agency
  v1::CreateRegionalHeadRequest elected;
  v1::RegionalHead* h = elected.mutable_head();
  h->set_kind(v1::REGIONAL_HEAD_KIND_ELECTED);
  h->set_name("  Dr. H.  Wali Kota Terpilih ");
  h->set_unit_id(org.root.id());
  *h->mutable_term_start() = D(2019, 2, 21);
  *h->mutable_term_end() = D(2024, 2, 20);
  v1::RegionalHead head;
  grpc::Status s = Stub().CreateRegionalHead(Ctx(org.hr_token).get(), elected, &head);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(head.name(), "Dr. H. Wali Kota Terpilih");
  EXPECT_EQ(head.title(), "Wali Kota");
  EXPECT_EQ(head.agency_id(), org.agency_id);

  v1::CreateRegionalHeadRequest pj;
  pj.mutable_head()->set_kind(v1::REGIONAL_HEAD_KIND_PJ);
  pj.mutable_head()->set_employee_id(province.kadis.id());
  pj.mutable_head()->set_title("Pj Wali Kota");
  pj.mutable_head()->set_unit_id(org.root.id());
  *pj.mutable_head()->mutable_term_start() = D(2024, 2, 21);
  v1::RegionalHead pj_head;
  s = Stub().CreateRegionalHead(Ctx(org.hr_token).get(), pj, &pj_head);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(pj_head.name(), "Dr. Kepala Dinas");

  v1::ReportingLine before = LineOf(org.hr_token, org.kadis.id(), D(2024, 2, 20));
  EXPECT_EQ(before.assessor().kind(), v1::Official::KIND_NON_ASN);
  EXPECT_EQ(before.assessor().name(), "Dr. H. Wali Kota Terpilih");
  EXPECT_EQ(before.assessor().capacity(), v1::CAPACITY_POLITICAL_HEAD);
  EXPECT_TRUE(before.assessor().employee_id().empty());
  v1::ReportingLine after = LineOf(org.hr_token, org.kadis.id(), D(2024, 2, 21));
  EXPECT_EQ(after.assessor().kind(), v1::Official::KIND_ASN);
  EXPECT_EQ(after.assessor().employee_id(), province.kadis.id());
  EXPECT_EQ(after.assessor().nip(), province.kadis.nip());
  EXPECT_EQ(after.assessor().capacity(), v1::CAPACITY_PJ);
  EXPECT_EQ(after.assessor().rank_code(), "31");
  EXPECT_EQ(LineOf(org.hr_token, org.kabid.id(), D(2024, 3, 1)).assessor_superior().employee_id(),
            province.kadis.id());

  // Overlap, not a root, a Pj with a name.
  v1::RegionalHead out;
  s = Stub().CreateRegionalHead(Ctx(org.hr_token).get(), elected, &out);
  EXPECT_EQ(ReasonOf(s), "TERM_OVERLAPS") << Describe(s);
  v1::CreateRegionalHeadRequest not_root = elected;
  not_root.mutable_head()->set_unit_id(org.dinas.id());
  s = Stub().CreateRegionalHead(Ctx(org.hr_token).get(), not_root, &out);
  EXPECT_EQ(ReasonOf(s), "NOT_A_ROOT_UNIT") << Describe(s);
  v1::CreateRegionalHeadRequest named_pj = pj;
  named_pj.mutable_head()->set_name("Someone");
  s = Stub().CreateRegionalHead(Ctx(org.hr_token).get(), named_pj, &out);
  EXPECT_THAT(FieldsOf(s), ElementsAre("head.name"));

  // End the Pj's term and correct the elected head's name; list.
  v1::UpdateRegionalHeadRequest update;
  update.mutable_head()->set_id(pj_head.id());
  update.mutable_head()->set_etag(pj_head.etag());
  *update.mutable_head()->mutable_term_end() = D(2025, 2, 19);
  update.mutable_update_mask()->add_paths("term_end");
  v1::RegionalHead ended;
  s = Stub().UpdateRegionalHead(Ctx(org.hr_token).get(), update, &ended);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(ended.term_end().year(), 2025);
  // After every term, the compatibility holder (non_asn_holder_name) answers again.
  EXPECT_EQ(LineOf(org.hr_token, org.kadis.id(), D(2025, 2, 20)).assessor().name(),
            "Ir. H. Walikota");
  s = Stub().UpdateRegionalHead(Ctx(org.hr_token).get(), update, &ended);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << Describe(s);
  v1::UpdateRegionalHeadRequest rename;
  rename.mutable_head()->set_id(head.id());
  rename.mutable_head()->set_name("Dr. H. Wali Kota Terpilih, M.Si.");
  rename.mutable_update_mask()->add_paths("name");
  s = Stub().UpdateRegionalHead(Ctx(org.hr_token).get(), rename, &ended);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(ended.name(), "Dr. H. Wali Kota Terpilih, M.Si.");
  v1::ListRegionalHeadsRequest list;
  list.set_filter(absl::StrCat("unit_id = \"", org.root.id(), "\""));
  v1::ListRegionalHeadsResponse listed;
  ASSERT_TRUE(Stub().ListRegionalHeads(Ctx(AuditorToken()).get(), list, &listed).ok());
  ASSERT_THAT(listed.heads(), SizeIs(2));
  EXPECT_EQ(listed.heads(0).id(), head.id());
  EXPECT_EQ(listed.heads(1).kind(), v1::REGIONAL_HEAD_KIND_PJ);
  auto events = EventsAbout<v1::RegionalHeadChanged>("RegionalHeadChanged", head.id(), 2);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].previous().name(), "Dr. H. Wali Kota Terpilih");
  s = Stub().UpdateRegionalHead(Ctx(province.hr_token).get(), rename, &ended);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
}

TEST(EmployeeServiceTest, CreateEmployeeCrossChecksTheNip) {
  Org org = BuildOrg();
  v1::CreateEmployeeRequest request;
  *request.mutable_employee() = NewEmployee(org.staff_position.id(), "Cek Silang");
  v1::Employee e;
  request.mutable_employee()->mutable_appointment_date()->set_month(6);  // the NIP says 2015-05
  grpc::Status s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &e);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(FieldsOf(s), ElementsAre("employee.appointment_date"));
  EXPECT_THAT(s.error_message(), HasSubstr("2015-05"));
  request.mutable_employee()->mutable_appointment_date()->set_month(5);
  request.mutable_employee()->set_sex(v1::SEX_FEMALE);
  s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &e);
  EXPECT_THAT(FieldsOf(s), ElementsAre("employee.sex"));
  EXPECT_THAT(s.error_message(), HasSubstr("NIP"));
  // An appointment month after this month is refused, on the NIP.
  request.mutable_employee()->set_sex(v1::SEX_MALE);
  absl::CivilMonth next = absl::CivilMonth(rpc::TodayInJakarta()) + 1;
  std::string nip = request.employee().nip();
  nip.replace(8, 6, absl::StrFormat("%04d%02d", next.year(), next.month()));
  request.mutable_employee()->set_nip(nip);
  *request.mutable_employee()->mutable_appointment_date() =
      rpc::DayToProto(absl::CivilDay(next.year(), next.month(), 1));
  s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &e);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(FieldsOf(s), ::testing::Contains("employee.nip"));
}

TEST(EmployeeServiceTest, SiasnIdAndPnsStatus) {
  Org org = BuildOrg();
  EXPECT_EQ(org.staff1.pns_status(), v1::PNS_STATUS_DEFINITIVE);
  EXPECT_TRUE(org.staff1.siasn_id().empty());
  v1::CreateEmployeeRequest request;
  *request.mutable_employee() = NewEmployee(org.staff_position.id(), "Calon Pegawai");
  request.mutable_employee()->set_siasn_id(UniqueId("siasn"));
  request.mutable_employee()->set_pns_status(v1::PNS_STATUS_CANDIDATE);
  v1::Employee e;
  grpc::Status s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &e);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(e.siasn_id(), request.employee().siasn_id());
  EXPECT_EQ(e.pns_status(), v1::PNS_STATUS_CANDIDATE);
  v1::Employee read;
  ASSERT_TRUE(GetEmployee(org.hr_token, e.id(), &read).ok());
  EXPECT_EQ(read.siasn_id(), e.siasn_id());
  EXPECT_EQ(read.pns_status(), v1::PNS_STATUS_CANDIDATE);
  // The SIASN id is unique.
  *request.mutable_employee() = NewEmployee(org.staff_position.id(), "Kembar");
  request.mutable_employee()->set_siasn_id(e.siasn_id());
  s = Stub().CreateEmployee(Ctx(org.hr_token).get(), request, &e);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS) << Describe(s);
}

// --- Events ------------------------------------------------------------------------------

TEST(EmployeeServiceTest, StreamEventsBacklogThenLive) {
  Org org = BuildOrg();
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + ServiceToken());
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  kinerja::common::v1::StreamEventsRequest request;
  request.add_types("EmployeeCreated");
  std::unique_ptr<grpc::ClientReader<kinerja::common::v1::EventEnvelope>> reader =
      Stub().StreamEvents(&ctx, request);

  // The backlog holds this org's four EmployeeCreated events (and other tests' ones).
  kinerja::common::v1::EventEnvelope event;
  std::set<std::string> ours;
  while (ours.size() < 4 && reader->Read(&event)) {
    ASSERT_EQ(event.type(), "EmployeeCreated");
    v1::EmployeeChanged payload;
    ASSERT_TRUE(event.payload().UnpackTo(&payload));
    if (payload.employee().agency_id() == org.agency_id) ours.insert(payload.employee().id());
  }
  EXPECT_EQ(ours, (std::set<std::string>{org.kadis.id(), org.kabid.id(), org.staff1.id(),
                                         org.staff2.id()}));

  // Live tail: a new employee arrives on the open stream.
  v1::Employee fresh = CreateEmployee(org.hr_token, org.staff_position.id(), "Baru Datang");
  bool seen = false;
  while (!seen && reader->Read(&event)) {
    v1::EmployeeChanged payload;
    ASSERT_TRUE(event.payload().UnpackTo(&payload));
    seen = payload.employee().id() == fresh.id();
    if (seen) {
      EXPECT_EQ(payload.employee().name(), "Baru Datang");
      EXPECT_FALSE(event.cursor().empty());
      EXPECT_EQ(event.actor(), "hr-" + org.agency_id);
    }
  }
  EXPECT_TRUE(seen);
  ctx.TryCancel();
  reader->Finish();
}

TEST(EmployeeServiceTest, StreamEventsIsForServicesAndAuditorsOnly) {
  Org org = BuildOrg();
  for (const std::string& token :
       {org.hr_token, EmployeeToken(org.staff1.nip(), org.agency_id), std::string()}) {
    grpc::ClientContext ctx;
    if (!token.empty()) ctx.AddMetadata("authorization", "Bearer " + token);
    kinerja::common::v1::StreamEventsRequest request;
    request.set_backlog_only(true);
    auto reader = Stub().StreamEvents(&ctx, request);
    kinerja::common::v1::EventEnvelope event;
    EXPECT_FALSE(reader->Read(&event));
    grpc::Status s = reader->Finish();
    EXPECT_EQ(s.error_code(), token.empty() ? grpc::StatusCode::UNAUTHENTICATED
                                            : grpc::StatusCode::PERMISSION_DENIED)
        << Describe(s);
  }
  // An auditor drains the backlog.
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + AuditorToken());
  kinerja::common::v1::StreamEventsRequest request;
  request.set_backlog_only(true);
  auto reader = Stub().StreamEvents(&ctx, request);
  kinerja::common::v1::EventEnvelope event;
  int count = 0;
  while (reader->Read(&event)) ++count;
  grpc::Status s = reader->Finish();
  EXPECT_TRUE(s.ok()) << Describe(s);
  EXPECT_GT(count, 0);
}

}  // namespace
}  // namespace kinerja::employee::testing
