// Internal to the store: column lists, row decoding, SQL value encoding, and the read / write
// transaction wrappers shared by the *_store.cc files. Not for the API layer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <google/protobuf/message.h>
#include <pqxx/pqxx>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/event_payloads.h"
#include "shared/db/audit.h"
#include "shared/db/idempotency.h"
#include "shared/db/pool.h"
#include "shared/db/row_decode.h"
#include "shared/db/run.h"
#include "shared/db/sql_values.h"
#include "shared/db/transaction.h"
#include "shared/db/version_check.h"
#include "shared/errors/errors.h"
#include "shared/events/outbox_writer.h"

namespace kinerja::employee::store::internal {

// --- SQL values ---------------------------------------------------------------------------------

// Dates as "YYYY-MM-DD" parameters, "" as NULL (shared/db/sql_values.h); SELECTs return dates as
// days since 1970-01-01 and times as microseconds since the epoch (shared/db/row_decode.h).
using db::DayFromField;
using db::DayText;
using db::NullIfEmpty;
using db::OptionalDayFromField;
using db::TextOrEmpty;
using db::TimeFromField;
std::optional<int> EselonParam(const std::optional<Eselon>& eselon);

// Stable rank label ("III/a", "IX") as stored; nullopt for std::monostate.
std::optional<std::string> RankParam(const Rank& rank);
// Inverse of RankParam for the given kind; monostate for NULL.
Rank RankFromLabel(EmployeeKind kind, const pqxx::field& field);

std::string_view ActingKindName(Official::Acting acting);  // "PLT" / "PLH"
Official::Acting ActingKindFromName(std::string_view name);

// --- Column lists and decoders
// -------------------------------------------------------------------- Each SELECT of a resource
// lists exactly these columns first (qualified by the alias given).

std::string AgencyColumns(std::string_view alias);
Agency AgencyFromRow(const pqxx::row& row);
std::string OrgUnitColumns(std::string_view alias);
OrgUnit OrgUnitFromRow(const pqxx::row& row);
std::string PositionColumns(std::string_view alias);
Position PositionFromRow(const pqxx::row& row);
// Employee decoding is hot (GetEmployee, lists): offsets are fixed.
std::string EmployeeColumns(std::string_view alias);
inline constexpr int kEmployeeColumnCount = 18;
EmployeeRecord EmployeeFromRow(const pqxx::row& row, int offset = 0);
std::string AssignmentColumns(std::string_view alias);
AssignmentRecord AssignmentFromRow(const pqxx::row& row);
std::string ActingColumns(std::string_view alias);
ActingOfficial ActingFromRow(const pqxx::row& row);

// --- Errors -------------------------------------------------------------------------------------

using db::CheckVersion;  // shared/db/version_check.h
// FAILED_PRECONDITION with reason REFERENCE_NOT_FOUND.
absl::Status ReferenceNotFound(std::string_view field, std::string_view what, std::string_view id);

// --- Events and audit
// ------------------------------------------------------------------------------

// Event type names (outbox.type) and aggregate types.
inline constexpr char kAgencyChanged[] = "AgencyChanged";
inline constexpr char kOrgUnitChanged[] = "OrgUnitChanged";
inline constexpr char kPositionChanged[] = "PositionChanged";
inline constexpr char kEmployeeCreated[] = "EmployeeCreated";
inline constexpr char kEmployeeUpdated[] = "EmployeeUpdated";
inline constexpr char kEmployeeTransferred[] = "EmployeeTransferred";
inline constexpr char kActingOfficialAssigned[] = "ActingOfficialAssigned";

using events::Emit;  // shared/events/outbox_writer.h
// before/after: JSON text (to_jsonb(row)::text) or nullopt.
using db::Audit;  // shared/db/audit.h

// --- Transactions -------------------------------------------------------------------------------

using db::RunRead;  // shared/db/run.h

// Runs a mutating `fn(pqxx::work&) -> StatusOr<Record>` in one transaction, honouring the
// optional idempotency key: a replay returns the first answer (stored as the resource proto,
// read back by this store's FromProto).
template <typename Record, typename Fn>
absl::StatusOr<Record> RunWrite(db::Pool& pool, const WriteOptions& write, Fn&& fn) {
  return db::RunProtoWrite<Record>(pool, write, std::forward<Fn>(fn),
                                   [](const auto& proto) { return FromProto(proto); });
}

}  // namespace kinerja::employee::store::internal
