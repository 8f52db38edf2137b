// Store layer of the goals service: SQL over libpqxx against the service's own schema `goals`
// (migrations in services/goals/migrations/). It takes and returns domain types
// (services/goals/domain/types.h). It checks only what the database can check (existence,
// uniqueness, versions); rules are the domain's, called through the mutation callbacks below
// inside the same transaction as the write, with the facts the store loaded in that transaction.
//
// Every mutating call runs in ONE transaction together with its audit row (audit_log, before
// and after as JSON) and its outbox event (payload from kinerja/goals/v1/events.proto, built with
// proto_convert.h), and honours WriteOptions::idempotency (a replay returns the first answer).
//
// Errors: INVALID_ARGUMENT "<field>: ..." for bad input; NOT_FOUND "<what> <id> not found";
// FAILED_PRECONDITION with a reason for rule violations; ALREADY_EXISTS for duplicates (reason
// "PLAN_EXISTS" for a second open plan of the same employee, period and position); ABORTED
// "etag: ..." when an expected version does not match; UNAVAILABLE when the database is down.
//
// Thread-safe; every call leases its own pooled connection and blocks (run on the worker pool).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/goals/domain/cascade.h"
#include "services/goals/domain/types.h"
#include "services/goals/domain/workflow.h"
#include "shared/db/paging.h"
#include "shared/db/pool.h"
#include "shared/db/write_options.h"
#include "shared/rpc/filter.h"
#include "shared/rpc/filter_schema.h"

namespace kinerja::goals::store {

using db::Page;
using db::PageRequest;
using db::WriteOptions;

// Event type names (outbox.type).
inline constexpr char kPeriodCreated[] = "PeriodCreated";
inline constexpr char kPeriodUpdated[] = "PeriodUpdated";
inline constexpr char kPeriodStateChanged[] = "PeriodStateChanged";
inline constexpr char kDeadlineExtensionGranted[] = "DeadlineExtensionGranted";
inline constexpr char kUnitPolicyChanged[] = "UnitPolicyChanged";
inline constexpr char kPlanCreated[] = "PlanCreated";
inline constexpr char kPlanUpdated[] = "PlanUpdated";
inline constexpr char kPlanSubmitted[] = "PlanSubmitted";
inline constexpr char kPlanApproved[] = "PlanApproved";
inline constexpr char kPlanReturned[] = "PlanReturned";
inline constexpr char kPlanRevised[] = "PlanRevised";
inline constexpr char kPlanClosed[] = "PlanClosed";
inline constexpr char kPlanTemplateCreated[] = "PlanTemplateCreated";

// Changes to a period (UpdatePeriod); unset fields stay.
struct PeriodUpdate {
  std::string id;
  std::optional<int64_t> expected_version;
  std::optional<std::string> name;
  std::optional<absl::CivilDay> filling_deadline;
  std::optional<Cadence> cadence;
  std::optional<int> mid_year_filling_days;
};

// One change to one plan, run inside the store's transaction after the plan (locked FOR UPDATE)
// and its facts are loaded. `apply` changes the plan (or refuses with a status, and nothing is
// written). The store then saves header and content, bumps the version, writes the audit row
// (`action`, e.g. "plan.submit") and the event (`event_type`, with `note` in the payload).
// When event_type is kPlanApproved the store also records a PlanVersion (the plan as approved,
// approved_by = ctx.actor) and marks every current result of the plan approved.
struct PlanMutation {
  std::string action;
  const char* event_type = kPlanUpdated;
  std::string note;
  absl::CivilDay today;  // copied into PlanFacts::today (the API's clock, Asia/Jakarta)
  absl::AnyInvocable<absl::Status(Plan& plan, const PlanFacts& facts)> apply;
};

// The effect of one EmployeeTransferred event on this service, applied in one transaction
// together with the follower's cursor (exactly-once effect; replays are harmless).
struct TransferEffect {
  std::string employee_id;
  absl::CivilDay effective_date;  // first day in the new position
  // Plans to close (ids; each closed with reason "TRANSFER" and end_date = effective_date - 1
  // unless already closed) and new plans to create (state DRAFT; an existing open plan with the
  // same employee, period and position makes that creation a no-op).
  std::vector<std::string> close_plan_ids;
  std::vector<Plan> new_plans;
};

// The reporting line of the day of one employee in one position, as the employee service
// resolved it after an organisation change.
struct EmployeeLine {
  std::string employee_id;
  std::string position_id;
  std::optional<PlanPerson> assessor;
  std::optional<PlanPerson> assessor_superior;
  std::vector<std::string> unit_path;  // empty: unknown, kept as stored
};

// The effect of one organisation event of the employee service (a new unit head, a Plt or Plh,
// a delegation, a reorganisation, an employee leaving the service), applied in one transaction
// together with the follower's cursor.
struct OrgChangeEffect {
  // Open plans (periods not LOCKED) of these employees in these positions take the new line
  // (event PlanUpdated, audit "plan.line") when it differs from the one they keep.
  std::vector<EmployeeLine> lines;
  // When set: every open plan of this employee in a period that is not LOCKED is closed with
  // `close_reason` (e.g. "RETIRED"), its last day `close_day` (not before the plan's start - 1).
  std::string close_employee_id;
  std::string close_reason;
  absl::CivilDay close_day;
};

// What ApplyTemplateToPlan did.
struct TemplateResult {
  enum Kind { kApplied, kAlreadyApplied };
  Kind kind = kApplied;
  Plan plan;
};

class GoalsStore {
 public:
  // `pool` must point at the migrated `goals` schema. The store's statements are named queries
  // (store/queries/*.sql), prepared on each connection when first run there.
  explicit GoalsStore(db::Pool& pool) : pool_(pool) {}

  // Filter schemas of the List calls (API field names; see goals_service.proto).
  static const rpc::FilterSchema& PeriodFilterSchema();  // agency_id, year (int), state
  // period_id, agency_id, employee_id, assessor_employee_id, employee_nip, assessor_nip,
  // unit_id, state
  static const rpc::FilterSchema& PlanFilterSchema();
  static const rpc::FilterSchema& UnitPolicyFilterSchema();  // agency_id

  // --- Periods -------------------------------------------------------------------------------
  // Validates with the domain (ValidatePeriod); the store assigns the id; state OPEN; an empty
  // name becomes "SKP <year>". ALREADY_EXISTS reason "PERIOD_EXISTS" (the message names the
  // existing period's id) when the agency already has a period for the year.
  absl::StatusOr<Period> CreatePeriod(Period period, const WriteOptions& write);
  absl::StatusOr<Period> GetPeriod(const std::string& id);
  // Ordered by agency_id, year desc, id.
  absl::StatusOr<Page<Period>> ListPeriods(const std::vector<rpc::Condition>& filter,
                                           const PageRequest& page);
  // The updated period is re-validated (ValidatePeriod); a cadence change is refused once any
  // plan of the period has an approved version (CheckCadenceChange: "CADENCE_LOCKED"). Event
  // PeriodUpdated.
  absl::StatusOr<Period> UpdatePeriod(const PeriodUpdate& update, const WriteOptions& write);
  // CheckPeriodTransition; event PeriodStateChanged (none when unchanged).
  absl::StatusOr<Period> SetPeriodState(const std::string& id, PeriodState state,
                                        std::optional<int64_t> expected_version,
                                        const WriteOptions& write);
  // ValidateExtension against the period; replaces an earlier extension of the same employee.
  // granted_by = write.ctx.actor.
  absl::StatusOr<DeadlineExtension> GrantExtension(DeadlineExtension extension,
                                                   const WriteOptions& write);

  // --- Unit policy ---------------------------------------------------------------------------
  // Upsert by unit_id (ValidateUnitPolicy; a unit keeps its agency).
  absl::StatusOr<UnitPolicy> SetUnitPolicy(const UnitPolicy& policy, const WriteOptions& write);
  // Ordered by unit_id.
  absl::StatusOr<Page<UnitPolicy>> ListUnitPolicies(const std::vector<rpc::Condition>& filter,
                                                    const PageRequest& page);

  // --- Plans ---------------------------------------------------------------------------------
  // Inserts a new plan (the caller built it: snapshot, NewContent, state DRAFT, revision 1;
  // the store assigns the id). FAILED_PRECONDITION "PERIOD_NOT_OPEN" unless the period is OPEN;
  // ALREADY_EXISTS reason "PLAN_EXISTS" (message names the existing plan id) when the employee
  // already has a non-closed plan in the period for the same position. Event PlanCreated.
  absl::StatusOr<Plan> CreatePlan(Plan plan, const WriteOptions& write);
  absl::StatusOr<Plan> GetPlan(const std::string& id);
  // The stored plans among `ids`, by id (a missing id was not found); one statement (the
  // coalesced GetPlan reads).
  absl::StatusOr<absl::flat_hash_map<std::string, Plan>> FindPlans(
      const std::vector<std::string>& ids);
  // GetPlan's answers (serialized pb::Plan, ToProto of the plan as GetPlan reads it) of the
  // stored plans among `ids`, by id (a missing id was not found): the answers stored by the plans'
  // last changes (plan_answers, one statement), built from the plans' rows as FindPlans reads them
  // for plans that have none yet (stored before migration 0004). The coalesced GetPlan reads.
  absl::StatusOr<absl::flat_hash_map<std::string, std::string>> FindPlanAnswers(
      const std::vector<std::string>& ids);
  // Ordered by period_id, employee name, id. Plans come with their content.
  absl::StatusOr<Page<Plan>> ListPlans(const std::vector<rpc::Condition>& filter,
                                       const PageRequest& page);
  // Non-closed plans of an employee (any period), oldest first.
  absl::StatusOr<std::vector<Plan>> ListOpenPlansOfEmployee(const std::string& employee_id);
  // Loads the plan FOR UPDATE and its facts (period, the employee's extension, the unit policy
  // that applies along the plan's unit path, the parents its content and `candidate` name, results
  // of this plan that others cascade from), checks expected_version (ABORTED), runs
  // mutation.apply, saves.
  // `candidate`: content whose parent ids should also be loaded into facts.parents (for edits).
  absl::StatusOr<Plan> MutatePlan(const std::string& id, std::optional<int64_t> expected_version,
                                  PlanMutation mutation, const WriteOptions& write,
                                  const PlanContent* candidate = nullptr);
  // Approved versions, oldest first, with the days each applies (SetEffectiveRanges).
  absl::StatusOr<std::vector<PlanVersion>> ListPlanVersions(const std::string& plan_id);
  // Approvals and returns with who decided and in what capacity, oldest first.
  absl::StatusOr<std::vector<PlanDecision>> ListPlanDecisions(const std::string& plan_id);
  // The root plan plus every non-closed plan of the same period reachable downwards through
  // assessor_employee_id (recursive), with their results (id, kind, text, parent).
  absl::StatusOr<std::vector<CascadePlanInput>> LoadCascade(const std::string& root_plan_id);

  // --- Templates -----------------------------------------------------------------------------
  // ValidateTemplate; the store assigns the id. Event PlanTemplateCreated.
  absl::StatusOr<PlanTemplate> CreateTemplate(PlanTemplate tmpl, const WriteOptions& write);
  absl::StatusOr<PlanTemplate> GetTemplate(const std::string& id);
  // MutatePlan with the domain's ApplyTemplate (CheckEdit rules: DRAFT or RETURNED, period
  // OPEN); event PlanUpdated only when applied. Idempotent per (plan, template).
  absl::StatusOr<TemplateResult> ApplyTemplateToPlan(const std::string& plan_id,
                                                     const PlanTemplate& tmpl, absl::CivilDay today,
                                                     const WriteOptions& write);

  // --- Effects of the employee service's events ------------------------------------------------
  // Applies a transfer's effect inside `tx`, the transaction in which the event follower
  // (shared/events/event_follower.h) stores its cursor. Events PlanClosed and PlanCreated.
  // Returns the plans created; a replay closes and creates nothing.
  absl::StatusOr<std::vector<Plan>> ApplyTransfer(pqxx::work& tx, const TransferEffect& effect,
                                                  const WriteOptions& write);
  // The same in a transaction of its own.
  absl::StatusOr<std::vector<Plan>> ApplyTransfer(const TransferEffect& effect,
                                                  const WriteOptions& write);
  // Applies an organisation change inside `tx` (the follower's transaction). Returns how many
  // plans changed; a replay changes none.
  absl::StatusOr<int> ApplyOrgChange(pqxx::work& tx, const OrgChangeEffect& effect,
                                     const WriteOptions& write);
  absl::StatusOr<int> ApplyOrgChange(const OrgChangeEffect& effect, const WriteOptions& write);

 private:
  db::Pool& pool_;
};

}  // namespace kinerja::goals::store
