#include "services/employee/domain/employee.h"
#include "services/employee/domain/test_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kinerja::employee {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

using test_util::ValidPns;

Employee ValidPppk() {
  Employee e = ValidPns();
  e.kind = EmployeeKind::kPppk;
  e.nip = "199001152021132003";  // positions 13-14 = 13: fine for NI PPPK
  e.sex = Sex::kFemale;
  e.birth_date = absl::CivilDay(1990, 1, 15);
  e.rank = PppkGrade::Parse("IX").value();
  return e;
}

std::vector<std::string> Fields(const Employee& e) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : EmployeeViolations(e)) fields.push_back(v.field);
  return fields;
}

TEST(EmployeeViolations, ValidRecords) {
  EXPECT_THAT(EmployeeViolations(ValidPns()), IsEmpty());
  EXPECT_THAT(EmployeeViolations(ValidPppk()), IsEmpty());
  EXPECT_TRUE(ValidateEmployee(ValidPns()).ok());
  Employee cpns = ValidPns();
  cpns.candidate = true;
  EXPECT_TRUE(ValidateEmployee(cpns).ok());
}

TEST(EmployeeViolations, IdIsParsedByKind) {
  Employee e = ValidPns();
  e.nip = "198609262015131001";  // month 13: invalid NIP
  auto violations = EmployeeViolations(e);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "nip");
  EXPECT_EQ(violations[0].description,
            "first appointment 201513 has no real month (positions 9-14)");
  // The same digits are a valid NI PPPK.
  Employee p = ValidPppk();
  p.nip = "198609262015131001";
  p.sex = Sex::kMale;
  p.birth_date = absl::CivilDay(1986, 9, 26);
  EXPECT_THAT(EmployeeViolations(p), IsEmpty());
}

TEST(EmployeeViolations, SexAndBirthDateMustAgreeWithTheId) {
  Employee e = ValidPns();
  e.sex = Sex::kFemale;
  e.birth_date = absl::CivilDay(1986, 9, 27);
  EXPECT_THAT(EmployeeViolations(e),
              ElementsAre(FieldViolation{"sex",
                                         "FEMALE disagrees with the NIP: its sex digit "
                                         "(position 15) says MALE"},
                          FieldViolation{"birth_date",
                                         "1986-09-27 disagrees with the NIP: its birth date "
                                         "(positions 1-8) is 1986-09-26"}));
  // With an invalid id nothing is compared against it.
  e.nip = "bad";
  EXPECT_THAT(Fields(e), ElementsAre("nip"));
}

TEST(EmployeeViolations, Name) {
  Employee e = ValidPns();
  e.name = "  Budi";
  EXPECT_THAT(Fields(e), ElementsAre("name"));
  e.name = "";
  EXPECT_EQ(ValidateEmployee(e).message(), "name: must not be empty");
}

TEST(EmployeeViolations, RankMatchesKind) {
  Employee e = ValidPns();
  e.rank = PppkGrade::Parse("IX").value();
  EXPECT_THAT(
      EmployeeViolations(e),
      ElementsAre(FieldViolation{"rank", "a PNS has a golongan (I/a..IV/e), not a PPPK grade"}));
  Employee p = ValidPppk();
  p.rank = Golongan::Parse("31").value();
  EXPECT_THAT(EmployeeViolations(p),
              ElementsAre(FieldViolation{"rank", "a PPPK has a grade (I..XVII), not a golongan"}));
  p.rank = std::monostate{};
  EXPECT_THAT(EmployeeViolations(p), ElementsAre(FieldViolation{"rank", "is required"}));
}

TEST(EmployeeViolations, OnlyPnsCanBeCandidates) {
  Employee p = ValidPppk();
  p.candidate = true;
  EXPECT_THAT(EmployeeViolations(p),
              ElementsAre(FieldViolation{"candidate", "only a PNS can be a candidate (CPNS)"}));
}

TEST(EmployeeViolations, ReferencesDependOnStatus) {
  Employee e = ValidPns();
  e.position_id.clear();
  e.unit_id.clear();
  EXPECT_THAT(Fields(e), ElementsAre("position_id", "unit_id"));
  e.status = EmployeeStatus::kOnLeave;
  EXPECT_THAT(Fields(e), ElementsAre("position_id", "unit_id"));
  e.status = EmployeeStatus::kRetired;
  EXPECT_THAT(Fields(e), IsEmpty());
  e.agency_id.clear();
  EXPECT_THAT(Fields(e), ElementsAre("agency_id"));
}

TEST(EmployeeViolations, IdShapes) {
  Employee e = ValidPns();
  e.unit_id = std::string(kMaxIdLength + 1, 'u');
  e.agency_id = "agency 1";
  e.id = "emp\x01";
  e.siasn_id = "A8ACA7D1-1B2C-4D5E-9F00-0123456789AB";
  EXPECT_THAT(EmployeeViolations(e),
              ElementsAre(FieldViolation{"unit_id", "is longer than 64"},
                          FieldViolation{"agency_id", "must be printable ASCII without spaces"},
                          FieldViolation{"id", "must be printable ASCII without spaces"}));
}

TEST(ValidateEmployee, ListsAllViolationsStartingWithTheFirst) {
  Employee e = ValidPns();
  e.name = "";
  e.rank = std::monostate{};
  auto status = ValidateEmployee(e);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "name: must not be empty; rank: is required");
}

TEST(EmployeeEnums, StableNames) {
  const EmployeeStatus all[] = {EmployeeStatus::kActive,        EmployeeStatus::kOnLeave,
                                EmployeeStatus::kSuspended,     EmployeeStatus::kRetired,
                                EmployeeStatus::kDeceased,      EmployeeStatus::kDismissed,
                                EmployeeStatus::kTransferredOut};
  for (EmployeeStatus s : all) EXPECT_EQ(ParseEmployeeStatus(EmployeeStatusName(s)).value(), s);
  EXPECT_EQ(EmployeeStatusName(EmployeeStatus::kTransferredOut), "TRANSFERRED_OUT");
  EXPECT_EQ(EmployeeStatusName(EmployeeStatus::kOnLeave), "ON_LEAVE");
  EXPECT_FALSE(ParseEmployeeStatus("active").ok());
  EXPECT_EQ(ParseEmployeeKind("PPPK").value(), EmployeeKind::kPppk);
  EXPECT_EQ(ParseEmployeeKind("PNS").value(), EmployeeKind::kPns);
  EXPECT_EQ(EmployeeKindName(EmployeeKind::kPppk), "PPPK");
  EXPECT_FALSE(ParseEmployeeKind("CPNS").ok());
  EXPECT_TRUE(IsInService(EmployeeStatus::kActive));
  EXPECT_TRUE(IsInService(EmployeeStatus::kOnLeave));
  EXPECT_TRUE(IsInService(EmployeeStatus::kSuspended));
  EXPECT_FALSE(IsInService(EmployeeStatus::kRetired));
  EXPECT_FALSE(IsInService(EmployeeStatus::kDeceased));
  EXPECT_FALSE(IsInService(EmployeeStatus::kDismissed));
  EXPECT_FALSE(IsInService(EmployeeStatus::kTransferredOut));
}

// --- First appointment (TMT CPNS) against the id ----------------------------------------

std::vector<std::string> AppointmentFields(const Employee& e, absl::CivilDay day,
                                           std::optional<absl::CivilDay> today = std::nullopt) {
  NipOptions options;
  options.not_after = today;
  std::vector<std::string> fields;
  for (const FieldViolation& v : AppointmentViolations(e, day, options)) {
    fields.push_back(v.field);
  }
  return fields;
}

TEST(AppointmentViolations, PnsYearAndMonthMustBeTheNipsDigits9To14) {
  const Employee e = ValidPns();  // NIP appointment 2015-05
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2015, 5, 1)), IsEmpty());
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2015, 5, 31)), IsEmpty());  // month's last day
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2015, 4, 30)), ElementsAre("appointment_date"));
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2015, 6, 1)), ElementsAre("appointment_date"));
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2016, 5, 1)), ElementsAre("appointment_date"));
  EXPECT_THAT(AppointmentViolations(e, absl::CivilDay(2015, 6, 1)),
              ElementsAre(FieldViolation{"appointment_date",
                                         "2015-06-01 disagrees with the NIP: its first "
                                         "appointment (TMT CPNS, positions 9-14) is 2015-05"}));
}

TEST(AppointmentViolations, PppkYearOnly) {
  const Employee e = ValidPppk();  // NI PPPK appointment year 2021, digits 13-14 = "13"
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2021, 1, 1)), IsEmpty());
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2021, 12, 31)), IsEmpty());
  EXPECT_THAT(AppointmentViolations(e, absl::CivilDay(2022, 1, 1)),
              ElementsAre(FieldViolation{"appointment_date",
                                         "2022-01-01 disagrees with the NI PPPK: its "
                                         "appointment year (positions 9-12) is 2021"}));
}

TEST(AppointmentViolations, AMonthAfterTodaysIsRefused) {
  Employee e = ValidPns();
  e.nip = "198609262024031001";  // appointed 2024-03
  // Today 2024-03-01: this month is fine, whatever the day.
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2024, 3, 1), absl::CivilDay(2024, 3, 1)),
              IsEmpty());
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2024, 3, 31), absl::CivilDay(2024, 3, 1)),
              IsEmpty());
  // Today 2024-02-29 (leap day): next month is refused.
  EXPECT_THAT(
      AppointmentViolations(e, absl::CivilDay(2024, 3, 1),
                            NipOptions{.not_after = absl::CivilDay(2024, 2, 29)}),
      ElementsAre(FieldViolation{"appointment_date", "2024-03-01 is in a month after 2024-02-29"}));
  // And so is the id's own month, on "nip".
  NipOptions today{.not_after = absl::CivilDay(2024, 2, 29)};
  EXPECT_THAT(EmployeeViolations(e, today),
              ElementsAre(FieldViolation{"nip",
                                         "first appointment 202403 is after 2024-02-29 "
                                         "(positions 9-14)"}));
  today.not_after = absl::CivilDay(2024, 3, 1);
  EXPECT_THAT(EmployeeViolations(e, today), IsEmpty());
}

TEST(AppointmentViolations, BirthOnTheLeapDay) {
  Employee e = ValidPns();
  e.nip = "198802292012011001";
  e.birth_date = absl::CivilDay(1988, 2, 29);
  EXPECT_THAT(EmployeeViolations(e), IsEmpty());
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2012, 1, 1)), IsEmpty());
  e.birth_date = absl::CivilDay(1988, 3, 1);
  EXPECT_THAT(Fields(e), ElementsAre("birth_date"));
  // An invalid id is reported on "nip" only, never against the appointment.
  e.nip = "198702292012011001";  // 1987 has no 29 February
  EXPECT_THAT(Fields(e), ElementsAre("nip"));
  EXPECT_THAT(AppointmentFields(e, absl::CivilDay(2013, 1, 1)), IsEmpty());
}

}  // namespace
}  // namespace kinerja::employee
