#include "services/goals/api/transfer_effects.h"

#include "absl/strings/str_cat.h"
#include "kinerja/employee/v1/events.pb.h"
#include "services/goals/api/employee_snapshot.h"
#include "shared/errors/errors.h"
#include "shared/log/log.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::api {
namespace {

bool Covers(const Period& period, absl::CivilDay day) {
  return period.start_date <= day && day <= period.end_date;
}

}  // namespace

absl::StatusOr<events::EventEffect> PrepareTransfer(
    store::GoalsStore& store, clients::EmployeeClient& employees,
    const kinerja::common::v1::EventEnvelope& event) {
  employee::v1::EmployeeTransferred transfer;
  if (event.type() != kEmployeeTransferred || !event.payload().UnpackTo(&transfer)) {
    return nullptr;
  }
  ASSIGN_OR_RETURN(absl::CivilDay effective,
                   rpc::DayFromProto(transfer.effective_date(), "effective_date"));
  const employee::v1::Employee& moved = transfer.employee();
  ASSIGN_OR_RETURN(std::vector<Plan> open, store.ListOpenPlansOfEmployee(moved.id()));
  store::TransferEffect effect;
  effect.employee_id = moved.id();
  effect.effective_date = effective;
  for (const Plan& plan : open) {
    if (plan.employee.position_id == moved.position_id()) continue;  // already the new one
    ASSIGN_OR_RETURN(Period period, store.GetPeriod(plan.period_id));
    if (!Covers(period, effective) || period.state == PeriodState::kLocked) continue;
    effect.close_plan_ids.push_back(plan.id);
    if (period.state != PeriodState::kOpen) continue;
    ASSIGN_OR_RETURN(EmployeeSnapshot snapshot, TakeSnapshot(employees, moved.id(), "", effective));
    Plan next = NewPlanFromSnapshot(std::move(snapshot), period, plan.content.style, effective);
    if (next.agency_id != period.agency_id) continue;  // moved to another agency: close only
    effect.new_plans.push_back(std::move(next));
  }
  if (effect.close_plan_ids.empty()) return nullptr;
  db::WriteOptions write;
  write.ctx = {.actor = absl::StrCat("event:", event.actor()), .request_id = event.request_id()};
  return events::EventEffect([&store, effect = std::move(effect),
                              write = std::move(write)](pqxx::work& tx) -> absl::Status {
    ASSIGN_OR_RETURN(std::vector<Plan> created, store.ApplyTransfer(tx, effect, write));
    log::Info("transfer applied", {{"employee_id", effect.employee_id},
                                   {"closed", static_cast<int64_t>(effect.close_plan_ids.size())},
                                   {"created", static_cast<int64_t>(created.size())}});
    return absl::OkStatus();
  });
}

}  // namespace kinerja::goals::api
