// The plan workflow: submit, approve, return, revise, and the approved versions.
#include <functional>

#include "services/goals/api/goal_service.h"
#include "services/goals/api/support.h"
#include "services/goals/convert/proto_convert.h"
#include "services/goals/domain/access.h"
#include "services/goals/domain/workflow.h"

namespace kinerja::goals::api {

grpc::ServerUnaryReactor* GoalService::RunWorkflowStep(grpc::CallbackServerContext* ctx,
                                                       const google::protobuf::Message& request,
                                                       WorkflowStep step, v1::Plan* response) {
  const char* method = step.method;
  return deps_.calls->Unary(
      ctx, request, method, [this, step = std::move(step), response](const CallContext& call) {
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

namespace {

using Rule =
    std::function<absl::Status(const auth::Principal&, Plan&, const PlanFacts&, absl::Time)>;
using Step = std::function<absl::Status(Plan&, const PlanFacts&, absl::Time)>;

template <typename Request>
std::function<absl::StatusOr<db::WriteOptions>(const CallContext&)> WriteOptionsOf(
    const Request* request) {
  return [request](const CallContext& call) { return WriteOptionsFor(call, *request); };
}

// Steps the plan's employee (or an HR admin) takes: submitting, starting a revision.
Rule ByEditor(Step step) {
  return [step = std::move(step)](const auth::Principal& who, Plan& plan, const PlanFacts& facts,
                                  absl::Time now) {
    RETURN_IF_ERROR(CanEditPlan(who, plan));
    return step(plan, facts, now);
  };
}

// Steps only the assessor takes: approving, returning.
Rule ByAssessor(Step step) {
  return [step = std::move(step)](const auth::Principal& who, Plan& plan, const PlanFacts& facts,
                                  absl::Time now) {
    RETURN_IF_ERROR(CanDecidePlan(who, plan));
    return step(plan, facts, now);
  };
}

}  // namespace

grpc::ServerUnaryReactor* GoalService::SubmitPlan(grpc::CallbackServerContext* ctx,
                                                  const v1::SubmitPlanRequest* request,
                                                  v1::Plan* response) {
  return RunWorkflowStep(
      ctx, *request,
      {"SubmitPlan", "plan.submit", store::kPlanSubmitted, request->id(), request->etag(), "",
       WriteOptionsOf(request), ByEditor([](Plan& plan, const PlanFacts& facts, absl::Time now) {
         return ApplySubmit(plan, facts, now);
       })},
      response);
}

grpc::ServerUnaryReactor* GoalService::ApprovePlan(grpc::CallbackServerContext* ctx,
                                                   const v1::ApprovePlanRequest* request,
                                                   v1::Plan* response) {
  return RunWorkflowStep(
      ctx, *request,
      {"ApprovePlan", "plan.approve", store::kPlanApproved, request->id(), request->etag(), "",
       WriteOptionsOf(request), ByAssessor([](Plan& plan, const PlanFacts& facts, absl::Time now) {
         return ApplyApprove(plan, facts, now);
       })},
      response);
}

grpc::ServerUnaryReactor* GoalService::ReturnPlan(grpc::CallbackServerContext* ctx,
                                                  const v1::ReturnPlanRequest* request,
                                                  v1::Plan* response) {
  const std::string note = request->note();
  return RunWorkflowStep(
      ctx, *request,
      {"ReturnPlan", "plan.return", store::kPlanReturned, request->id(), request->etag(), note,
       WriteOptionsOf(request), ByAssessor([note](Plan& plan, const PlanFacts& facts, absl::Time) {
         return ApplyReturn(plan, facts, note);
       })},
      response);
}

grpc::ServerUnaryReactor* GoalService::RevisePlan(grpc::CallbackServerContext* ctx,
                                                  const v1::RevisePlanRequest* request,
                                                  v1::Plan* response) {
  const std::string reason = request->reason();
  return RunWorkflowStep(
      ctx, *request,
      {"RevisePlan", "plan.revise", store::kPlanRevised, request->id(), request->etag(), reason,
       WriteOptionsOf(request), ByEditor([reason](Plan& plan, const PlanFacts& facts, absl::Time) {
         return ApplyRevise(plan, facts, reason);
       })},
      response);
}

grpc::ServerUnaryReactor* GoalService::ListPlanVersions(grpc::CallbackServerContext* ctx,
                                                        const v1::ListPlanVersionsRequest* request,
                                                        v1::ListPlanVersionsResponse* response) {
  return deps_.calls->Unary(ctx, *request, "ListPlanVersions",
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
