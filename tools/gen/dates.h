#ifndef KINERJA_TOOLS_GEN_DATES_H_
#define KINERJA_TOOLS_GEN_DATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kinerja::gen {

// A proleptic Gregorian calendar day. Plain value type; the generator only needs day counts,
// month steps and two text forms, so it does not pull in a time library.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);

// Days since 1970-01-01 and back.
int32_t ToDays(const Date& date);
Date FromDays(int32_t days);

// Adds whole months, clamping the day to the target month's length (31 Jan + 1 = 28/29 Feb).
Date AddMonths(const Date& date, int months);
Date AddYears(const Date& date, int years);
// Month index (year * 12 + month - 1), handy for month arithmetic and comparisons.
inline int MonthIndex(const Date& date) { return date.year * 12 + date.month - 1; }

// "dd-mm-yyyy" (SIASN's date form) appended to `out`.
void AppendDdMmYyyy(const Date& date, std::string* out);
// "yyyymmdd" written to the 8 chars at `out` (NIP birth-date part).
void WriteYyyyMmDd(const Date& date, char* out);

// Parses "yyyy-mm-dd" (flags) or "dd-mm-yyyy" (records); nullopt unless a real date.
std::optional<Date> ParseIsoDate(std::string_view text);
std::optional<Date> ParseDdMmYyyy(std::string_view text);

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_DATES_H_
