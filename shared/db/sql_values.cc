#include "shared/db/sql_values.h"

namespace kinerja::db {

std::string DayText(absl::CivilDay day) { return absl::FormatCivilTime(day); }

std::optional<std::string> DayText(const std::optional<absl::CivilDay>& day) {
  if (!day) return std::nullopt;
  return DayText(*day);
}

std::optional<std::string> NullIfEmpty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace kinerja::db
