// Development needs (DOMAIN.md "Follow-up": training based on results): the BerAKHLAK core
// values rated below expectation, each as a training theme. A value counts for an employee when
//  - the assessor rated it below expectation (3) in a finalised annual assessment of the year, or
//  - a released 360 summary of one of the employee's plans of the year has more raters placing
//    them below than above expectation for it (Peer360Below).
// The themes are suggestions in Indonesian for HR offices (DOMAIN.md: Indonesian terms in
// user-facing labels); the table is in development.cc.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kinerja::analytics {

// The 7 core values in their official order (index 0 = Berorientasi Pelayanan); the same order
// as the review contract's CoreValue (value = index + 1) and the read model's 360 arrays.
inline constexpr int kCoreValues = 7;

struct CoreValueTheme {
  std::string_view name;   // the stable name in the read model, e.g. "SERVICE_ORIENTED"
  std::string_view label;  // the Indonesian name, e.g. "Berorientasi Pelayanan"
  std::string_view theme;  // the training theme, e.g. "Pelayanan publik prima"
};

// Index 0..6 in official order.
const std::array<CoreValueTheme, kCoreValues>& CoreValueThemes();

// The index (0..6) of a stable name ("SERVICE_ORIENTED", also with the "CORE_VALUE_" prefix);
// nullopt for other names.
std::optional<int> CoreValueIndex(std::string_view name);

// 360 raters place the employee below expectation for a value: more "below" than "above".
bool Peer360Below(int below, int above);

// employees per 100 assessed employees (0 when none were assessed).
double SharePercent(int64_t employees, int64_t assessed);

}  // namespace kinerja::analytics
