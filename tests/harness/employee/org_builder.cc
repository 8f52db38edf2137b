#include "tests/harness/employee/org_builder.h"

#include <gtest/gtest.h>

namespace kinerja::employee::testing {

v1::Agency CreateAgency(const std::string& id) {
  v1::CreateAgencyRequest request;
  request.mutable_agency()->set_id(id);
  request.mutable_agency()->set_name("Pemerintah Kota " + id);
  request.mutable_agency()->set_kind(v1::AGENCY_KIND_CITY);
  request.mutable_agency()->set_head_title("Wali Kota");
  v1::Agency agency;
  grpc::Status s =
      ServiceEnv::Get().stub().CreateAgency(Ctx(HrAdminToken(id)).get(), request, &agency);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return agency;
}

v1::OrgUnit CreateUnit(const std::string& token, const std::string& agency_id,
                       const std::string& parent_id, const std::string& name) {
  v1::CreateOrgUnitRequest request;
  request.mutable_unit()->set_agency_id(agency_id);
  request.mutable_unit()->set_parent_id(parent_id);
  request.mutable_unit()->set_name(name);
  v1::OrgUnit unit;
  grpc::Status s = ServiceEnv::Get().stub().CreateOrgUnit(Ctx(token).get(), request, &unit);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return unit;
}

v1::Position CreatePosition(const std::string& token, const std::string& unit_id,
                            const std::string& name, v1::PositionType type, bool leader,
                            const std::string& non_asn_holder) {
  v1::CreatePositionRequest request;
  request.mutable_position()->set_unit_id(unit_id);
  request.mutable_position()->set_name(name);
  request.mutable_position()->set_type(type);
  request.mutable_position()->set_non_asn_holder_name(non_asn_holder);
  request.set_unit_leader(leader);
  v1::Position position;
  grpc::Status s = ServiceEnv::Get().stub().CreatePosition(Ctx(token).get(), request, &position);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return position;
}

v1::Employee NewEmployee(const std::string& position_id, const std::string& name) {
  std::string nip = ValidNip(1);
  v1::Employee e;
  e.set_kind(v1::EMPLOYEE_KIND_PNS);
  e.set_nip(nip);
  e.set_name(name);
  e.set_sex(v1::SEX_MALE);
  e.mutable_birth_date()->set_year(std::stoi(nip.substr(0, 4)));
  e.mutable_birth_date()->set_month(std::stoi(nip.substr(4, 2)));
  e.mutable_birth_date()->set_day(std::stoi(nip.substr(6, 2)));
  e.set_rank("31");
  e.set_position_id(position_id);
  e.mutable_appointment_date()->set_year(2015);
  e.mutable_appointment_date()->set_month(5);
  e.mutable_appointment_date()->set_day(1);
  e.mutable_position_start_date()->set_year(2020);
  e.mutable_position_start_date()->set_month(1);
  e.mutable_position_start_date()->set_day(2);
  return e;
}

v1::Employee CreateEmployee(const std::string& token, const std::string& position_id,
                            const std::string& name) {
  v1::CreateEmployeeRequest request;
  *request.mutable_employee() = NewEmployee(position_id, name);
  v1::Employee employee;
  grpc::Status s = ServiceEnv::Get().stub().CreateEmployee(Ctx(token).get(), request, &employee);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return employee;
}

Org BuildOrg() {
  Org org;
  org.agency_id = UniqueId("kota");
  org.hr_token = HrAdminToken(org.agency_id);
  CreateAgency(org.agency_id);
  const std::string& hr = org.hr_token;
  org.root = CreateUnit(hr, org.agency_id, "", "Pemerintah Kota");
  org.mayor_position = CreatePosition(hr, org.root.id(), "Wali Kota", v1::POSITION_TYPE_JPT_UTAMA,
                                      true, "Ir. H. Walikota");
  org.dinas = CreateUnit(hr, org.agency_id, org.root.id(), "Dinas Pendidikan");
  org.kadis_position = CreatePosition(hr, org.dinas.id(), "Kepala Dinas Pendidikan",
                                      v1::POSITION_TYPE_JPT_PRATAMA, true);
  org.bidang = CreateUnit(hr, org.agency_id, org.dinas.id(), "Bidang SD");
  org.kabid_position = CreatePosition(hr, org.bidang.id(), "Kepala Bidang SD",
                                      v1::POSITION_TYPE_ADMINISTRATOR, true);
  org.staff_position =
      CreatePosition(hr, org.bidang.id(), "Pengolah Data", v1::POSITION_TYPE_PELAKSANA, false);
  org.kadis = CreateEmployee(hr, org.kadis_position.id(), "Dr. Kepala Dinas");
  org.kabid = CreateEmployee(hr, org.kabid_position.id(), "Kepala Bidang");
  org.staff1 = CreateEmployee(hr, org.staff_position.id(), "Staf Satu");
  org.staff2 = CreateEmployee(hr, org.staff_position.id(), "Staf Dua");
  return org;
}

}  // namespace kinerja::employee::testing
