// Sex (jenis kelamin) as recorded in NIP / NI PPPK position 15: 1 = male, 2 = female.
#pragma once

#include <string_view>

#include "absl/status/statusor.h"

namespace kinerja::employee {

enum class Sex {
  kMale = 1,    // laki-laki
  kFemale = 2,  // perempuan
};

// Stable names for the API and database: "MALE", "FEMALE".
std::string_view SexName(Sex sex);
// Exact stable name; InvalidArgument "sex: ..." otherwise.
absl::StatusOr<Sex> ParseSexName(std::string_view name);

}  // namespace kinerja::employee
