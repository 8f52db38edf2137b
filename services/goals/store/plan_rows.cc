// Reading and writing one plan row with its results, shared by the plan calls, MutatePlan and
// the transfer consumer.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kinerja/goals/v1/events.pb.h"
#include "services/goals/domain/names.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/store/rows.h"
#include "services/goals/store/statements.h"
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
  pqxx::result r =
      tx.exec_prepared(UpsertResultsStatement().name, plan_id, ResultRowsJson(results));
  if (r.size() != results.size()) {
    return errors::InvalidField("plan.results",
                                "a result id belongs to another plan; send results without an id "
                                "to add them");
  }
  return absl::OkStatus();
}

}  // namespace

const db::Statement& UpsertResultsStatement() {
  static const db::Statement* statement = new db::Statement{
      "goals.upsert_results",
      "INSERT INTO plan_results AS r (id, plan_id, ordinal, kind, text, parent_result_id, "
      "perspective, template_id, indicators) "
      "SELECT x.id, $1, x.ordinal, x.kind, x.text, x.parent_result_id, x.perspective, "
      "x.template_id, coalesce(x.indicators, '[]') "
      "FROM jsonb_to_recordset($2::jsonb) AS x(id text, ordinal integer, kind text, text text, "
      "parent_result_id text, perspective text, template_id text, indicators jsonb) "
      "ON CONFLICT (id) DO UPDATE SET ordinal = EXCLUDED.ordinal, kind = EXCLUDED.kind, "
      "text = EXCLUDED.text, parent_result_id = EXCLUDED.parent_result_id, "
      "perspective = EXCLUDED.perspective, template_id = EXCLUDED.template_id, "
      "indicators = EXCLUDED.indicators WHERE r.plan_id = EXCLUDED.plan_id RETURNING r.id"};
  return *statement;
}

namespace {

const std::string& SelectPlanById() {
  static const std::string* sql =
      new std::string(absl::StrCat("SELECT ", PlanColumns("p"), " FROM plans p WHERE p.id = $1"));
  return *sql;
}

}  // namespace

const db::Statement& LockPlanStatement() {
  static const db::Statement* statement =
      new db::Statement{"goals.lock_plan", SelectPlanById() + " FOR UPDATE OF p"};
  return *statement;
}

const db::Statement& DeleteRemovedResultsStatement() {
  static const db::Statement* statement =
      new db::Statement{"goals.delete_removed_results",
                        "DELETE FROM plan_results WHERE plan_id = $1 AND id <> ALL($2::text[])"};
  return *statement;
}

absl::StatusOr<Plan> LockPlan(pqxx::work& tx, const std::string& id) {
  pqxx::result r = tx.exec_prepared(LockPlanStatement().name, id);
  if (r.empty()) return errors::NotFound("plan", id);
  return PlanFromRow(r[0]);
}

std::string OpenPlanId(pqxx::work& tx, const Plan& plan) {
  pqxx::result r = tx.exec_params(
      "SELECT id FROM plans WHERE period_id = $1 AND employee_id = $2 AND position_id = $3 "
      "AND state <> 'CLOSED'",
      plan.period_id, plan.employee.employee_id, plan.employee.position_id);
  return r.empty() ? std::string() : r[0][0].as<std::string>();
}

absl::StatusOr<std::optional<Plan>> InsertPlan(pqxx::work& tx, const Plan& given) {
  Plan plan = given;
  AssignMissingIds(plan.content.results);
  static const std::string* sql = new std::string(absl::StrCat(
      "INSERT INTO plans AS p (period_id, agency_id, employee_id, employee_nip, employee_name, "
      "position_id, position_name, unit_id, unit_name, employee_non_asn, employee_acting, "
      "employee_rank_label, position_type, assessor_employee_id, assessor, assessor_superior, "
      "state, style, revision, revision_reason, return_note, behaviours, close_reason, end_date, "
      "submit_time, approve_time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
      "$14, $15::jsonb, $16::jsonb, $17, $18, $19, $20, $21, $22::jsonb, $23, $24::date, ",
      MicrosToTime("$25"), ", ", MicrosToTime("$26"),
      ") ON CONFLICT (period_id, employee_id, position_id) WHERE state <> 'CLOSED' DO NOTHING "
      "RETURNING p.id"));
  const PlanPerson& e = plan.employee;
  pqxx::result r = tx.exec_params(
      *sql, plan.period_id, plan.agency_id, e.employee_id, e.nip, e.name, e.position_id,
      e.position_name, e.unit_id, e.unit_name, e.non_asn, e.acting, e.rank_label,
      plan.position_type, AssessorEmployeeId(plan), PersonJson(plan.assessor),
      PersonJson(plan.assessor_superior), std::string(PlanStateName(plan.state)),
      std::string(PlanStyleName(plan.content.style)), plan.revision, plan.revision_reason,
      plan.return_note, BehavioursJson(plan.content.behaviours), plan.close_reason,
      DayText(plan.end_date), MicrosParam(plan.submit_time), MicrosParam(plan.approve_time));
  if (r.empty()) return std::optional<Plan>();
  const std::string id = r[0][0].as<std::string>();
  RETURN_IF_ERROR(UpsertResults(tx, id, plan.content.results));
  pqxx::result created = tx.exec_params(SelectPlanById(), id);
  return std::optional<Plan>(PlanFromRow(created[0]));
}

absl::StatusOr<Plan> SavePlan(pqxx::work& tx, const Plan& given) {
  Plan plan = given;
  AssignMissingIds(plan.content.results);
  std::vector<std::string> kept;
  kept.reserve(plan.content.results.size());
  for (const WorkResult& r : plan.content.results) kept.push_back(r.id);
  tx.exec_prepared0(DeleteRemovedResultsStatement().name, plan.id, db::TextArrayLiteral(kept));
  RETURN_IF_ERROR(UpsertResults(tx, plan.id, plan.content.results));
  const PlanPerson& e = plan.employee;
  pqxx::result r = tx.exec_prepared(
      SavePlanStatement().name, plan.id, e.nip, e.name, e.position_name, e.unit_id, e.unit_name,
      e.non_asn, e.acting, e.rank_label, plan.position_type, AssessorEmployeeId(plan),
      PersonJson(plan.assessor), PersonJson(plan.assessor_superior),
      std::string(PlanStateName(plan.state)), std::string(PlanStyleName(plan.content.style)),
      plan.revision, plan.revision_reason, plan.return_note,
      BehavioursJson(plan.content.behaviours), plan.close_reason, DayText(plan.end_date),
      MicrosParam(plan.submit_time), MicrosParam(plan.approve_time));
  if (r.empty()) return errors::NotFound("plan", plan.id);
  return PlanFromRow(r[0]);
}

const db::Statement& SavePlanStatement() {
  static const db::Statement* statement = new db::Statement{
      "goals.save_plan",
      absl::StrCat(
          "UPDATE plans AS p SET employee_nip = $2, employee_name = $3, position_name = $4, "
          "unit_id = $5, unit_name = $6, employee_non_asn = $7, employee_acting = $8, "
          "employee_rank_label = $9, position_type = $10, assessor_employee_id = $11, "
          "assessor = $12::jsonb, assessor_superior = $13::jsonb, state = $14, style = $15, "
          "revision = $16, revision_reason = $17, return_note = $18, behaviours = $19::jsonb, "
          "close_reason = $20, end_date = $21::date, submit_time = ",
          MicrosToTime("$22"), ", approve_time = ", MicrosToTime("$23"),
          ", version = p.version + 1, update_time = now() WHERE p.id = $1 RETURNING ",
          PlanColumns("p"))};
  return *statement;
}

void RecordPlanChange(pqxx::work& tx, const WriteOptions& write, const char* action,
                      const char* event_type, const std::optional<Plan>& before, const Plan& after,
                      const std::string& note) {
  pb::PlanChanged event;
  *event.mutable_plan() = ToProto(after);
  event.set_note(note);
  std::optional<std::string> before_json;
  if (before) before_json = MessageJson(ToProto(*before));
  Audit(tx, write, action, "plan", after.id, std::move(before_json), MessageJson(event.plan()));
  Emit(tx, write, event_type, "plan", after.id, event);
}

}  // namespace kinerja::goals::store::internal
