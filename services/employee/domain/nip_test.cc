#include "services/employee/domain/nip.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace kinerja::employee {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kExample[] = "198609262015051001";  // DOMAIN.md

std::string NipError(std::string_view text, const NipOptions& options = {}) {
  auto result = ParseNip(text, options);
  EXPECT_FALSE(result.ok()) << text;
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(result.status().message());
}

std::string NiError(std::string_view text, const NipOptions& options = {}) {
  auto result = ParseNiPppk(text, options);
  EXPECT_FALSE(result.ok()) << text;
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(result.status().message());
}

TEST(ParseNip, DomainExample) {
  auto nip = ParseNip(kExample);
  ASSERT_TRUE(nip.ok()) << nip.status();
  EXPECT_EQ(nip->birth_date, absl::CivilDay(1986, 9, 26));
  EXPECT_EQ(nip->first_appointment, absl::CivilMonth(2015, 5));
  EXPECT_EQ(nip->sex, Sex::kMale);
  EXPECT_EQ(nip->serial, 1);
}

TEST(ParseNip, FemaleAndHighSerial) {
  auto nip = ParseNip("199002292019022999");
  ASSERT_FALSE(nip.ok());  // 1990 is not a leap year
  nip = ParseNip("199202292019022999");
  ASSERT_TRUE(nip.ok()) << nip.status();
  EXPECT_EQ(nip->birth_date, absl::CivilDay(1992, 2, 29));
  EXPECT_EQ(nip->sex, Sex::kFemale);
  EXPECT_EQ(nip->serial, 999);
}

TEST(ParseNip, ShapeErrors) {
  EXPECT_EQ(NipError(""), "nip: must be 18 digits, got 0 characters");
  EXPECT_EQ(NipError("19860926201505100"), "nip: must be 18 digits, got 17 characters");
  EXPECT_EQ(NipError("1986092620150510011"), "nip: must be 18 digits, got 19 characters");
  EXPECT_EQ(NipError("1986x9262015051001"), "nip: character 'x' at position 5 is not a digit");
  EXPECT_EQ(NipError("19860926 201505101"), "nip: character ' ' at position 9 is not a digit");
  EXPECT_EQ(NipError("-98609262015051001"), "nip: character '-' at position 1 is not a digit");
  EXPECT_EQ(NipError(std::string("19860926201505100\0", 18)),
            "nip: character '\\x00' at position 18 is not a digit");
  EXPECT_THAT(NipError("19860926 201505 1 001"), HasSubstr("got 21 characters"));
}

TEST(ParseNip, BirthDateMustBeReal) {
  EXPECT_EQ(NipError("198613322015051001"),
            "nip: birth date 19861332 is not a real date (positions 1-8)");
  EXPECT_EQ(NipError("198602302015051001"),
            "nip: birth date 19860230 is not a real date (positions 1-8)");
  EXPECT_EQ(NipError("198600262015051001"),
            "nip: birth date 19860026 is not a real date (positions 1-8)");
  EXPECT_EQ(NipError("198609002015051001"),
            "nip: birth date 19860900 is not a real date (positions 1-8)");
  EXPECT_EQ(NipError("000009262015051001"),
            "nip: birth date 00000926 is not a real date (positions 1-8)");
}

TEST(ParseNip, FirstAppointmentMonthMustBeReal) {
  EXPECT_EQ(NipError("198609262015131001"),
            "nip: first appointment 201513 has no real month (positions 9-14)");
  EXPECT_EQ(NipError("198609262015001001"),
            "nip: first appointment 201500 has no real month (positions 9-14)");
  EXPECT_TRUE(ParseNip("198609262015121001").ok());
  EXPECT_TRUE(ParseNip("198609262015011001").ok());
}

TEST(ParseNip, AppointmentYearBounds) {
  EXPECT_EQ(NipError("193001011949121001"),
            "nip: appointment year 1949 is before 1950 (positions 9-12)");
  EXPECT_TRUE(ParseNip("193001011950011001").ok());
  NipOptions options;
  options.not_after = absl::CivilDay(2025, 6, 30);
  EXPECT_TRUE(ParseNip("200001012025061001", options).ok());
  EXPECT_EQ(NipError("200001012025071001", options),
            "nip: first appointment 202507 is after 2025-06-30 (positions 9-14)");
}

TEST(ParseNip, BirthMustPrecedeAppointment) {
  EXPECT_EQ(NipError("201506102015051001"),
            "nip: birth date is after the appointment 201505 (positions 1-8, 9-14)");
  EXPECT_EQ(NipError("201505022015051001"),
            "nip: birth date is after the appointment 201505 (positions 1-8, 9-14)");
  NipOptions no_minimum;
  no_minimum.min_age_at_appointment = 0;
  EXPECT_TRUE(ParseNip("201505012015051001", no_minimum).ok());  // born on the first day
  EXPECT_FALSE(ParseNip("201505022015051001", no_minimum).ok());
}

TEST(ParseNip, AgeAtAppointmentBounds) {
  // Age 15 on 2001-05-01 (born 1986-04-30): accepted; born 1986-05-02 is 14: rejected.
  EXPECT_TRUE(ParseNip("198604302001051001").ok());
  EXPECT_EQ(NipError("198605022001051001"),
            "nip: age 14 at appointment 200105 is outside 15..60 (positions 1-8, 9-14)");
  // Age 60 accepted, 61 rejected.
  EXPECT_TRUE(ParseNip("195505012015051001").ok());
  EXPECT_EQ(NipError("195404302015051001"),
            "nip: age 61 at appointment 201505 is outside 15..60 (positions 1-8, 9-14)");
  NipOptions strict;
  strict.min_age_at_appointment = 18;
  strict.max_age_at_appointment = 35;
  NipOptions older;
  older.min_age_at_appointment = 30;
  EXPECT_THAT(NipError(kExample, older),
              HasSubstr("age 28 at appointment 201505 is outside 30..60"));
  EXPECT_TRUE(ParseNip(kExample, strict).ok());
}

TEST(ParseNip, SexDigit) {
  EXPECT_EQ(NipError("198609262015050001"),
            "nip: sex digit 0 is neither 1 (male) nor 2 (female) (position 15)");
  EXPECT_EQ(NipError("198609262015053001"),
            "nip: sex digit 3 is neither 1 (male) nor 2 (female) (position 15)");
  EXPECT_EQ(NipError("198609262015059001"),
            "nip: sex digit 9 is neither 1 (male) nor 2 (female) (position 15)");
}

TEST(ParseNip, Serial) {
  EXPECT_EQ(NipError("198609262015051000"), "nip: serial 000 is not in 001..999 (positions 16-18)");
  EXPECT_EQ(ParseNip("198609262015051010")->serial, 10);
  EXPECT_EQ(ParseNip("198609262015051100")->serial, 100);
}

TEST(ParseNip, ReportsTheFirstProblemInPositionOrder) {
  // Everything wrong at once: the birth date is reported first.
  EXPECT_THAT(NipError("198613322015130000"), StartsWith("nip: birth date 19861332"));
  EXPECT_THAT(NipError("198609262015130000"), StartsWith("nip: first appointment 201513"));
  EXPECT_THAT(NipError("198609262015050000"), StartsWith("nip: sex digit 0"));
}

TEST(ParseNiPppk, AcceptsAnyDigitsAtPositions13And14) {
  for (std::string middle : {"00", "13", "99", "05"}) {
    std::string ni =
        "19860926"
        "2021" +
        middle +
        "2"
        "017";
    auto info = ParseNiPppk(ni);
    ASSERT_TRUE(info.ok()) << ni << " " << info.status();
    EXPECT_EQ(info->birth_date, absl::CivilDay(1986, 9, 26));
    EXPECT_EQ(info->appointment_year, absl::CivilYear(2021));
    EXPECT_EQ(info->digits_13_14, std::stoi(middle));
    EXPECT_EQ(info->sex, Sex::kFemale);
    EXPECT_EQ(info->serial, 17);
  }
}

TEST(ParseNiPppk, Errors) {
  EXPECT_EQ(NiError("19860926202113100"), "ni_pppk: must be 18 digits, got 17 characters");
  EXPECT_EQ(NiError("19860926202a131001"), "ni_pppk: character 'a' at position 12 is not a digit");
  EXPECT_EQ(NiError("198613262021131001"),
            "ni_pppk: birth date 19861326 is not a real date (positions 1-8)");
  EXPECT_EQ(NiError("198609261949131001"),
            "ni_pppk: appointment year 1949 is before 1950 (positions 9-12)");
  EXPECT_EQ(NiError("198609261985131001"),
            "ni_pppk: birth date is after the appointment 1985 (positions 1-8, 9-12)");
  EXPECT_EQ(NiError("198609262000131001"),
            "ni_pppk: age 14 at appointment 2000 is outside 15..60 (positions 1-8, 9-12)");
  EXPECT_EQ(NiError("196001012021131001"),
            "ni_pppk: age 61 at appointment 2021 is outside 15..60 (positions 1-8, 9-12)");
  EXPECT_EQ(NiError("198609262021133001"),
            "ni_pppk: sex digit 3 is neither 1 (male) nor 2 (female) (position 15)");
  EXPECT_EQ(NiError("198609262021131000"),
            "ni_pppk: serial 000 is not in 001..999 (positions 16-18)");
  NipOptions options;
  options.not_after = absl::CivilDay(2024, 12, 31);
  EXPECT_TRUE(ParseNiPppk("198609262024131001", options).ok());
  EXPECT_EQ(NiError("198609262025131001", options),
            "ni_pppk: appointment year 2025 is after 2024-12-31 (positions 9-12)");
}

TEST(ParseNiPppk, AgeIsReachedDuringTheAppointmentYear) {
  // Born in December 2006, appointed in 2021: turns 15 during 2021.
  EXPECT_TRUE(ParseNiPppk("200612312021001001").ok());
  EXPECT_FALSE(ParseNiPppk("200701012021001001").ok());
  // Born in January 1961: turns 60 during 2021.
  EXPECT_TRUE(ParseNiPppk("196101012021001001").ok());
}

TEST(ParseNip, NiPppkWithMonthBeyond12IsNotAValidNip) {
  // The same digits are fine as NI PPPK but not as a NIP: positions 13-14 are a month there.
  EXPECT_TRUE(ParseNiPppk("198609262021131001").ok());
  EXPECT_FALSE(ParseNip("198609262021131001").ok());
}

}  // namespace
}  // namespace kinerja::employee
