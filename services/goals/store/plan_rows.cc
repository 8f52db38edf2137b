// Reading and writing one plan row with its results, shared by the plan calls, MutatePlan and
// the transfer consumer.
#include <string>
#include <vector>

#include "kinerja/goals/v1/events.pb.h"
#include "services/goals/domain/names.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/plan_dates.h"
#include "services/goals/store/queries.h"
#include "services/goals/store/rows.h"
#include "shared/db/sql_array.h"

namespace kinerja::goals::store::internal {
namespace {

// The assessor's employee id as the cascade walks it: NULL without an assessor or for a
// NON-ASN one.
std::optional<std::string> AssessorEmployeeId(const Plan& plan) {
  if (!plan.assessor || plan.assessor->non_asn || plan.assessor->employee_id.empty()) {
    return std::nullopt;
  }
  return plan.assessor->employee_id;
}

void AssignMissingIds(std::vector<WorkResult>& results) {
  for (WorkResult& r : results) {
    if (r.id.empty()) r.id = NewContentId();
    for (Indicator& i : r.indicators) {
      if (i.id.empty()) i.id = NewContentId();
    }
  }
}

// Inserts or updates the plan's results; an update keeps `approved`. A result id held by
// another plan is refused.
absl::Status UpsertResults(pqxx::work& tx, const std::string& plan_id,
                           const std::vector<WorkResult>& results) {
  if (results.empty()) return absl::OkStatus();
  pqxx::result r = db::Exec(tx, queries::kUpsertResults, plan_id, ResultRowsJson(results));
  if (r.size() != results.size()) {
    return errors::InvalidField("plan.results",
                                "a result id belongs to another plan; send results without an id "
                                "to add them");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Plan> LockPlan(pqxx::work& tx, const std::string& id) {
  pqxx::result r = db::Exec(tx, queries::kLockPlan, id);
  if (r.empty()) return errors::NotFound("plan", id);
  return PlanFromRow(r[0]);
}

std::string OpenPlanId(pqxx::work& tx, const Plan& plan) {
  pqxx::result r = db::Exec(tx, queries::kOpenPlanId, plan.period_id, plan.employee.employee_id,
                            plan.employee.position_id);
  return r.empty() ? std::string() : r[0][0].as<std::string>();
}

absl::StatusOr<std::optional<Plan>> InsertPlan(pqxx::work& tx, const Plan& given) {
  Plan plan = given;
  AssignMissingIds(plan.content.results);
  const PlanPerson& e = plan.employee;
  pqxx::result r = db::Exec(
      tx, queries::kInsertPlan, plan.period_id, plan.agency_id, e.employee_id, e.nip, e.name,
      e.position_id, e.position_name, e.unit_id, e.unit_name, e.non_asn, e.acting, e.rank_label,
      plan.position_type, AssessorEmployeeId(plan), PersonJson(plan.assessor),
      PersonJson(plan.assessor_superior), std::string(PlanStateName(plan.state)),
      std::string(PlanStyleName(plan.content.style)), plan.revision, plan.revision_reason,
      plan.return_note, BehavioursJson(plan.content.behaviours), plan.close_reason,
      DayText(plan.end_date), MicrosParam(plan.submit_time), MicrosParam(plan.approve_time),
      DayText(plan.start_date), DayText(plan.filling_deadline), plan.approved_revision,
      db::TextArrayLiteral(plan.unit_path));
  if (r.empty()) return std::optional<Plan>();
  const std::string id = r[0][0].as<std::string>();
  RETURN_IF_ERROR(UpsertResults(tx, id, plan.content.results));
  pqxx::result created = db::Exec(tx, queries::kPlansByIds, db::TextArrayLiteral({id}));
  return std::optional<Plan>(PlanFromRow(created[0]));
}

absl::StatusOr<Plan> SavePlan(pqxx::work& tx, const Plan& given, const Plan& before) {
  Plan plan = given;
  AssignMissingIds(plan.content.results);
  // Results are rewritten only when they changed (a workflow step leaves them as they are).
  if (plan.content.results != before.content.results) {
    std::vector<std::string> kept;
    kept.reserve(plan.content.results.size());
    for (const WorkResult& r : plan.content.results) kept.push_back(r.id);
    db::Exec0(tx, queries::kDeleteRemovedResults, plan.id, db::TextArrayLiteral(kept));
    RETURN_IF_ERROR(UpsertResults(tx, plan.id, plan.content.results));
  }
  const PlanPerson& e = plan.employee;
  pqxx::result r = db::Exec(
      tx, queries::kSavePlan, plan.id, e.nip, e.name, e.position_name, e.unit_id, e.unit_name,
      e.non_asn, e.acting, e.rank_label, plan.position_type, AssessorEmployeeId(plan),
      PersonJson(plan.assessor), PersonJson(plan.assessor_superior),
      std::string(PlanStateName(plan.state)), std::string(PlanStyleName(plan.content.style)),
      plan.revision, plan.revision_reason, plan.return_note,
      BehavioursJson(plan.content.behaviours), plan.close_reason, DayText(plan.end_date),
      MicrosParam(plan.submit_time), MicrosParam(plan.approve_time), DayText(plan.start_date),
      DayText(plan.filling_deadline), plan.approved_revision, db::TextArrayLiteral(plan.unit_path));
  if (r.empty()) return errors::NotFound("plan", plan.id);
  Plan saved = PlanFromRow(r[0]);
  // As stored: the rows written above, or the unchanged ones the plan was loaded with.
  saved.content.results = std::move(plan.content.results);
  return saved;
}

void RecordDecision(pqxx::work& tx, const PlanDecision& decision) {
  db::Exec0(tx, queries::kInsertDecision, decision.plan_id, decision.revision,
            std::string(DecisionActionName(decision.action)), PersonJson(decision.decided_by),
            std::string(DecisionCapacityName(decision.capacity)), decision.recorded_by,
            decision.note, absl::ToUnixMicros(decision.decide_time));
}

void RecordPlanChange(pqxx::work& tx, const WriteOptions& write, const char* action,
                      const char* event_type, const std::optional<Plan>& before, const Plan& after,
                      const std::string& note, bool approved) {
  // The plan's proto, its bytes and its JSON are made once and serve the answer, the approved
  // version, the event and the audit row.
  pb::PlanChanged event;
  *event.mutable_plan() = ToProto(after);
  event.set_note(note);
  const std::string answer = event.plan().SerializeAsString();
  std::string after_json = MessageJson(event.plan());
  if (approved) {
    db::Exec0(tx, queries::kApproveVersion, after.id, after.revision, pqxx::binarystring(answer),
              after_json, write.ctx.actor, MicrosParam(after.approve_time),
              DayText(ApprovedVersionStart(after)));
  } else {
    db::Exec0(tx, queries::kStorePlanAnswer, after.id, pqxx::binarystring(answer));
  }
  std::optional<std::string> before_json;
  if (before) before_json = MessageJson(ToProto(*before));
  events::RecordChange(tx, write,
                       {action, "plan", after.id, std::move(before_json), std::move(after_json)},
                       {event_type, "plan", after.id, &event});
}

}  // namespace kinerja::goals::store::internal
