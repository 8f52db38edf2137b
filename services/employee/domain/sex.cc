#include "services/employee/domain/sex.h"

#include "absl/strings/str_cat.h"
#include "shared/text/text.h"

namespace kinerja::employee {

std::string_view SexName(Sex sex) { return sex == Sex::kMale ? "MALE" : "FEMALE"; }

absl::StatusOr<Sex> ParseSexName(std::string_view name) {
  if (name == "MALE") return Sex::kMale;
  if (name == "FEMALE") return Sex::kFemale;
  return absl::InvalidArgumentError(
      absl::StrCat("sex: '", ToAbsl(name), "' is not MALE or FEMALE"));
}

}  // namespace kinerja::employee
