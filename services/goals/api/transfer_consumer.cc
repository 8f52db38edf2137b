#include "services/goals/api/transfer_consumer.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "kinerja/employee/v1/events.pb.h"
#include "services/goals/domain/plan_content.h"
#include "shared/errors/errors.h"
#include "shared/log/log.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::api {
namespace {

constexpr char kTransferred[] = "EmployeeTransferred";

bool Covers(const Period& period, absl::CivilDay day) {
  return period.start_date <= day && day <= period.end_date;
}

}  // namespace

TransferConsumer::TransferConsumer(store::GoalsStore& store, EmployeeDirectory& directory)
    : store_(store), directory_(directory) {}

TransferConsumer::~TransferConsumer() { Stop(); }

void TransferConsumer::Start() {
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void TransferConsumer::Stop() {
  stopping_ = true;
  {
    absl::MutexLock lock(&mu_);
    if (active_ != nullptr) active_->TryCancel();
  }
  if (thread_.joinable()) thread_.join();
}

void TransferConsumer::Run() {
  absl::Duration backoff = absl::Milliseconds(200);
  while (!stopping_) {
    absl::Status status = FollowOnce();
    if (stopping_) break;
    if (!status.ok()) {
      log::Warn("transfer consumer: stream ended, retrying",
                {{"error", status.message()}, {"backoff_ms", absl::ToInt64Milliseconds(backoff)}});
    }
    for (absl::Duration slept; slept < backoff && !stopping_; slept += absl::Milliseconds(50)) {
      absl::SleepFor(absl::Milliseconds(50));
    }
    backoff = std::min(backoff * 2, absl::Seconds(10));
  }
}

absl::Status TransferConsumer::FollowOnce() {
  ASSIGN_OR_RETURN(std::string cursor, store_.ConsumerCursor(kTransferConsumer));
  ASSIGN_OR_RETURN(auto ctx, directory_.Context(absl::InfiniteDuration()));
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) return absl::CancelledError("stopping");
    active_ = ctx.get();
  }
  kinerja::common::v1::StreamEventsRequest request;
  request.set_after_cursor(cursor);
  request.add_types(kTransferred);
  auto reader = directory_.stub().StreamEvents(ctx.get(), request);
  kinerja::common::v1::EventEnvelope event;
  absl::Status handled = absl::OkStatus();
  while (!stopping_ && reader->Read(&event)) {
    handled = Handle(event);
    if (!handled.ok()) {
      ctx->TryCancel();  // retry from the stored cursor
      break;
    }
  }
  grpc::Status finished = reader->Finish();
  {
    absl::MutexLock lock(&mu_);
    active_ = nullptr;
  }
  RETURN_IF_ERROR(handled);
  return FromEmployeeService(finished, "StreamEvents");
}

absl::Status TransferConsumer::Handle(const kinerja::common::v1::EventEnvelope& event) {
  employee::v1::EmployeeTransferred transfer;
  if (event.type() != kTransferred || !event.payload().UnpackTo(&transfer)) {
    return store_.AdvanceConsumer(kTransferConsumer, event.cursor());
  }
  ASSIGN_OR_RETURN(absl::CivilDay effective,
                   rpc::DayFromProto(transfer.effective_date(), "effective_date"));
  const employee::v1::Employee& moved = transfer.employee();
  ASSIGN_OR_RETURN(std::vector<Plan> open, store_.ListOpenPlansOfEmployee(moved.id()));
  store::TransferEffect effect;
  effect.employee_id = moved.id();
  effect.effective_date = effective;
  for (const Plan& plan : open) {
    if (plan.employee.position_id == moved.position_id()) continue;  // already the new one
    ASSIGN_OR_RETURN(Period period, store_.GetPeriod(plan.period_id));
    if (!Covers(period, effective) || period.state == PeriodState::kLocked) continue;
    effect.close_plan_ids.push_back(plan.id);
    if (period.state != PeriodState::kOpen) continue;
    ASSIGN_OR_RETURN(EmployeeSnapshot snapshot, directory_.Snapshot(moved.id(), "", effective));
    Plan next = NewPlanFromSnapshot(std::move(snapshot), period, plan.content.style);
    if (next.agency_id != period.agency_id) continue;  // moved to another agency: close only
    effect.new_plans.push_back(std::move(next));
  }
  if (effect.close_plan_ids.empty()) {
    RETURN_IF_ERROR(store_.AdvanceConsumer(kTransferConsumer, event.cursor()));
  } else {
    db::WriteOptions write;
    write.ctx = {.actor = absl::StrCat("event:", event.actor()), .request_id = event.request_id()};
    ASSIGN_OR_RETURN(std::vector<Plan> created,
                     store_.ApplyTransfer(effect, kTransferConsumer, event.cursor(), write));
    log::Info("transfer applied", {{"employee_id", moved.id()},
                                   {"closed", static_cast<int64_t>(effect.close_plan_ids.size())},
                                   {"created", static_cast<int64_t>(created.size())}});
  }
  handled_.fetch_add(1);
  return absl::OkStatus();
}

}  // namespace kinerja::goals::api
