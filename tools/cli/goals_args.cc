#include "tools/cli/goals_args.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::goals::v1;

absl::Status Invalid(std::string message) { return absl::InvalidArgumentError(std::move(message)); }

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string Trim(std::string_view text) {
  const char* kSpace = " \t\r\n";
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return "";
  size_t last = text.find_last_not_of(kSpace);
  return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t at = text.find(separator); at != std::string_view::npos;
       at = text.find(separator, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

// A whole string that is a finite decimal number.
bool ParseNumber(std::string_view text, double* out) {
  std::string copy = Trim(text);
  if (copy.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && std::isfinite(*out);
}

}  // namespace

absl::StatusOr<v1::Cadence> ParseCadence(std::string_view text) {
  if (text == "monthly") return v1::CADENCE_MONTHLY;
  if (text == "quarterly") return v1::CADENCE_QUARTERLY;
  return Invalid("--cadence must be monthly or quarterly (got " + Quoted(text) + ")");
}

absl::StatusOr<v1::Perspective> ParsePerspective(std::string_view text) {
  if (text == "service-recipients") return v1::PERSPECTIVE_SERVICE_RECIPIENTS;
  if (text == "business-process") return v1::PERSPECTIVE_BUSINESS_PROCESS;
  if (text == "internal-strengthening") return v1::PERSPECTIVE_INTERNAL_STRENGTHENING;
  if (text == "budget") return v1::PERSPECTIVE_BUDGET;
  return Invalid(
      "--perspective must be service-recipients, business-process, internal-strengthening or "
      "budget (got " +
      Quoted(text) + ")");
}

absl::StatusOr<v1::Aspect> ParseAspect(std::string_view text) {
  if (text == "quantity") return v1::ASPECT_QUANTITY;
  if (text == "quality") return v1::ASPECT_QUALITY;
  if (text == "time") return v1::ASPECT_TIME;
  if (text == "cost") return v1::ASPECT_COST;
  return Invalid("aspect must be quantity, quality, time or cost (got " + Quoted(text) + ")");
}

absl::StatusOr<v1::Indicator> ParseIndicator(std::string_view text) {
  const std::string where = "--indicator " + Quoted(text) + ": ";
  std::vector<std::string_view> parts = Split(text, ';');
  if (parts.size() != 5) {
    return Invalid(where + "expected TEXT;ASPECT;MIN;MAX;UNIT (5 fields separated by ';', got " +
                   std::to_string(parts.size()) + ")");
  }
  v1::Indicator indicator;
  indicator.set_text(Trim(parts[0]));
  if (indicator.text().empty()) return Invalid(where + "TEXT must not be empty");
  absl::StatusOr<v1::Aspect> aspect = ParseAspect(Trim(parts[1]));
  if (!aspect.ok()) return Invalid(where + std::string(aspect.status().message()));
  indicator.set_aspect(*aspect);
  double min = 0, max = 0;
  if (!ParseNumber(parts[2], &min)) return Invalid(where + "MIN must be a number");
  if (!ParseNumber(parts[3], &max)) return Invalid(where + "MAX must be a number");
  if (max < min) return Invalid(where + "MAX must not be less than MIN");
  indicator.set_target_min(min);
  indicator.set_target_max(max);
  indicator.set_target_unit(Trim(parts[4]));
  if (indicator.target_unit().empty()) return Invalid(where + "UNIT must not be empty");
  return indicator;
}

google::type::Date DateOf(absl::CivilDay day) {
  google::type::Date date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

}  // namespace kinerja::cli
