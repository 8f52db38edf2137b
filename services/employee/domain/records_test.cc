// Rules for creating and updating agencies, positions, employees and acting officials.
#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "services/employee/domain/acting_official.h"
#include "services/employee/domain/agency.h"
#include "services/employee/domain/employee_record.h"
#include "services/employee/domain/position_record.h"
#include "services/employee/domain/test_util.h"
#include "shared/errors/errors.h"

namespace kinerja::employee {
namespace {

std::string Reason(const absl::Status& status) { return errors::ReasonOf(status).value_or(""); }

TEST(AgencyKind, NamesRoundTrip) {
  for (AgencyKind kind :
       {AgencyKind::kCentral, AgencyKind::kProvince, AgencyKind::kRegency, AgencyKind::kCity}) {
    EXPECT_EQ(*ParseAgencyKind(AgencyKindName(kind)), kind);
  }
  EXPECT_FALSE(ParseAgencyKind("VILLAGE").ok());
}

AgencyUpdate Rename(std::string name) {
  AgencyUpdate update;
  update.id = "a";
  update.name = std::move(name);
  return update;
}

TEST(ApplyAgencyUpdate, ReportsWhetherAnythingChanges) {
  Agency agency;
  agency.id = "a";
  agency.name = "Kota Bandung";
  EXPECT_FALSE(*ApplyAgencyUpdate(agency, Rename("Kota Bandung")));
  AgencyUpdate title;
  title.head_title = "Wali Kota";
  EXPECT_TRUE(*ApplyAgencyUpdate(agency, title));
  EXPECT_EQ(agency.head_title, "Wali Kota");
  EXPECT_EQ(ApplyAgencyUpdate(agency, Rename("")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(agency.name, "Kota Bandung");
}

TEST(PlaceNewPosition, TakesTheUnitsAgency) {
  Position position;
  position.unit_id = "unit-1";
  position.name = "Analis";
  EXPECT_EQ(Reason(PlaceNewPosition(position, std::nullopt)), "REFERENCE_NOT_FOUND");
  ASSERT_TRUE(PlaceNewPosition(position, "agency-1").ok());
  EXPECT_EQ(position.agency_id, "agency-1");
  EXPECT_EQ(Reason(PlaceNewPosition(position, "agency-2")), "DIFFERENT_AGENCY");
  position.functional_level = FunctionalLevel::kAhliMuda;
  EXPECT_EQ(ValidateNewPosition(position).code(), absl::StatusCode::kInvalidArgument);
}

EmployeeRecord NewEmployee() {
  EmployeeRecord record;
  record.employee = test_util::ValidPns();
  record.employee.unit_id.clear();  // placed by the store from the position
  record.employee.agency_id.clear();
  record.appointment_date = absl::CivilDay(2015, 5, 1);
  return record;
}

TEST(PlaceNewEmployee, TakesThePositionsPlaceAndStartsAtAppointment) {
  EmployeeRecord record = NewEmployee();
  ASSERT_TRUE(PlaceNewEmployee(record, PositionPlace{.unit_id = "u", .agency_id = "a"}).ok());
  EXPECT_EQ(record.employee.unit_id, "u");
  EXPECT_EQ(record.employee.agency_id, "a");
  EXPECT_EQ(record.position_start_date, absl::CivilDay(2015, 5, 1));
}

TEST(ValidateNewEmployee, LimitsTheId) {
  EmployeeRecord record = NewEmployee();
  EXPECT_TRUE(ValidateNewEmployee(record).ok());
  record.employee.id = std::string(kMaxIdLength + 1, 'x');
  EXPECT_EQ(ValidateNewEmployee(record).code(), absl::StatusCode::kInvalidArgument);
}

TEST(FirstAssignment, OpensAtThePositionStart) {
  EmployeeRecord record = NewEmployee();
  ASSERT_TRUE(PlaceNewEmployee(record, PositionPlace{.unit_id = "u", .agency_id = "a"}).ok());
  std::optional<AssignmentRecord> first = FirstAssignment(record);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->reason, AssignmentReason::kInitial);
  EXPECT_EQ(first->start_date, absl::CivilDay(2015, 5, 1));
  EXPECT_EQ(first->unit_id, "u");
  record.employee.position_id.clear();
  EXPECT_FALSE(FirstAssignment(record).has_value());
}

TEST(PlaceNewEmployee, RefusesAnotherUnitOrAgencyAndAMissingStart) {
  EmployeeRecord record = NewEmployee();
  record.employee.unit_id = "other";
  EXPECT_EQ(Reason(PlaceNewEmployee(record, PositionPlace{.unit_id = "u", .agency_id = "a"})),
            "POSITION_IN_ANOTHER_UNIT");
  record = NewEmployee();
  record.employee.agency_id = "other";
  EXPECT_EQ(Reason(PlaceNewEmployee(record, PositionPlace{.unit_id = "u", .agency_id = "a"})),
            "DIFFERENT_AGENCY");
  record = NewEmployee();
  EXPECT_EQ(Reason(PlaceNewEmployee(record, std::nullopt)), "REFERENCE_NOT_FOUND");
  record.appointment_date = std::nullopt;
  EXPECT_EQ(PlaceNewEmployee(record, PositionPlace{.unit_id = "u", .agency_id = "a"}).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ApplyEmployeeUpdate, ValidatesOnlyAChange) {
  Employee e = NewEmployee().employee;
  e.unit_id = "u";
  e.agency_id = "a";
  EmployeeUpdate same;
  same.name = e.name;
  EXPECT_FALSE(*ApplyEmployeeUpdate(e, same));
  EmployeeUpdate retire;
  retire.status = EmployeeStatus::kRetired;
  EXPECT_TRUE(*ApplyEmployeeUpdate(e, retire));
  EXPECT_EQ(e.status, EmployeeStatus::kRetired);
  EmployeeUpdate grade;
  grade.rank = PppkGrade::Parse("IX").value();
  EXPECT_FALSE(ApplyEmployeeUpdate(e, grade).ok());
}

TEST(PlaceActingOfficial, PositionAndEmployeeInOneAgency) {
  ActingOfficial acting;
  acting.position_id = "pos-1";
  acting.employee_id = "emp-1";
  EXPECT_EQ(Reason(PlaceActingOfficial(acting, ActingFacts{})), "REFERENCE_NOT_FOUND");
  EXPECT_EQ(Reason(PlaceActingOfficial(
                acting, ActingFacts{.position_agency_id = "a", .employee_agency_id = "b"})),
            "DIFFERENT_AGENCY");
  ASSERT_TRUE(
      PlaceActingOfficial(acting, ActingFacts{.position_agency_id = "a", .employee_agency_id = "a"})
          .ok());
  EXPECT_EQ(acting.agency_id, "a");
  acting.end_date = acting.start_date - 1;
  EXPECT_EQ(ValidateNewActingOfficial(acting).code(), absl::StatusCode::kInvalidArgument);
}

TEST(PlaceNewEmployee, TheAppointmentMustAgreeWithTheNip) {
  EmployeeRecord record = NewEmployee();
  record.appointment_date = absl::CivilDay(2015, 6, 1);  // the NIP says 2015-05
  absl::Status s = PlaceNewEmployee(record, PositionPlace{.unit_id = "u", .agency_id = "a"});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(s.message(), "appointment_date: ")) << s;
  EXPECT_TRUE(absl::StrContains(s.message(), "2015-05")) << s;
}

TEST(ApplyPositionUpdate, ChangesAndValidates) {
  Position p;
  p.id = "pos-1";
  p.unit_id = "u";
  p.name = "Analis";
  p.type = PositionType::kPelaksana;
  auto changed = ApplyPositionUpdate(p, {.name = "Analis Kebijakan"}, false);
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_TRUE(*changed);
  EXPECT_EQ(p.name, "Analis Kebijakan");
  changed = ApplyPositionUpdate(p, {.name = "Analis Kebijakan"}, false);
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(*changed);
  // A level only on a functional position.
  Position copy = p;
  EXPECT_EQ(ApplyPositionUpdate(copy, {.functional_level = FunctionalLevel::kAhliMuda}, false)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(copy.functional_level, FunctionalLevel::kNone);
  changed = ApplyPositionUpdate(
      p, {.type = PositionType::kFungsional, .functional_level = FunctionalLevel::kAhliMuda},
      false);
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_EQ(p.functional_level, FunctionalLevel::kAhliMuda);
  EXPECT_EQ(ApplyPositionUpdate(p, {.name = ""}, false).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ApplyPositionUpdate, ALeaderPositionStaysAssessorEligible) {
  Position p;
  p.id = "pos-kabid";
  p.unit_id = "u";
  p.name = "Kepala Bidang";
  p.type = PositionType::kAdministrator;
  EXPECT_EQ(Reason(ApplyPositionUpdate(p, {.type = PositionType::kPelaksana}, true).status()),
            "LEADER_NOT_ASSESSOR");
  EXPECT_EQ(p.type, PositionType::kAdministrator);
  EXPECT_TRUE(ApplyPositionUpdate(p, {.type = PositionType::kPengawas}, true).ok());
  EXPECT_TRUE(ApplyPositionUpdate(p, {.type = PositionType::kPelaksana}, false).ok());
}

TEST(ApplyActingUpdate, EndsEarlyOrCorrectsTheBasis) {
  ActingOfficial a;
  a.id = "act-1";
  a.start_date = absl::CivilDay(2024, 3, 1);
  a.end_date = absl::CivilDay(2024, 5, 31);
  a.basis = "SK 1";
  auto changed = ApplyActingUpdate(a, {.end_date = absl::CivilDay(2024, 3, 1)});  // one day
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_TRUE(*changed);
  EXPECT_EQ(a.end_date, absl::CivilDay(2024, 3, 1));
  absl::StatusOr<bool> bad = ApplyActingUpdate(a, {.end_date = absl::CivilDay(2024, 2, 29)});
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(bad.status().message(), "end_date: ")) << bad.status();
  EXPECT_EQ(a.end_date, absl::CivilDay(2024, 3, 1));
  changed = ApplyActingUpdate(a, {.basis = "SK 1"});
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(*changed);
  changed = ApplyActingUpdate(a, {.basis = "SK 2"});
  ASSERT_TRUE(changed.ok());
  EXPECT_TRUE(*changed);
  EXPECT_EQ(ApplyActingUpdate(a, {.basis = std::string(501, 'x')}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kinerja::employee
