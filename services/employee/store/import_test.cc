// The SIASN import on a real PostgreSQL: UNOR then data-utama, idempotent re-runs, transfers
// through the import, per-record rejections, dry runs, idempotency keys.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/employee/convert/resources.h"
#include "services/employee/domain/reporting_line.h"
#include "services/employee/domain/siasn_record.h"
#include "services/employee/store/store_test_fixture.h"

namespace kinerja::employee::store::testing {
namespace {

using ::testing::HasSubstr;

SiasnUnorRecord Unor(const std::string& json) {
  auto parsed = ParseSiasnUnorJson(json);
  EXPECT_TRUE(parsed.ok()) << json << ": " << parsed.errors[0].field << " "
                           << parsed.errors[0].description;
  return parsed.value;
}

std::string UnorJson(const std::string& id, const std::string& parent, const std::string& name,
                     const std::string& jabatan, const std::string& pemimpin,
                     const std::string& eselon, const std::string& agency = "kota") {
  return absl::StrFormat(
      R"({"id":"%s","diatasanId":"%s","namaUnor":"%s","namaJabatan":"%s","pemimpinPnsId":"%s","eselonId":"%s","instansiId":"%s"})",
      id, parent, name, jabatan, pemimpin, eselon, agency);
}

// NIP 19701122199404 1 <serial>: born 22-11-1970, appointed 1994-04, male.
std::string ImportNip(int serial) { return absl::StrFormat("197011221994041%03d", serial); }

SiasnEmployeeRecord Pegawai(const std::string& siasn_id, int serial, const std::string& name,
                            const std::string& unor, const std::string& jenis,
                            const std::string& jabatan, const std::string& eselon = "",
                            const std::string& tmt_jabatan = "01-06-2020",
                            const std::string& agency = "kota") {
  std::string json = absl::StrFormat(
      R"({"id":"%s","nipBaru":"%s","nama":"%s","tglLahir":"22-11-1970","jenisKelamin":"M","golRuangAkhirId":"41","jenisJabatanId":"%s","jabatanNama":"%s","eselonId":"%s","unorId":"%s","instansiIndukId":"%s","statusPegawai":"PNS","tmtCpns":"01-04-1994","tmtJabatan":"%s"})",
      siasn_id, ImportNip(serial), name, jenis, jabatan, eselon, unor, agency, tmt_jabatan);
  auto parsed = ParseSiasnEmployeeJson(json);
  EXPECT_TRUE(parsed.ok()) << json << ": " << parsed.errors[0].field << " "
                           << parsed.errors[0].description;
  return parsed.value;
}

class ImportTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    AddAgency("kota");
    AddAgency("prov", "Provinsi");
  }

  ImportOptions Options(bool dry_run = false) {
    ImportOptions options;
    options.agency_id = "kota";
    options.dry_run = dry_run;
    options.default_effective_date = absl::CivilDay(2025, 1, 1);
    options.write = Write("import-1");
    return options;
  }

  std::vector<SiasnUnorRecord> UnorRecords() {
    return {
        Unor(UnorJson("R", "", "Pemerintah Kota Contoh", "Wali Kota", "", "")),
        Unor(UnorJson("S", "R", "Sekretariat Daerah", "Sekretaris Daerah", "P-SEKDA", "21")),
        Unor(UnorJson("D", "S", "Dinas Pendidikan", "Kepala Dinas Pendidikan", "", "22")),
        Unor(UnorJson("X", "NOWHERE", "Unit Yatim", "Kepala", "", "31")),
        Unor(UnorJson("P", "", "Provinsi", "Gubernur", "", "", "prov")),
    };
  }

  std::vector<SiasnEmployeeRecord> EmployeeRecords() {
    return {
        Pegawai("P-SEKDA", 1, "Sekretaris Kota", "S", "1", "Sekretaris Daerah", "21"),
        Pegawai("P-A", 2, "Andi Pelaksana", "D", "4", "Pengadministrasi Umum"),
        Pegawai("P-B", 3, "Bela Analis", "D", "2", "Analis Kebijakan Ahli Muda"),
        Pegawai("P-C", 4, "Cici Provinsi", "D", "4", "Pengadministrasi Umum", "", "01-06-2020",
                "prov"),
        Pegawai("P-D", 5, "Dodi Tersesat", "NOWHERE", "4", "Pengadministrasi Umum"),
    };
  }

  void ImportUnits() {
    auto counts = store_->ImportUnor(Options(), UnorRecords());
    ASSERT_TRUE(counts.ok()) << counts.status();
  }
};

TEST_F(ImportTest, UnorCreatesUnitsWithLeaderPositionsAndRejectsPerRecord) {
  auto counts = store_->ImportUnor(Options(), UnorRecords());
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->received, 5);
  EXPECT_EQ(counts->created, 3);
  EXPECT_EQ(counts->updated, 0);
  EXPECT_EQ(counts->failed, 2);
  ASSERT_EQ(counts->errors.size(), 2u);
  EXPECT_EQ(counts->errors[0].line, 4);
  EXPECT_EQ(counts->errors[0].field, "diatasanId");
  EXPECT_EQ(counts->errors[1].line, 5);
  EXPECT_EQ(counts->errors[1].field, "instansiId");

  auto sekretariat = store_->GetOrgUnit("S");
  ASSERT_TRUE(sekretariat.ok()) << sekretariat.status();
  EXPECT_EQ(sekretariat->parent_id, "R");
  EXPECT_EQ(sekretariat->eselon, Eselon::kIIa);
  auto leader = store_->GetPosition(sekretariat->leader_position_id);
  ASSERT_TRUE(leader.ok()) << leader.status();
  EXPECT_EQ(leader->name, "Sekretaris Daerah");
  EXPECT_EQ(leader->type, PositionType::kJptPratama);
  auto root = store_->GetOrgUnit("R");
  ASSERT_TRUE(root.ok());
  auto mayor = store_->GetPosition(root->leader_position_id);
  ASSERT_TRUE(mayor.ok());
  EXPECT_EQ(mayor->non_asn_holder_name, "Wali Kota");
  EXPECT_EQ(Count("outbox", "type = 'OrgUnitChanged'"), 3);
  EXPECT_EQ(Count("outbox", "type = 'PositionChanged'"), 3);
  EXPECT_EQ(Count("audit_log", "action = 'org_unit.import'"), 1);

  // Re-run: nothing changes, nothing is emitted.
  const int64_t outbox = Count("outbox");
  auto again = store_->ImportUnor(Options(), UnorRecords());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(Count("outbox"), outbox);

  // A rename is an update of the unit only.
  std::vector<SiasnUnorRecord> renamed = UnorRecords();
  renamed[2].name = "Dinas Pendidikan dan Kebudayaan";
  auto third = store_->ImportUnor(Options(), renamed);
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(third->updated, 1);
  EXPECT_EQ(Count("outbox"), outbox + 1);
  EXPECT_EQ(store_->GetOrgUnit("D")->version, 2);
}

TEST_F(ImportTest, UnorCycleIsRejected) {
  ImportUnits();
  // Moving S under D (D is under S) would close a cycle.
  std::vector<SiasnUnorRecord> records = {
      Unor(UnorJson("S", "D", "Sekretariat Daerah", "Sekretaris Daerah", "P-SEKDA", "21"))};
  auto counts = store_->ImportUnor(Options(), records);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->failed, 1);
  EXPECT_EQ(store_->GetOrgUnit("S")->parent_id, "R");
}

TEST_F(ImportTest, EmployeesImportIdempotentlyAndTransfer) {
  ImportUnits();
  const int64_t outbox_before = Count("outbox");
  auto counts = store_->ImportEmployees(Options(), EmployeeRecords());
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->received, 5);
  EXPECT_EQ(counts->created, 3);
  EXPECT_EQ(counts->failed, 2);
  ASSERT_EQ(counts->errors.size(), 2u);
  EXPECT_EQ(counts->errors[0].field, "instansiIndukId");
  EXPECT_EQ(counts->errors[0].line, 4);
  EXPECT_EQ(counts->errors[1].field, "unorId");
  EXPECT_EQ(counts->errors[1].line, 5);
  EXPECT_EQ(Count("outbox", "type = 'EmployeeCreated'"), 3);
  EXPECT_EQ(Count("outbox", "type = 'PositionChanged'") - 3, 2);  // staff positions
  EXPECT_EQ(Count("assignments", "reason = 'INITIAL' AND valid_to IS NULL"), 3);

  // The Sekda took the unit's leader position; ids are the SIASN ids.
  auto sekda = store_->GetEmployeeByNip(ImportNip(1));
  ASSERT_TRUE(sekda.ok()) << sekda.status();
  EXPECT_EQ(sekda->employee.id, "P-SEKDA");
  EXPECT_EQ(sekda->employee.position_id, store_->GetOrgUnit("S")->leader_position_id);
  EXPECT_EQ(RankLabel(sekda->employee.rank), "IV/a");
  EXPECT_EQ(sekda->position_start_date, absl::CivilDay(2020, 6, 1));
  auto analis = store_->GetEmployee("P-B");
  ASSERT_TRUE(analis.ok());
  auto position = store_->GetPosition(analis->employee.position_id);
  ASSERT_TRUE(position.ok());
  EXPECT_EQ(position->type, PositionType::kFungsional);
  EXPECT_EQ(position->functional_level, FunctionalLevel::kAhliMuda);

  // The import's event payload is the stored resource.
  {
    pqxx::connection conn(dsn_);
    pqxx::nontransaction tx(conn);
    v1::EmployeeChanged event;
    ASSERT_TRUE(event.ParseFromString(
        pqxx::binarystring(tx.exec1("SELECT payload FROM employee.outbox WHERE type = "
                                    "'EmployeeCreated' AND aggregate_id = 'P-B'")[0])
            .str()));
    EXPECT_EQ(event.employee().SerializeAsString(), convert::ToProto(*analis).SerializeAsString());
  }

  // Reporting line of the imported staff: dinas is vacant, so the Sekda assesses.
  auto org = store_->LoadOrgForReportingLine("P-A", absl::CivilDay(2024, 1, 1));
  ASSERT_TRUE(org.ok()) << org.status();
  ReportingLine line =
      ResolveReportingLine(org->snapshot, *org->subject, absl::CivilDay(2024, 1, 1));
  ASSERT_TRUE(line.assessor);
  EXPECT_EQ(line.assessor->employee_id, "P-SEKDA");
  ASSERT_TRUE(line.assessor_superior);
  EXPECT_EQ(line.assessor_superior->name, "Wali Kota");

  // Second run of the same data: nothing created, updated or emitted.
  const int64_t outbox_after_first = Count("outbox");
  auto again = store_->ImportEmployees(Options(), EmployeeRecords());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(Count("outbox"), outbox_after_first);
  EXPECT_EQ(store_->GetEmployee("P-A")->version, 1);
  EXPECT_GT(outbox_after_first, outbox_before);

  // Third run: P-A moves to the Sekretariat from 01-03-2025, P-B is renamed.
  std::vector<SiasnEmployeeRecord> moved = EmployeeRecords();
  moved[1] =
      Pegawai("P-A", 2, "Andi Pelaksana", "S", "4", "Pengadministrasi Umum", "", "01-03-2025");
  moved[2].name = "Bela Analis Kebijakan";
  auto third = store_->ImportEmployees(Options(), moved);
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(third->created, 0);
  EXPECT_EQ(third->updated, 2);
  EXPECT_EQ(third->unchanged, 1);
  EXPECT_EQ(Count("outbox", "type = 'EmployeeTransferred'"), 1);
  EXPECT_EQ(Count("outbox", "type = 'EmployeeUpdated'"), 1);
  auto andi = store_->GetEmployee("P-A");
  ASSERT_TRUE(andi.ok());
  EXPECT_EQ(andi->employee.unit_id, "S");
  EXPECT_EQ(andi->position_start_date, absl::CivilDay(2025, 3, 1));
  EXPECT_EQ(andi->version, 2);
  auto history = store_->ListAssignments("P-A", {.page_size = 10});
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->items.size(), 2u);
  EXPECT_EQ(history->items[0].unit_id, "D");
  EXPECT_EQ(history->items[0].end_date, absl::CivilDay(2025, 3, 1));
  EXPECT_EQ(history->items[1].unit_id, "S");
  EXPECT_EQ(history->items[1].reason, AssignmentReason::kTransfer);
  EXPECT_FALSE(history->items[1].end_date);
  {
    pqxx::connection conn(dsn_);
    pqxx::nontransaction tx(conn);
    v1::EmployeeTransferred event;
    ASSERT_TRUE(event.ParseFromString(
        pqxx::binarystring(
            tx.exec1("SELECT payload FROM employee.outbox WHERE type = 'EmployeeTransferred'")[0])
            .str()));
    EXPECT_EQ(event.from_unit_id(), "D");
    EXPECT_EQ(event.employee().unit_id(), "S");
    EXPECT_EQ(event.effective_date().month(), 3);
  }
}

TEST_F(ImportTest, DryRunWritesNothing) {
  ImportUnits();
  const int64_t outbox = Count("outbox");
  auto counts = store_->ImportEmployees(Options(/*dry_run=*/true), EmployeeRecords());
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->created, 3);
  EXPECT_EQ(counts->failed, 2);
  EXPECT_EQ(Count("employees"), 0);
  EXPECT_EQ(Count("outbox"), outbox);
}

TEST_F(ImportTest, RepeatedNipAndSiasnIdAreRejectedPerRecord) {
  ImportUnits();
  std::vector<SiasnEmployeeRecord> records = EmployeeRecords();
  records.resize(3);
  records.push_back(Pegawai("P-Z", 2, "Andi Kembar", "D", "4", "Pengadministrasi Umum"));
  records.push_back(Pegawai("P-A", 9, "Andi Palsu", "D", "4", "Pengadministrasi Umum"));
  auto counts = store_->ImportEmployees(Options(), records);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->created, 3);
  EXPECT_EQ(counts->failed, 2);
  ASSERT_EQ(counts->errors.size(), 2u);
  EXPECT_EQ(counts->errors[0].field, "nipBaru");
  EXPECT_EQ(counts->errors[1].field, "id");

  // A SIASN id that a stored employee with another NIP holds.
  auto taken = store_->ImportEmployees(
      Options(), {Pegawai("P-A", 9, "Andi Palsu", "D", "4", "Pengadministrasi Umum")});
  ASSERT_TRUE(taken.ok()) << taken.status();
  EXPECT_EQ(taken->failed, 1);
  ASSERT_EQ(taken->errors.size(), 1u);
  EXPECT_EQ(taken->errors[0].field, "id");
  EXPECT_THAT(taken->errors[0].message, HasSubstr(ImportNip(2)));
}

TEST_F(ImportTest, NewEmployeeWhoseSiasnIdIsTakenAsAnIdGetsAGeneratedId) {
  ImportUnits();
  // Created by hand with the id a SIASN record will carry (another person, another NIP).
  auto manual = store_->CreateEmployee(
      [&] {
        EmployeeRecord r = NewEmployee("P-A", 50, std::string());
        r.employee.agency_id = "kota";
        r.employee.status = EmployeeStatus::kRetired;
        return r;
      }(),
      Write());
  ASSERT_TRUE(manual.ok()) << manual.status();
  auto counts = store_->ImportEmployees(
      Options(), {Pegawai("P-A", 2, "Andi Pelaksana", "D", "4", "Pengadministrasi Umum")});
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->created, 1);
  auto andi = store_->GetEmployeeByNip(ImportNip(2));
  ASSERT_TRUE(andi.ok()) << andi.status();
  EXPECT_NE(andi->employee.id, "P-A");
  EXPECT_EQ(andi->employee.siasn_id, "P-A");
  pqxx::connection conn(dsn_);
  pqxx::nontransaction tx(conn);
  pqxx::row row = tx.exec1(
      "SELECT aggregate_id, payload FROM employee.outbox WHERE type = 'EmployeeCreated' "
      "ORDER BY sequence DESC LIMIT 1");
  EXPECT_EQ(row[0].as<std::string>(), andi->employee.id);
  v1::EmployeeChanged event;
  ASSERT_TRUE(event.ParseFromString(pqxx::binarystring(row[1]).str()));
  EXPECT_EQ(event.employee().SerializeAsString(), convert::ToProto(*andi).SerializeAsString());
}

TEST_F(ImportTest, IdempotencyKeyReplaysTheStoredResponse) {
  ImportUnits();
  ImportOptions options = Options();
  options.write.idempotency = db::IdempotencyKey{"hr", "ImportRecords", "imp-1", "fp"};
  {
    auto session = store_->BeginEmployeeImport(options);
    ASSERT_TRUE(session.ok()) << session.status();
    EXPECT_FALSE((*session)->replayed_response());
    ASSERT_TRUE((*session)->AddEmployees(EmployeeRecords(), 1).ok());
    auto counts = (*session)->Apply();
    ASSERT_TRUE(counts.ok()) << counts.status();
    ASSERT_TRUE((*session)->Commit("summary-bytes").ok());
  }
  const int64_t outbox = Count("outbox");
  auto replay = store_->BeginEmployeeImport(options);
  ASSERT_TRUE(replay.ok()) << replay.status();
  ASSERT_TRUE((*replay)->replayed_response());
  EXPECT_EQ(*(*replay)->replayed_response(), "summary-bytes");
  ASSERT_TRUE((*replay)->Commit().ok());
  EXPECT_EQ(Count("outbox"), outbox);

  // A session destroyed without Commit rolls back.
  options.write.idempotency.reset();
  std::vector<SiasnEmployeeRecord> extra = {
      Pegawai("P-N", 20, "Nina Baru", "D", "4", "Pengadministrasi Umum")};
  {
    auto session = store_->BeginEmployeeImport(options);
    ASSERT_TRUE(session.ok());
    ASSERT_TRUE((*session)->AddEmployees(extra, 1).ok());
    ASSERT_TRUE((*session)->Apply().ok());
  }
  EXPECT_EQ(store_->GetEmployee("P-N").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->BeginEmployeeImport({.agency_id = "ghost"}).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace kinerja::employee::store::testing
