#include "services/employee/store/store_test_fixture.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kinerja::employee::store::testing {

WriteOptions StoreTest::Write(const std::string& request_id) const {
  return ::kinerja::testing::StoreDatabase::Write(request_id);
}

Agency StoreTest::AddAgency(const std::string& id, const std::string& name) {
  Agency agency;
  agency.id = id;
  agency.name = name;
  agency.kind = AgencyKind::kCity;
  agency.head_title = "Wali Kota";
  auto created = store_->CreateAgency(agency, Write());
  EXPECT_TRUE(created.ok()) << created.status();
  return created.ok() ? *created : agency;
}

OrgUnit StoreTest::AddUnit(const std::string& id, const std::string& parent_id,
                           const std::string& agency_id) {
  OrgUnit unit;
  unit.id = id;
  unit.agency_id = agency_id;
  unit.parent_id = parent_id;
  unit.name = absl::StrCat("Unit ", id);
  auto created = store_->CreateOrgUnit(unit, Write());
  EXPECT_TRUE(created.ok()) << created.status();
  return created.ok() ? *created : unit;
}

Position StoreTest::AddPosition(const std::string& id, const std::string& unit_id,
                                PositionType type, bool leader, std::optional<Eselon> eselon,
                                const std::string& non_asn_holder) {
  Position position;
  position.id = id;
  position.unit_id = unit_id;
  position.name = absl::StrCat("Jabatan ", id);
  position.type = type;
  position.eselon = eselon;
  position.non_asn_holder_name = non_asn_holder;
  auto created = store_->CreatePosition(position, leader, Write());
  EXPECT_TRUE(created.ok()) << created.status();
  return created.ok() ? *created : position;
}

std::string StoreTest::Nip(int serial, Sex sex) {
  return absl::StrFormat("19860926201505%d%03d", sex == Sex::kFemale ? 2 : 1, serial);
}

EmployeeRecord StoreTest::NewEmployee(const std::string& id, int serial,
                                      const std::string& position_id, const std::string& name) {
  EmployeeRecord record;
  Employee& e = record.employee;
  e.id = id;
  e.kind = EmployeeKind::kPns;
  e.nip = Nip(serial);
  e.name = name;
  e.sex = Sex::kMale;
  e.birth_date = absl::CivilDay(1986, 9, 26);
  e.rank = *Golongan::Parse("III/a");
  e.status = EmployeeStatus::kActive;
  e.position_id = position_id;
  record.appointment_date = absl::CivilDay(2015, 5, 1);
  return record;
}

EmployeeRecord StoreTest::AddEmployee(const std::string& id, int serial,
                                      const std::string& position_id, const std::string& name,
                                      absl::CivilDay start) {
  EmployeeRecord record = NewEmployee(id, serial, position_id, name);
  record.position_start_date = start;
  auto created = store_->CreateEmployee(record, Write());
  EXPECT_TRUE(created.ok()) << created.status();
  return created.ok() ? *created : record;
}

}  // namespace kinerja::employee::store::testing
