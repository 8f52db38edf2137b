// Test data through the public API: an agency with a small unit tree and staff.
//
//   root "Pemerintah Kota"            leader position: Wali Kota (NON-ASN holder)
//   └─ dinas "Dinas Pendidikan"       leader: Kepala Dinas (JPT Pratama)   held by kadis
//      └─ bidang "Bidang SD"          leader: Kepala Bidang (Administrator) held by kabid
//                                     staff position: Pengolah Data (Pelaksana): staff1, staff2
#pragma once

#include <string>

#include "tests/harness/employee/service_env.h"

namespace kinerja::employee::testing {

struct Org {
  std::string agency_id;
  std::string hr_token;
  v1::OrgUnit root, dinas, bidang;
  v1::Position mayor_position, kadis_position, kabid_position, staff_position;
  v1::Employee kadis, kabid, staff1, staff2;
};

// Builds the organisation above in a fresh agency; every call must succeed (gtest failures
// otherwise, reported at the caller).
Org BuildOrg();

// Steps of BuildOrg, for tests that need other shapes.
v1::Agency CreateAgency(const std::string& id);
v1::OrgUnit CreateUnit(const std::string& token, const std::string& agency_id,
                       const std::string& parent_id, const std::string& name);
v1::Position CreatePosition(const std::string& token, const std::string& unit_id,
                            const std::string& name, v1::PositionType type, bool leader,
                            const std::string& non_asn_holder = "");
// An employee proto ready for CreateEmployee (valid NIP, matching sex and birth date).
v1::Employee NewEmployee(const std::string& position_id, const std::string& name);
v1::Employee CreateEmployee(const std::string& token, const std::string& position_id,
                            const std::string& name);

}  // namespace kinerja::employee::testing
