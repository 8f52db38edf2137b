#include "services/analytics/domain/scope.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::analytics {
namespace {

constexpr size_t kMaxPositionTypeLength = 64;

bool IsUpperSnake(std::string_view name) {
  if (name.empty() || name.size() > kMaxPositionTypeLength) return false;
  if (name[0] < 'A' || name[0] > 'Z') return false;
  for (char c : name) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string YearProblem(int year) {
  return absl::StrCat("must be a year from ", kMinYear, " to ", kMaxYear, ", got ", year);
}

}  // namespace

absl::Status ValidateYear(int year, std::string_view field) {
  if (year < kMinYear || year > kMaxYear)
    return errors::InvalidField(ToAbsl(field), YearProblem(year));
  return absl::OkStatus();
}

absl::Status ValidateScope(const RequestedScope& scope, bool year_required,
                           std::string_view prefix) {
  std::vector<errors::FieldViolation> violations;
  const std::string p(prefix);
  if (scope.year == 0) {
    if (year_required && scope.period_id.empty()) {
      violations.push_back({p + "year", "is required (or name a period_id)"});
    }
  } else if (scope.year < kMinYear || scope.year > kMaxYear) {
    violations.push_back({p + "year", YearProblem(scope.year)});
  }
  if (!scope.position_type.empty() && !IsUpperSnake(scope.position_type)) {
    violations.push_back(
        {p + "position_type",
         absl::StrCat("must be a position type name such as \"PELAKSANA\" (A-Z, 0-9 and _, at "
                      "most ",
                      kMaxPositionTypeLength, " characters), got \"", scope.position_type, "\"")});
  }
  if (!violations.empty()) return errors::InvalidFields(violations);
  return absl::OkStatus();
}

}  // namespace kinerja::analytics
