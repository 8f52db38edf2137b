// Reading rows: the SELECT expressions that return dates as days since 1970-01-01 and times as
// microseconds since the epoch (plain integers, cheaper to decode than text), and the decoders
// of those and other fields, shared by the services' column lists and *FromRow functions.
//
//   QualifyColumns("e", absl::StrCat("$.id, ", MicrosColumn("create_time")))
//     -> "e.id, (extract(epoch FROM e.create_time) * 1000000)::bigint"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <pqxx/pqxx>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace kinerja::db {

// --- SELECT expressions ("$." stands for the table alias) --------------------------------------

// "alias.a, alias.b, ..." from "$.a, $.b, ..." (no alias when empty).
std::string QualifyColumns(std::string_view alias, std::string_view columns);
// A timestamptz column as microseconds since the epoch (bigint); decode with TimeFromField.
std::string MicrosColumn(std::string_view column);
// A date column as days since 1970-01-01; decode with DayFromField.
std::string DaysColumn(std::string_view column);

// --- Decoders -------------------------------------------------------------------------------

absl::CivilDay DayFromField(const pqxx::field& field);
std::optional<absl::CivilDay> OptionalDayFromField(const pqxx::field& field);  // NULL -> nullopt
absl::Time TimeFromField(const pqxx::field& field);
std::optional<absl::Time> OptionalTimeFromField(const pqxx::field& field);  // NULL -> nullopt
// "" for NULL.
std::string TextOrEmpty(const pqxx::field& field);
// The field's text without a copy; valid while the result set lives.
std::string_view FieldView(const pqxx::field& field);

// Values read back from CHECK-constrained columns always parse; the fallback only guards
// against a schema drift turning into undefined behaviour.
template <typename T>
T OrDefault(absl::StatusOr<T> parsed, T fallback) {
  return parsed.ok() ? *std::move(parsed) : fallback;
}

}  // namespace kinerja::db
