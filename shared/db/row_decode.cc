#include "shared/db/row_decode.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"

namespace kinerja::db {
namespace {

// absl::string_view bridge (Debian's Abseil has its own string_view).
absl::string_view Absl(std::string_view s) { return absl::string_view(s.data(), s.size()); }

}  // namespace

std::string QualifyColumns(std::string_view alias, std::string_view columns) {
  return absl::StrReplaceAll(Absl(columns),
                             {{"$.", alias.empty() ? "" : absl::StrCat(Absl(alias), ".")}});
}

std::string MicrosColumn(std::string_view column) {
  return absl::StrCat("(extract(epoch FROM $.", Absl(column), ") * 1000000)::bigint");
}

std::string DaysColumn(std::string_view column) {
  return absl::StrCat("($.", Absl(column), " - DATE '1970-01-01')");
}

absl::CivilDay DayFromField(const pqxx::field& field) {
  return absl::CivilDay(1970, 1, 1) + field.as<int64_t>();
}

std::optional<absl::CivilDay> OptionalDayFromField(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return DayFromField(field);
}

absl::Time TimeFromField(const pqxx::field& field) {
  return absl::FromUnixMicros(field.as<int64_t>());
}

std::optional<absl::Time> OptionalTimeFromField(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return TimeFromField(field);
}

std::string TextOrEmpty(const pqxx::field& field) {
  if (field.is_null()) return std::string();
  return std::string(field.c_str(), field.size());
}

std::string_view FieldView(const pqxx::field& field) {
  return std::string_view(field.c_str(), field.size());
}

}  // namespace kinerja::db
