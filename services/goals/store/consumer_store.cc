// The effect of the employee service's events on plans, applied in the transaction that stores
// the event follower's cursor (exactly-once effect).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kinerja/goals/v1/goals_service.pb.h"
#include "services/goals/domain/workflow.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/queries.h"
#include "services/goals/store/rows.h"

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

}  // namespace

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
