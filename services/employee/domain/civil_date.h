// Calendar helpers for dates written as digits. absl::CivilDay silently normalises impossible
// dates (2023-02-30 becomes 2023-03-02), so everything here checks the round trip instead.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/time/civil_time.h"

namespace kinerja::employee {

// Value of a run of 1..18 ASCII digits; nullopt for anything else (sign, space, empty).
std::optional<int64_t> DigitsValue(std::string_view digits);

// The day if (year, month, day) names a real calendar date with a year in 1..9999.
std::optional<absl::CivilDay> RealDay(int64_t year, int month, int day);

// "YYYYMMDD": exactly 8 digits naming a real date.
std::optional<absl::CivilDay> ParseCompactDay(std::string_view text);

// "dd-mm-yyyy" (SIASN's usual form) or "yyyy-mm-dd", two-digit day and month, real date.
std::optional<absl::CivilDay> ParseDmyOrIsoDay(std::string_view text);

// Completed years from `birth` to `on` (the age on day `on`); -1 when `on` is before `birth`.
// A 29 February birthday completes a year on 1 March in common years.
int64_t FullYearsBetween(absl::CivilDay birth, absl::CivilDay on);

}  // namespace kinerja::employee
