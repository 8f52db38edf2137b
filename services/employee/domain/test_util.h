// Valid records the employee domain's tests start from (one place, so a new required field is
// added once).
#pragma once

#include "absl/time/civil_time.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/rank.h"

namespace kinerja::employee::test_util {

// A PNS whose NIP agrees with birth date, sex and appointment: 1986-09-26, 2015-05, male.
inline Employee ValidPns() {
  Employee e;
  e.kind = EmployeeKind::kPns;
  e.nip = "198609262015051001";
  e.name = "Budi Santoso";
  e.sex = Sex::kMale;
  e.birth_date = absl::CivilDay(1986, 9, 26);
  e.rank = Golongan::Parse("III/b").value();
  e.position_id = "pos-1";
  e.unit_id = "unit-1";
  e.agency_id = "agency-1";
  return e;
}

}  // namespace kinerja::employee::test_util
