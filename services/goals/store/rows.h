// Internal to the goals store: column lists, row decoding, JSON encoding of the jsonb columns,
// SQL value encoding, and the read / write wrappers shared by the *_store.cc files. Not for the
// API layer.
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
#include "services/goals/convert/proto_convert.h"
#include "services/goals/domain/types.h"
#include "services/goals/store/goals_store.h"
#include "shared/db/audit.h"
#include "shared/db/row_decode.h"
#include "shared/db/run.h"
#include "shared/db/sql_values.h"
#include "shared/db/transaction.h"
#include "shared/db/version_check.h"
#include "shared/errors/errors.h"
#include "shared/events/outbox_writer.h"

namespace kinerja::goals::store::internal {

// --- SQL values -------------------------------------------------------------------------------

// Dates as "YYYY-MM-DD" parameters, "" as NULL (shared/db/sql_values.h); SELECTs return dates as
// days since 1970-01-01 and times as microseconds since the epoch (shared/db/row_decode.h).
using db::DayFromField;
using db::DayText;
using db::NullIfEmpty;
using db::OptionalDayFromField;
using db::OptionalTimeFromField;
using db::TextOrEmpty;
using db::TimeFromField;
// Microseconds since the epoch, for "timestamptz 'epoch' + $n * interval '1 microsecond'".
std::optional<int64_t> MicrosParam(const std::optional<absl::Time>& time);
// Page size and key shape checks shared by the List calls.
absl::Status CheckPage(const PageRequest& page, size_t key_size);

// --- JSON of the jsonb columns (stable domain names, see the migration) -----------------------

std::string PersonJson(const PlanPerson& person);
std::optional<std::string> PersonJson(const std::optional<PlanPerson>& person);
std::optional<PlanPerson> PersonFromJson(const pqxx::field& field);  // NULL -> nullopt
std::string BehavioursJson(const std::vector<BehaviourExpectation>& behaviours);
std::string IndicatorsJson(const std::vector<Indicator>& indicators);
// The rows of plan_results to write for `results`: [{"id", "ordinal", "kind", "text",
// "parent_result_id", "perspective", "template_id", "indicators", "cascade_type",
// "parent_indicator_id"}] (jsonb_to_recordset). Indicators: [{"id", "text", "aspect",
// "target_min", "target_max", "target_unit", "target_text", "lower_is_better", "survey_id"}].
std::string ResultRowsJson(const std::vector<WorkResult>& results);
// Template results: [{"kind", "text", "parent_result_id", "perspective", "cascade_type",
// "parent_indicator_id", "indicators"}].
std::string TemplateResultsJson(const std::vector<WorkResult>& results);
std::vector<WorkResult> TemplateResultsFromJson(std::string_view json);
// A message as JSON (proto field names), for audit rows and plan_versions.snapshot_json.
std::string MessageJson(const google::protobuf::Message& message);

// --- Column lists and decoders ----------------------------------------------------------------
// Each SELECT of a resource lists exactly these columns first. The named queries write them out
// (store/queries/*.sql, each naming the decoder it feeds); the *Columns functions (qualified by
// the alias) are for the List calls, whose statements are built at run time, and
// queries_test.cc checks the two spellings agree.

std::string PeriodColumns(std::string_view alias);
inline constexpr int kPeriodColumnCount = 13;
Period PeriodFromRow(const pqxx::row& row, int offset = 0);

DeadlineExtension ExtensionFromRow(const pqxx::row& row);

std::string UnitPolicyColumns(std::string_view alias);
UnitPolicy UnitPolicyFromRow(const pqxx::row& row);

// The plan header plus its results (one JSON array built by a subquery on plan_results).
std::string PlanColumns(std::string_view alias);
// The plan header alone: the first kPlanColumnCount - 1 columns of PlanColumns (a row that
// ends with NULL for the results decodes with no results).
std::string PlanHeaderColumns(std::string_view alias);
inline constexpr int kPlanColumnCount = 36;
Plan PlanFromRow(const pqxx::row& row, int offset = 0);

PlanTemplate TemplateFromRow(const pqxx::row& row);

// A parent result as PlanFacts selects it.
struct ParentFactsRow {
  std::string result_id;
  ParentResultFacts facts;
};
// PlanFacts' parents column: [[result id, plan id, period id, owner employee id, approved, plan
// state, [indicator id, ...]], ...]; NULL -> none.
std::vector<ParentFactsRow> ParentFactsFromColumn(const pqxx::field& field);
// PlanFacts' policies column: [[unit id, public_service, include_subunits, survey_id], ...]
// (agency_id and version are not read); NULL -> none.
std::vector<UnitPolicy> UnitPoliciesFromColumn(const pqxx::field& field);
// A JSON array of strings; NULL -> none.
std::vector<std::string> TextsFromColumn(const pqxx::field& field);

// --- Errors -----------------------------------------------------------------------------------

using db::CheckVersion;  // shared/db/version_check.h

// --- Events and audit -------------------------------------------------------------------------

using db::Audit;     // shared/db/audit.h (before/after: JSON text or nullopt)
using events::Emit;  // shared/events/outbox_writer.h

// --- Transactions -----------------------------------------------------------------------------

using db::RunRead;  // shared/db/run.h

// Runs a mutating `fn(pqxx::work&) -> StatusOr<Record>` in one transaction, honouring the
// optional idempotency key: a replay returns the first answer (stored as the resource proto,
// read back by this store's FromProto).
template <typename Record, typename Fn>
absl::StatusOr<Record> RunWrite(db::Pool& pool, const WriteOptions& write, Fn&& fn) {
  return db::RunProtoWrite<Record>(pool, write, std::forward<Fn>(fn),
                                   [](const auto& proto) { return FromProto(proto); });
}

// --- Plans (plan_rows.cc) ---------------------------------------------------------------------

// The plan row locked FOR UPDATE; NOT_FOUND when missing.
absl::StatusOr<Plan> LockPlan(pqxx::work& tx, const std::string& id);
// Inserts a new plan (header and results; results and indicators without an id get one).
// nullopt when an open plan of the same employee, period and position exists.
absl::StatusOr<std::optional<Plan>> InsertPlan(pqxx::work& tx, const Plan& plan);
// The id of the open plan of the employee, period and position ("" when none).
std::string OpenPlanId(pqxx::work& tx, const Plan& plan);
// Writes the changed plan: replaces the results when they differ from `before` (the plan as
// loaded; kept ones keep `approved`, new ones are not approved), saves the header with
// version + 1 and update_time now(), returns it as stored.
absl::StatusOr<Plan> SavePlan(pqxx::work& tx, const Plan& plan, const Plan& before);
// Records a decision (approve, return) with who took it and in what capacity.
void RecordDecision(pqxx::work& tx, const PlanDecision& decision);
// Event PlanChanged {plan, note} and the audit row of a plan change, and the plan's stored
// answer (plan_answers: ToProto(after), what GetPlan answers); with `approved`, also the approved
// version (ApproveVersion: the same bytes as its snapshot, in one statement with the answer).
// Every write of a plan ends here.
void RecordPlanChange(pqxx::work& tx, const WriteOptions& write, const char* action,
                      const char* event_type, const std::optional<Plan>& before, const Plan& after,
                      const std::string& note, bool approved = false);

// Loads the plan FOR UPDATE and its facts, runs `mutation.apply`, saves (plan_mutation.cc).
// When `skip` is set to true by apply, nothing is written and the plan is returned as loaded.
absl::StatusOr<Plan> MutatePlanInTx(pqxx::work& tx, const std::string& id,
                                    std::optional<int64_t> expected_version, PlanMutation& mutation,
                                    const WriteOptions& write, const PlanContent* candidate,
                                    const bool* skip);

}  // namespace kinerja::goals::store::internal
