// The effect of the employee service's events on plans, applied in the transaction that stores
// the event follower's cursor (exactly-once effect).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "kinerja/goals/v1/goals_service.pb.h"
#include "services/goals/domain/names.h"
#include "services/goals/domain/workflow.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/queries.h"
#include "services/goals/store/rows.h"
#include "shared/db/sql_array.h"

namespace kinerja::goals::store {
namespace {

constexpr char kTransferReason[] = "TRANSFER";

absl::Status CloseForTransfer(pqxx::work& tx, const WriteOptions& write,
                              const TransferEffect& effect, const std::string& plan_id) {
  ASSIGN_OR_RETURN(Plan plan, internal::LockPlan(tx, plan_id));
  if (plan.employee.employee_id != effect.employee_id) {
    return errors::InvalidField(
        "close_plan_ids",
        absl::StrCat("plan ", plan_id, " is not a plan of employee ", effect.employee_id));
  }
  if (plan.state == PlanState::kClosed) return absl::OkStatus();  // closed before (a replay)
  Plan closed = plan;
  RETURN_IF_ERROR(ApplyClose(closed, kTransferReason, effect.effective_date - 1));
  ASSIGN_OR_RETURN(Plan saved, internal::SavePlan(tx, closed, plan));
  internal::RecordPlanChange(tx, write, "plan.close", kPlanClosed, plan, saved, kTransferReason);
  return absl::OkStatus();
}

// Closes one open plan of an employee who left the service (retired, deceased, dismissed,
// transferred out). False when it was closed before or its period is LOCKED.
absl::StatusOr<bool> CloseForLeaving(pqxx::work& tx, const WriteOptions& write,
                                     const OrgChangeEffect& effect, const std::string& plan_id) {
  pqxx::result state = db::Exec(tx, queries::kPeriodStateOfPlan, plan_id);
  if (state.empty() || state[0][0].as<std::string>() == PeriodStateName(PeriodState::kLocked)) {
    return false;
  }
  ASSIGN_OR_RETURN(Plan plan, internal::LockPlan(tx, plan_id));
  if (plan.state == PlanState::kClosed) return false;
  Plan closed = plan;
  RETURN_IF_ERROR(
      ApplyClose(closed, effect.close_reason, std::max(effect.close_day, plan.start_date - 1)));
  ASSIGN_OR_RETURN(Plan saved, internal::SavePlan(tx, closed, plan));
  internal::RecordPlanChange(tx, write, "plan.close", kPlanClosed, plan, saved,
                             effect.close_reason);
  return true;
}

}  // namespace

absl::StatusOr<int> GoalsStore::ApplyOrgChange(pqxx::work& tx, const OrgChangeEffect& effect,
                                               const WriteOptions& write) {
  int changed = 0;
  if (!effect.close_employee_id.empty()) {
    if (effect.close_reason.empty()) return errors::InvalidField("close_reason", "is required");
    pqxx::result open = db::Exec(tx, queries::kOpenPlansOfEmployee, effect.close_employee_id);
    std::vector<std::string> ids;
    for (const pqxx::row& row : open) ids.push_back(row[0].as<std::string>());
    std::sort(ids.begin(), ids.end());
    for (const std::string& id : ids) {
      ASSIGN_OR_RETURN(bool closed, CloseForLeaving(tx, write, effect, id));
      changed += closed ? 1 : 0;
    }
  }
  if (effect.lines.empty()) return changed;
  absl::flat_hash_map<std::pair<std::string, std::string>, const EmployeeLine*> by_holder;
  std::vector<std::string> employee_ids;
  for (const EmployeeLine& line : effect.lines) {
    if (by_holder.emplace(std::make_pair(line.employee_id, line.position_id), &line).second) {
      employee_ids.push_back(line.employee_id);
    }
  }
  std::sort(employee_ids.begin(), employee_ids.end());
  employee_ids.erase(std::unique(employee_ids.begin(), employee_ids.end()), employee_ids.end());
  pqxx::result rows = db::Exec(tx, queries::kOpenPlanLines, db::TextArrayLiteral(employee_ids));
  for (const pqxx::row& row : rows) {  // in plan id order: no deadlock between two refreshes
    auto it = by_holder.find(std::make_pair(row[1].as<std::string>(), row[2].as<std::string>()));
    if (it == by_holder.end()) continue;
    const EmployeeLine& line = *it->second;
    if (internal::PersonFromJson(row[3]) == line.assessor &&
        internal::PersonFromJson(row[4]) == line.assessor_superior &&
        (line.unit_path.empty() || internal::TextsFromColumn(row[5]) == line.unit_path)) {
      continue;
    }
    ASSIGN_OR_RETURN(Plan plan, internal::LockPlan(tx, row[0].as<std::string>()));
    if (plan.state == PlanState::kClosed) continue;
    Plan next = plan;
    next.assessor = line.assessor;
    next.assessor_superior = line.assessor_superior;
    if (!line.unit_path.empty()) next.unit_path = line.unit_path;
    if (next.assessor == plan.assessor && next.assessor_superior == plan.assessor_superior &&
        next.unit_path == plan.unit_path) {
      continue;
    }
    ASSIGN_OR_RETURN(Plan saved, internal::SavePlan(tx, next, plan));
    internal::RecordPlanChange(tx, write, "plan.line", kPlanUpdated, plan, saved, "LINE_CHANGED");
    ++changed;
  }
  return changed;
}

absl::StatusOr<int> GoalsStore::ApplyOrgChange(const OrgChangeEffect& effect,
                                               const WriteOptions& write) {
  return db::RunInTransaction(pool_, [&](pqxx::work& tx) -> absl::StatusOr<int> {
    return ApplyOrgChange(tx, effect, write);
  });
}

absl::StatusOr<std::vector<Plan>> GoalsStore::ApplyTransfer(pqxx::work& tx,
                                                            const TransferEffect& effect,
                                                            const WriteOptions& write) {
  if (effect.employee_id.empty()) return errors::InvalidField("employee_id", "is required");
  for (size_t i = 0; i < effect.new_plans.size(); ++i) {
    const Plan& plan = effect.new_plans[i];
    if (plan.employee.employee_id != effect.employee_id) {
      return errors::InvalidField(absl::StrCat("new_plans[", i, "].employee.employee_id"),
                                  absl::StrCat("must be ", effect.employee_id));
    }
    if (plan.period_id.empty() || plan.employee.position_id.empty()) {
      return errors::InvalidField(absl::StrCat("new_plans[", i, "]"),
                                  "period_id and employee.position_id are required");
    }
  }
  // Locks in id order, so two transfers touching the same plans cannot deadlock.
  std::vector<std::string> close_ids = effect.close_plan_ids;
  std::sort(close_ids.begin(), close_ids.end());
  close_ids.erase(std::unique(close_ids.begin(), close_ids.end()), close_ids.end());
  for (const std::string& id : close_ids) {
    RETURN_IF_ERROR(CloseForTransfer(tx, write, effect, id));
  }
  std::vector<Plan> created;
  for (Plan plan : effect.new_plans) {
    pqxx::result period = db::Exec(tx, queries::kPeriodAgencyAndState, plan.period_id);
    if (period.empty()) return errors::NotFound("period", plan.period_id);
    if (plan.agency_id.empty()) plan.agency_id = period[0][0].as<std::string>();
    plan.state = PlanState::kDraft;
    if (plan.revision < 1) plan.revision = 1;
    ASSIGN_OR_RETURN(std::optional<Plan> inserted, internal::InsertPlan(tx, plan));
    if (!inserted) continue;  // an open plan for the position exists (e.g. a replay)
    internal::RecordPlanChange(tx, write, "plan.create", kPlanCreated, std::nullopt, *inserted,
                               kTransferReason);
    created.push_back(*std::move(inserted));
  }
  return created;
}

absl::StatusOr<std::vector<Plan>> GoalsStore::ApplyTransfer(const TransferEffect& effect,
                                                            const WriteOptions& write) {
  return db::RunInTransaction(pool_, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<Plan>> {
    return ApplyTransfer(tx, effect, write);
  });
}

}  // namespace kinerja::goals::store
