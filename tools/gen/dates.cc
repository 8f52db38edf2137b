#include "tools/gen/dates.h"

#include <algorithm>

namespace kinerja::gen {
namespace {

// Writes `value` as exactly `width` decimal digits, zero-padded.
void WriteDigits(int value, int width, char* out) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

std::optional<int> ReadDigits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<Date> MakeDate(std::optional<int> y, std::optional<int> m, std::optional<int> d) {
  if (!y || !m || !d || !IsValidDate(*y, *m, *d)) return std::nullopt;
  return Date{*y, *m, *d};
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

// Howard Hinnant's days_from_civil / civil_from_days.
int32_t ToDays(const Date& date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (date.month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + date.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date FromDays(int32_t days) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return Date{yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

Date AddMonths(const Date& date, int months) {
  const int index = MonthIndex(date) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  return Date{year, month, std::min(date.day, DaysInMonth(year, month))};
}

Date AddYears(const Date& date, int years) { return AddMonths(date, years * 12); }

void AppendDdMmYyyy(const Date& date, std::string* out) {
  char text[10];
  WriteDigits(date.day, 2, text);
  text[2] = '-';
  WriteDigits(date.month, 2, text + 3);
  text[5] = '-';
  WriteDigits(date.year, 4, text + 6);
  out->append(text, sizeof(text));
}

void WriteYyyyMmDd(const Date& date, char* out) {
  WriteDigits(date.year, 4, out);
  WriteDigits(date.month, 2, out + 4);
  WriteDigits(date.day, 2, out + 6);
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return MakeDate(ReadDigits(text.substr(0, 4)), ReadDigits(text.substr(5, 2)),
                  ReadDigits(text.substr(8, 2)));
}

std::optional<Date> ParseDdMmYyyy(std::string_view text) {
  if (text.size() != 10 || text[2] != '-' || text[5] != '-') return std::nullopt;
  return MakeDate(ReadDigits(text.substr(6, 4)), ReadDigits(text.substr(3, 2)),
                  ReadDigits(text.substr(0, 2)));
}

}  // namespace kinerja::gen
