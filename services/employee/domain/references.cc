#include "services/employee/domain/references.h"

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::employee {

absl::Status ReferenceNotFound(std::string_view field, std::string_view what, std::string_view id) {
  return errors::RuleViolation(
      "REFERENCE_NOT_FOUND",
      absl::StrCat(ToAbsl(field), ": ", ToAbsl(what), " ", ToAbsl(id), " does not exist"));
}

}  // namespace kinerja::employee
