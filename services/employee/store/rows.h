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
#include "services/employee/convert/resources.h"
#include "services/employee/domain/references.h"
#include "services/employee/store/employee_store.h"
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
// Inverse of EselonParam; nullopt for NULL or an unknown code.
std::optional<Eselon> EselonFromField(const pqxx::field& field);

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
// 10 columns (the last: end_date).
inline constexpr int kOrgUnitColumnCount = 10;
std::string OrgUnitColumns(std::string_view alias);
OrgUnit OrgUnitFromRow(const pqxx::row& row);
std::string PositionColumns(std::string_view alias);
Position PositionFromRow(const pqxx::row& row);
// Employee decoding is hot (GetEmployee, lists): offsets are fixed.
std::string EmployeeColumns(std::string_view alias);
inline constexpr int kEmployeeColumnCount = 18;
EmployeeRecord EmployeeFromRow(const pqxx::row& row, int offset = 0);
// Assignments are read by the named query AssignmentsPage (queries/assignments.sql).
AssignmentRecord AssignmentFromRow(const pqxx::row& row);
std::string ActingColumns(std::string_view alias);
ActingOfficial ActingFromRow(const pqxx::row& row);

// --- Errors -------------------------------------------------------------------------------------

using db::CheckVersion;  // shared/db/version_check.h

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
inline constexpr char kActingOfficialChanged[] = "ActingOfficialChanged";
inline constexpr char kAssessmentDelegationChanged[] = "AssessmentDelegationChanged";
inline constexpr char kRegionalHeadChanged[] = "RegionalHeadChanged";

using events::Emit;  // shared/events/outbox_writer.h
// before/after: JSON text (to_jsonb(row)::text) or nullopt.
using db::Audit;  // shared/db/audit.h

// --- Transactions -------------------------------------------------------------------------------

using db::RunRead;  // shared/db/run.h

// Runs a mutating `fn(pqxx::work&) -> StatusOr<Record>` in one transaction, honouring the
// optional idempotency key: the answer is stored as the resource proto (convert::ToProto) and a
// replay returns it read back (convert::FromProto).
template <typename Record, typename Fn>
absl::StatusOr<Record> RunWrite(db::Pool& pool, const WriteOptions& write, Fn&& fn) {
  using Proto = decltype(convert::ToProto(std::declval<const Record&>()));
  return db::RunIdempotentWrite<Record>(
      pool, write, std::forward<Fn>(fn),
      [](const Record& record) { return convert::ToProto(record).SerializeAsString(); },
      [](const std::string& stored) -> absl::StatusOr<Record> {
        Proto proto;
        if (!proto.ParseFromString(stored)) {
          return absl::InternalError("stored idempotent response does not parse");
        }
        return convert::FromProto(proto);
      });
}

}  // namespace kinerja::employee::store::internal
