// The plan workflow: submit, approve, return, revise, and the approved versions.
#include "services/goals/api/goal_service.h"
#include "services/goals/api/support.h"
#include "services/goals/domain/access.h"
#include "services/goals/domain/workflow.h"
#include "services/goals/store/proto_convert.h"

namespace kinerja::goals::api {

grpc::ServerUnaryReactor* GoalService::RunWorkflowStep(grpc::CallbackServerContext* ctx,
                                                       WorkflowStep step, v1::Plan* response) {
  const char* method = step.method;
  return deps_.calls->Unary(
      ctx, method, [this, step = std::move(step), response](const CallContext& call) {
        RETURN_IF_ERROR(RequireId(step.id, "id"));
        ASSIGN_OR_RETURN(std::optional<int64_t> expected, ExpectedVersion(step.etag, ""));
        ASSIGN_OR_RETURN(db::WriteOptions write, step.write_options(call));
        const absl::Time now = deps_.now();
        store::PlanMutation mutation;
        mutation.action = step.action;
        mutation.event_type = step.event_type;
        mutation.note = step.note;
        mutation.today = Today();
        mutation.apply = [&](Plan& plan, const PlanFacts& facts) {
          return step.rule(call.principal, plan, facts, now);
        };
        ASSIGN_OR_RETURN(Plan changed,
                         store().MutatePlan(step.id, expected, std::move(mutation), write));
        *response = ToProto(changed);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::SubmitPlan(grpc::CallbackServerContext* ctx,
                                                  const v1::SubmitPlanRequest* request,
                                                  v1::Plan* response) {
  return RunWorkflowStep(
      ctx,
      {.method = "SubmitPlan",
       .action = "plan.submit",
       .event_type = store::kPlanSubmitted,
       .id = request->id(),
       .etag = request->etag(),
       .note = "",
       .write_options =
           [request](const CallContext& call) { return WriteOptionsFor(call, *request); },
       .rule =
           [](const auth::Principal& who, Plan& plan, const PlanFacts& facts, absl::Time now) {
             RETURN_IF_ERROR(CanEditPlan(who, plan));
             return ApplySubmit(plan, facts, now);
           }},
      response);
}

grpc::ServerUnaryReactor* GoalService::ApprovePlan(grpc::CallbackServerContext* ctx,
                                                   const v1::ApprovePlanRequest* request,
                                                   v1::Plan* response) {
  return RunWorkflowStep(
      ctx,
      {.method = "ApprovePlan",
       .action = "plan.approve",
       .event_type = store::kPlanApproved,
       .id = request->id(),
       .etag = request->etag(),
       .note = "",
       .write_options =
           [request](const CallContext& call) { return WriteOptionsFor(call, *request); },
       .rule =
           [](const auth::Principal& who, Plan& plan, const PlanFacts& facts, absl::Time now) {
             RETURN_IF_ERROR(CanDecidePlan(who, plan));
             return ApplyApprove(plan, facts, now);
           }},
      response);
}

grpc::ServerUnaryReactor* GoalService::ReturnPlan(grpc::CallbackServerContext* ctx,
                                                  const v1::ReturnPlanRequest* request,
                                                  v1::Plan* response) {
  const std::string note = request->note();
  return RunWorkflowStep(
      ctx,
      {.method = "ReturnPlan",
       .action = "plan.return",
       .event_type = store::kPlanReturned,
       .id = request->id(),
       .etag = request->etag(),
       .note = note,
       .write_options =
           [request](const CallContext& call) { return WriteOptionsFor(call, *request); },
       .rule =
           [note](const auth::Principal& who, Plan& plan, const PlanFacts& facts, absl::Time) {
             RETURN_IF_ERROR(CanDecidePlan(who, plan));
             return ApplyReturn(plan, facts, note);
           }},
      response);
}

grpc::ServerUnaryReactor* GoalService::RevisePlan(grpc::CallbackServerContext* ctx,
                                                  const v1::RevisePlanRequest* request,
                                                  v1::Plan* response) {
  const std::string reason = request->reason();
  return RunWorkflowStep(
      ctx,
      {.method = "RevisePlan",
       .action = "plan.revise",
       .event_type = store::kPlanRevised,
       .id = request->id(),
       .etag = request->etag(),
       .note = reason,
       .write_options =
           [request](const CallContext& call) { return WriteOptionsFor(call, *request); },
       .rule =
           [reason](const auth::Principal& who, Plan& plan, const PlanFacts& facts, absl::Time) {
             RETURN_IF_ERROR(CanEditPlan(who, plan));
             return ApplyRevise(plan, facts, reason);
           }},
      response);
}

grpc::ServerUnaryReactor* GoalService::ListPlanVersions(grpc::CallbackServerContext* ctx,
                                                        const v1::ListPlanVersionsRequest* request,
                                                        v1::ListPlanVersionsResponse* response) {
  return deps_.calls->Unary(ctx, "ListPlanVersions",
                            [=, this](const CallContext& call) -> absl::Status {
                              RETURN_IF_ERROR(RequireId(request->plan_id(), "plan_id"));
                              ASSIGN_OR_RETURN(Plan plan, store().GetPlan(request->plan_id()));
                              RETURN_IF_ERROR(CanReadPlan(call.principal, plan));
                              ASSIGN_OR_RETURN(std::vector<PlanVersion> versions,
                                               store().ListPlanVersions(request->plan_id()));
                              for (const PlanVersion& version : versions)
                                *response->add_versions() = ToProto(version);
                              return absl::OkStatus();
                            });
}

}  // namespace kinerja::goals::api
