// Shared fixture of the store tests: a fresh database per test with the employee schema
// migrated, a pool, the store, and builders for valid records.
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "services/employee/store/employee_store.h"
#include "services/employee/store/migrations.h"
#include "shared/db/pool.h"
#include "tests/harness/store_fixture.h"

namespace kinerja::employee::store::testing {

class StoreTest : public ::kinerja::testing::StoreFixture<EmployeeStore> {
 protected:
  StoreTest() : StoreFixture("employee", EmployeeMigrations) {}

  WriteOptions Write(const std::string& request_id = "") const;

  // Builders; each creates the resource through the store and asserts success.
  Agency AddAgency(const std::string& id = "kota", const std::string& name = "Kota Contoh");
  OrgUnit AddUnit(const std::string& id, const std::string& parent_id,
                  const std::string& agency_id = "kota");
  Position AddPosition(const std::string& id, const std::string& unit_id, PositionType type,
                       bool leader, std::optional<Eselon> eselon = std::nullopt,
                       const std::string& non_asn_holder = "");
  // NIP 19860926201505<sex><serial>: born 1986-09-26, appointed 2015-05.
  static std::string Nip(int serial, Sex sex = Sex::kMale);
  EmployeeRecord NewEmployee(const std::string& id, int serial, const std::string& position_id,
                             const std::string& name = "Budi Santoso");
  EmployeeRecord AddEmployee(const std::string& id, int serial, const std::string& position_id,
                             const std::string& name = "Budi Santoso",
                             absl::CivilDay start = absl::CivilDay(2020, 1, 1));
};

}  // namespace kinerja::employee::store::testing
