#include "services/employee/domain/nip.h"

#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/employee/domain/civil_date.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

absl::Status Invalid(std::string_view field, std::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat(ToAbsl(field), ": ", ToAbsl(reason)));
}

absl::Status CheckShape(std::string_view field, std::string_view text) {
  if (text.size() != 18) {
    return Invalid(field, absl::StrCat("must be 18 digits, got ", text.size(), " characters"));
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return Invalid(field, absl::StrCat("character '", absl::CHexEscape(ToAbsl(text.substr(i, 1))),
                                         "' at position ", i + 1, " is not a digit"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<absl::CivilDay> BirthDate(std::string_view field, std::string_view text) {
  auto day = ParseCompactDay(text.substr(0, 8));
  if (!day) {
    return Invalid(field, absl::StrCat("birth date ", ToAbsl(text.substr(0, 8)),
                                       " is not a real date (positions 1-8)"));
  }
  return *day;
}

absl::Status CheckAppointmentYear(std::string_view field, int64_t year, const NipOptions& options) {
  if (year < options.min_appointment_year) {
    return Invalid(field, absl::StrCat("appointment year ", year, " is before ",
                                       options.min_appointment_year, " (positions 9-12)"));
  }
  return absl::OkStatus();
}

absl::Status CheckAge(std::string_view field, int64_t age, std::string_view appointment,
                      std::string_view positions, const NipOptions& options) {
  if (age < 0) {
    return Invalid(field, absl::StrCat("birth date is after the appointment ", ToAbsl(appointment),
                                       " (positions 1-8, ", ToAbsl(positions), ")"));
  }
  if (age < options.min_age_at_appointment || age > options.max_age_at_appointment) {
    return Invalid(
        field, absl::StrCat("age ", age, " at appointment ", ToAbsl(appointment), " is outside ",
                            options.min_age_at_appointment, "..", options.max_age_at_appointment,
                            " (positions 1-8, ", ToAbsl(positions), ")"));
  }
  return absl::OkStatus();
}

absl::StatusOr<Sex> SexDigit(std::string_view field, char digit) {
  if (digit == '1') return Sex::kMale;
  if (digit == '2') return Sex::kFemale;
  return Invalid(field, absl::StrCat("sex digit ", std::string(1, digit),
                                     " is neither 1 (male) nor 2 (female) (position 15)"));
}

absl::StatusOr<int> Serial(std::string_view field, std::string_view text) {
  int serial = static_cast<int>(*DigitsValue(text.substr(15, 3)));
  if (serial == 0) {
    return Invalid(field, "serial 000 is not in 001..999 (positions 16-18)");
  }
  return serial;
}

absl::StatusOr<absl::CivilMonth> FirstAppointment(std::string_view text,
                                                  const NipOptions& options) {
  int64_t year = *DigitsValue(text.substr(8, 4));
  int month = static_cast<int>(*DigitsValue(text.substr(12, 2)));
  if (month < 1 || month > 12) {
    return Invalid("nip", absl::StrCat("first appointment ", ToAbsl(text.substr(8, 6)),
                                       " has no real month (positions 9-14)"));
  }
  if (auto s = CheckAppointmentYear("nip", year, options); !s.ok()) return s;
  absl::CivilMonth appointment(year, month);
  if (options.not_after && appointment > absl::CivilMonth(*options.not_after)) {
    return Invalid("nip",
                   absl::StrCat("first appointment ", ToAbsl(text.substr(8, 6)), " is after ",
                                absl::FormatCivilTime(*options.not_after), " (positions 9-14)"));
  }
  return appointment;
}

}  // namespace

absl::StatusOr<NipInfo> ParseNip(std::string_view text, const NipOptions& options) {
  constexpr std::string_view kField = "nip";
  if (auto s = CheckShape(kField, text); !s.ok()) return s;
  auto birth = BirthDate(kField, text);
  if (!birth.ok()) return birth.status();
  auto appointment = FirstAppointment(text, options);
  if (!appointment.ok()) return appointment.status();
  int64_t age = FullYearsBetween(*birth, absl::CivilDay(*appointment));
  if (auto s = CheckAge(kField, age, text.substr(8, 6), "9-14", options); !s.ok()) return s;
  auto sex = SexDigit(kField, text[14]);
  if (!sex.ok()) return sex.status();
  auto serial = Serial(kField, text);
  if (!serial.ok()) return serial.status();
  return NipInfo{*birth, *appointment, *sex, *serial};
}

absl::StatusOr<NiPppkInfo> ParseNiPppk(std::string_view text, const NipOptions& options) {
  constexpr std::string_view kField = "ni_pppk";
  if (auto s = CheckShape(kField, text); !s.ok()) return s;
  auto birth = BirthDate(kField, text);
  if (!birth.ok()) return birth.status();
  int64_t year = *DigitsValue(text.substr(8, 4));
  if (auto s = CheckAppointmentYear(kField, year, options); !s.ok()) return s;
  if (options.not_after && year > options.not_after->year()) {
    return Invalid(kField,
                   absl::StrCat("appointment year ", year, " is after ",
                                absl::FormatCivilTime(*options.not_after), " (positions 9-12)"));
  }
  // Age reached during the appointment year: the id carries no month.
  int64_t age = year - birth->year();
  if (auto s = CheckAge(kField, age, text.substr(8, 4), "9-12", options); !s.ok()) return s;
  auto sex = SexDigit(kField, text[14]);
  if (!sex.ok()) return sex.status();
  auto serial = Serial(kField, text);
  if (!serial.ok()) return serial.status();
  int digits_13_14 = static_cast<int>(*DigitsValue(text.substr(12, 2)));
  return NiPppkInfo{*birth, absl::CivilYear(year), digits_13_14, *sex, *serial};
}

}  // namespace kinerja::employee
