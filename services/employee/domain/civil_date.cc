#include "services/employee/domain/civil_date.h"

namespace kinerja::employee {

std::optional<int64_t> DigitsValue(std::string_view digits) {
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<absl::CivilDay> RealDay(int64_t year, int month, int day) {
  if (year < 1 || year > 9999) return std::nullopt;
  absl::CivilDay result(year, month, day);
  if (result.year() != year || result.month() != month || result.day() != day) {
    return std::nullopt;
  }
  return result;
}

std::optional<absl::CivilDay> ParseCompactDay(std::string_view text) {
  if (text.size() != 8) return std::nullopt;
  auto year = DigitsValue(text.substr(0, 4));
  auto month = DigitsValue(text.substr(4, 2));
  auto day = DigitsValue(text.substr(6, 2));
  if (!year || !month || !day) return std::nullopt;
  return RealDay(*year, static_cast<int>(*month), static_cast<int>(*day));
}

std::optional<absl::CivilDay> ParseDmyOrIsoDay(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  std::string_view year_text, month_text, day_text;
  if (text[2] == '-' && text[5] == '-') {  // dd-mm-yyyy
    day_text = text.substr(0, 2);
    month_text = text.substr(3, 2);
    year_text = text.substr(6, 4);
  } else if (text[4] == '-' && text[7] == '-') {  // yyyy-mm-dd
    year_text = text.substr(0, 4);
    month_text = text.substr(5, 2);
    day_text = text.substr(8, 2);
  } else {
    return std::nullopt;
  }
  auto year = DigitsValue(year_text);
  auto month = DigitsValue(month_text);
  auto day = DigitsValue(day_text);
  if (!year || !month || !day) return std::nullopt;
  return RealDay(*year, static_cast<int>(*month), static_cast<int>(*day));
}

int64_t FullYearsBetween(absl::CivilDay birth, absl::CivilDay on) {
  if (on < birth) return -1;
  int64_t years = on.year() - birth.year();
  bool before_birthday =
      on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day());
  return before_birthday ? years - 1 : years;
}

}  // namespace kinerja::employee
