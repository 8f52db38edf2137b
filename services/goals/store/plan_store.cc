// Plans: create, get, list, an employee's open plans, approved versions.
#include <string>

#include "absl/strings/str_cat.h"
#include "services/goals/domain/names.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/plan_dates.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/queries.h"
#include "services/goals/store/rows.h"
#include "shared/db/filter_sql.h"
#include "shared/db/sql_array.h"

namespace kinerja::goals::store {
namespace {

absl::Status ValidateNewPlan(const Plan& plan) {
  std::vector<errors::FieldViolation> violations;
  if (plan.period_id.empty()) violations.push_back({"plan.period_id", "is required"});
  if (plan.employee.employee_id.empty()) {
    violations.push_back({"plan.employee.employee_id", "is required"});
  }
  if (plan.employee.position_id.empty()) {
    violations.push_back({"plan.employee.position_id", "is required"});
  }
  if (plan.position_type.empty()) violations.push_back({"plan.position_type", "is required"});
  // The caller decides the plan's days (PlanStartDate, PlanFillingDeadline).
  if (plan.start_date == absl::CivilDay()) violations.push_back({"plan.start_date", "is required"});
  if (plan.filling_deadline == absl::CivilDay()) {
    violations.push_back({"plan.filling_deadline", "is required"});
  }
  if (!plan.end_date.has_value()) violations.push_back({"plan.end_date", "is required"});
  for (errors::FieldViolation& v :
       errors::ViolationsOf(ValidateContent(plan.content, IsJptPositionType(plan.position_type)))) {
    violations.push_back({absl::StrCat("plan.", v.field), std::move(v.description)});
  }
  if (violations.empty()) return absl::OkStatus();
  return errors::InvalidFields(violations);
}

}  // namespace

absl::StatusOr<Plan> GoalsStore::CreatePlan(Plan plan, const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateNewPlan(plan));
  plan.state = PlanState::kDraft;
  if (plan.revision < 1) plan.revision = 1;
  return internal::RunWrite<Plan>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<Plan> {
    pqxx::result period = db::Exec(tx, queries::kPeriodAgencyAndState, plan.period_id);
    if (period.empty()) return errors::NotFound("period", plan.period_id);
    const std::string agency_id = period[0][0].as<std::string>();
    const std::string state = period[0][1].as<std::string>();
    if (state != PeriodStateName(PeriodState::kOpen)) {
      return errors::RuleViolation("PERIOD_NOT_OPEN",
                                   absl::StrCat("period ", plan.period_id, " is ", state,
                                                ": plans can only be created while it is OPEN"));
    }
    if (plan.agency_id.empty()) plan.agency_id = agency_id;
    if (plan.agency_id != agency_id) {
      return errors::RuleViolation(
          "DIFFERENT_AGENCY",
          absl::StrCat("agency_id: period ", plan.period_id, " belongs to agency ", agency_id));
    }
    ASSIGN_OR_RETURN(std::optional<Plan> created, internal::InsertPlan(tx, plan));
    if (!created) {
      return errors::WithReason(absl::AlreadyExistsError(absl::StrCat(
                                    "employee ", plan.employee.employee_id, " already has plan ",
                                    internal::OpenPlanId(tx, plan), " in period ", plan.period_id,
                                    " for position ", plan.employee.position_id)),
                                "PLAN_EXISTS");
    }
    internal::RecordPlanChange(tx, write, "plan.create", kPlanCreated, std::nullopt, *created, "");
    return *created;
  });
}

absl::StatusOr<Plan> GoalsStore::GetPlan(const std::string& id) {
  ASSIGN_OR_RETURN(auto found, FindPlans({id}));
  auto it = found.find(id);
  if (it == found.end()) return errors::NotFound("plan", id);
  return std::move(it->second);
}

absl::StatusOr<absl::flat_hash_map<std::string, Plan>> GoalsStore::FindPlans(
    const std::vector<std::string>& ids) {
  return internal::RunRead(
      pool_,
      [&](pqxx::transaction_base& tx) -> absl::StatusOr<absl::flat_hash_map<std::string, Plan>> {
        pqxx::result r = db::Exec(tx, queries::kPlansByIds, db::TextArrayLiteral(ids));
        absl::flat_hash_map<std::string, Plan> out;
        out.reserve(r.size());
        for (const pqxx::row& row : r) {
          Plan plan = internal::PlanFromRow(row);
          std::string id = plan.id;
          out.emplace(std::move(id), std::move(plan));
        }
        return out;
      });
}

absl::StatusOr<absl::flat_hash_map<std::string, std::string>> GoalsStore::FindPlanAnswers(
    const std::vector<std::string>& ids) {
  return internal::RunRead(
      pool_,
      [&](pqxx::transaction_base& tx)
          -> absl::StatusOr<absl::flat_hash_map<std::string, std::string>> {
        pqxx::result r = db::Exec(tx, queries::kPlanAnswersByIds, db::TextArrayLiteral(ids));
        absl::flat_hash_map<std::string, std::string> out;
        out.reserve(ids.size());
        for (const pqxx::row& row : r) {
          out.emplace(row[0].as<std::string>(), pqxx::binarystring(row[1]).str());
        }
        if (out.size() == ids.size()) return out;
        // Plans without a stored answer (or not found): built from their rows.
        std::vector<std::string> rest;
        for (const std::string& id : ids) {
          if (!out.contains(id)) rest.push_back(id);
        }
        pqxx::result plans = db::Exec(tx, queries::kPlansByIds, db::TextArrayLiteral(rest));
        for (const pqxx::row& row : plans) {
          Plan plan = internal::PlanFromRow(row);
          std::string id = plan.id;
          out.emplace(std::move(id), ToProto(plan).SerializeAsString());
        }
        return out;
      });
}

absl::StatusOr<Page<Plan>> GoalsStore::ListPlans(const std::vector<rpc::Condition>& filter,
                                                 const PageRequest& page) {
  RETURN_IF_ERROR(internal::CheckPage(page, 3));
  static const std::vector<db::FilterColumn>* columns = new std::vector<db::FilterColumn>{
      {.field = "period_id", .column = "p.period_id"},
      {.field = "agency_id", .column = "p.agency_id"},
      {.field = "employee_id", .column = "p.employee_id"},
      {.field = "assessor_employee_id", .column = "p.assessor_employee_id"},
      {.field = "employee_nip", .column = "p.employee_nip"},
      {.field = "assessor_nip", .column = "(p.assessor->>'nip')"},
      {.field = "unit_id", .column = "p.unit_id"},
      {.field = "state", .column = "p.state", .proto_prefix = "PLAN_STATE"},
  };
  db::SqlParams params;
  std::vector<std::string> where;
  RETURN_IF_ERROR(db::AppendFilterConditions(filter, *columns, params, where));
  if (!page.after.empty()) {
    where.push_back(absl::StrCat("(p.period_id, p.employee_name, p.id) > (",
                                 params.Add(page.after[0]), ", ", params.Add(page.after[1]), ", ",
                                 params.Add(page.after[2]), ")"));
  }
  const std::string sql =
      absl::StrCat("SELECT ", internal::PlanColumns("p"), " FROM plans p", db::WhereClause(where),
                   " ORDER BY p.period_id, p.employee_name, p.id LIMIT ", page.page_size + 1);
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<Plan>> {
    pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
    Page<Plan> out;
    out.items.reserve(std::min<size_t>(r.size(), page.page_size));
    for (const pqxx::row& row : r) {
      if (static_cast<int>(out.items.size()) == page.page_size) {
        out.has_more = true;
        break;
      }
      out.items.push_back(internal::PlanFromRow(row));
    }
    if (out.has_more) {
      const Plan& last = out.items.back();
      out.last_key = {last.period_id, last.employee.name, last.id};
    }
    return out;
  });
}

absl::StatusOr<std::vector<Plan>> GoalsStore::ListOpenPlansOfEmployee(
    const std::string& employee_id) {
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<std::vector<Plan>> {
        pqxx::result r = db::Exec(tx, queries::kOpenPlansOfEmployee, employee_id);
        std::vector<Plan> out;
        out.reserve(r.size());
        for (const pqxx::row& row : r) out.push_back(internal::PlanFromRow(row));
        return out;
      });
}

absl::StatusOr<std::vector<PlanVersion>> GoalsStore::ListPlanVersions(const std::string& plan_id) {
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<std::vector<PlanVersion>> {
        pqxx::result r = db::Exec(tx, queries::kPlanVersions, plan_id);
        if (r.empty()) return errors::NotFound("plan", plan_id);
        std::vector<PlanVersion> out;
        for (const pqxx::row& row : r) {
          if (row[0].is_null()) continue;  // the plan has no approved version yet
          PlanVersion version;
          version.plan_id = plan_id;
          version.revision = row[0].as<int>();
          pb::Plan snapshot;
          if (!snapshot.ParseFromString(pqxx::binarystring(row[1]).str())) {
            return absl::InternalError(absl::StrCat("plan ", plan_id, " revision ",
                                                    version.revision, ": snapshot does not parse"));
          }
          ASSIGN_OR_RETURN(version.plan, FromProto(snapshot));
          version.approved_by = row[2].as<std::string>();
          version.approve_time = internal::TimeFromField(row[3]);
          version.effective_from = internal::DayFromField(row[4]);
          out.push_back(std::move(version));
        }
        if (!out.empty()) {
          SetEffectiveRanges(out, internal::DayFromField(r[0][5]), internal::DayFromField(r[0][6]));
        }
        return out;
      });
}

absl::StatusOr<std::vector<PlanDecision>> GoalsStore::ListPlanDecisions(
    const std::string& plan_id) {
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<std::vector<PlanDecision>> {
        pqxx::result r = db::Exec(tx, queries::kPlanDecisions, plan_id);
        if (r.empty()) return errors::NotFound("plan", plan_id);
        std::vector<PlanDecision> out;
        for (const pqxx::row& row : r) {
          if (row[0].is_null()) continue;  // no decision yet
          PlanDecision d;
          d.plan_id = plan_id;
          d.revision = row[0].as<int>();
          ASSIGN_OR_RETURN(d.action, ParseDecisionAction(row[1].as<std::string>(), "action"));
          std::optional<PlanPerson> who = internal::PersonFromJson(row[2]);
          if (who.has_value()) d.decided_by = std::move(*who);
          ASSIGN_OR_RETURN(d.capacity, ParseDecisionCapacity(row[3].as<std::string>(), "capacity"));
          d.recorded_by = row[4].as<std::string>();
          d.note = row[5].as<std::string>();
          d.decide_time = internal::TimeFromField(row[6]);
          out.push_back(std::move(d));
        }
        return out;
      });
}

}  // namespace kinerja::goals::store
