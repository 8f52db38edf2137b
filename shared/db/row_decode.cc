#include "shared/db/row_decode.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "shared/text/text.h"

namespace kinerja::db {
std::string QualifyColumns(std::string_view alias, std::string_view columns) {
  return absl::StrReplaceAll(ToAbsl(columns),
                             {{"$.", alias.empty() ? "" : absl::StrCat(ToAbsl(alias), ".")}});
}

std::string MicrosColumn(std::string_view column) {
  return absl::StrCat("(extract(epoch FROM $.", ToAbsl(column), ") * 1000000)::bigint");
}

std::string DaysColumn(std::string_view column) {
  return absl::StrCat("($.", ToAbsl(column), " - DATE '1970-01-01')");
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
