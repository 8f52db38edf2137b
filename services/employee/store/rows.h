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
#include "shared/db/idempotency.h"
#include "shared/db/pool.h"
#include "shared/db/run.h"
#include "shared/db/transaction.h"
#include "shared/errors/errors.h"

namespace kinerja::employee::store::internal {

// --- SQL values ---------------------------------------------------------------------------------

// "YYYY-MM-DD", for $n::date parameters.
std::string DayText(absl::CivilDay day);
std::optional<std::string> DayText(const std::optional<absl::CivilDay>& day);
// SQL expressions select dates as days since 1970-01-01 ("d - DATE '1970-01-01'") and times as
// microseconds since the epoch; these decode them.
absl::CivilDay DayFromField(const pqxx::field& field);
std::optional<absl::CivilDay> OptionalDayFromField(const pqxx::field& field);
absl::Time TimeFromField(const pqxx::field& field);
// "" for NULL.
std::string TextOrEmpty(const pqxx::field& field);
// NULL for "".
std::optional<std::string> NullIfEmpty(const std::string& text);
std::optional<int> EselonParam(const std::optional<Eselon>& eselon);

// Stable rank label ("III/a", "IX") as stored; nullopt for std::monostate.
std::optional<std::string> RankParam(const Rank& rank);
// Inverse of RankParam for the given kind; monostate for NULL.
Rank RankFromLabel(EmployeeKind kind, const pqxx::field& field);

std::string_view ActingKindName(Official::Acting acting);  // "PLT" / "PLH"
Official::Acting ActingKindFromName(std::string_view name);

// absl::string_view bridges (Debian's Abseil has its own string_view).
inline absl::string_view Absl(std::string_view s) { return absl::string_view(s.data(), s.size()); }

// Positional parameters for SQL built at run time (filters):
//   Params p; where.push_back("e.unit_id = " + p.Add(value));
//   tx.exec_params(sql, pqxx::prepare::make_dynamic_params(p.values()));
class Params {
 public:
  std::string Add(std::optional<std::string> value);  // "$<n>"
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

// LIKE pattern matching strings that start with `prefix` (escapes \, % and _).
std::string LikePrefix(std::string_view prefix);
// The string value of a filter condition; an enum value may be given in its proto form
// ("EMPLOYEE_STATUS_ACTIVE"): `proto_prefix` + "_" is then stripped.
std::string ConditionText(const rpc::Condition& condition, std::string_view proto_prefix = "");
// " AND "-joined conditions, "" when none, else " WHERE ...".
std::string WhereClause(const std::vector<std::string>& conditions);
// INVALID_ARGUMENT "filter: ..." for a field or operator the list does not support.
absl::Status UnsupportedCondition(const rpc::Condition& condition);

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

// ABORTED "etag: ..." unless expected is unset or equals actual.
absl::Status CheckVersion(std::optional<int64_t> expected, int64_t actual, std::string_view what);
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

void Emit(pqxx::work& tx, const WriteOptions& write, const char* type, const char* aggregate_type,
          const std::string& aggregate_id, const google::protobuf::Message& payload);
// before/after: JSON text (to_jsonb(row)::text) or nullopt.
void Audit(pqxx::work& tx, const WriteOptions& write, const char* action, const char* resource_type,
           const std::string& resource_id, std::optional<std::string> before,
           std::optional<std::string> after);

// --- Transactions -------------------------------------------------------------------------------

using db::RunRead;  // shared/db/run.h

// Runs a mutating `fn(pqxx::work&) -> StatusOr<Record>` in one transaction, honouring the
// optional idempotency key: a replay returns the first answer (stored as the resource proto).
template <typename Record, typename Fn>
absl::StatusOr<Record> RunWrite(db::Pool& pool, const WriteOptions& write, Fn&& fn) {
  return db::RunIdempotentWrite<Record>(
      pool, write, std::forward<Fn>(fn),
      [](const Record& record) { return ToProto(record).SerializeAsString(); },
      [](const std::string& stored) -> absl::StatusOr<Record> {
        decltype(ToProto(std::declval<const Record&>())) proto;
        if (!proto.ParseFromString(stored)) {
          return absl::InternalError("stored idempotent response does not parse");
        }
        return FromProto(proto);
      });
}

}  // namespace kinerja::employee::store::internal
