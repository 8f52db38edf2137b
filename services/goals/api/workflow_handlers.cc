// The plan workflow: submit, approve, return, revise, and the approved versions.
#include <functional>

#include "services/goals/api/employee_snapshot.h"
#include "services/goals/api/goal_service.h"
#include "services/goals/api/support.h"
#include "services/goals/convert/proto_convert.h"
#include "services/goals/domain/access.h"
#include "services/goals/domain/plan_dates.h"
#include "services/goals/domain/workflow.h"
#include "shared/errors/errors.h"
#include "shared/rpc/proto_time.h"

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
        const absl::CivilDay today = Today();
        std::optional<PlanLine> line;
        if (step.line_of_the_day) {
          ASSIGN_OR_RETURN(Plan current, store().GetPlan(step.id));
          if (current.state != PlanState::kClosed) {
            ASSIGN_OR_RETURN(line, LineOfTheDay(*deps_.employees, current, today));
          }
        }
        store::PlanMutation mutation;
        mutation.action = step.action;
        mutation.event_type = step.event_type;
        mutation.note = step.note;
        mutation.today = today;
        mutation.apply = [&](Plan& plan, const PlanFacts& facts) {
          if (line.has_value()) AdoptLine(plan, *line);
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

// Steps only the assessor of the day takes: approving, returning. The decision is recorded with
// who took it and in what capacity.
Rule ByAssessor(DecisionAction action, std::string note, Step step) {
  return [action, note = std::move(note), step = std::move(step)](
             const auth::Principal& who, Plan& plan, const PlanFacts& facts, absl::Time now) {
    RETURN_IF_ERROR(CanDecidePlan(who, plan));
    PlanDecision decision = DecisionBy(who, plan, action, note, now);
    RETURN_IF_ERROR(step(plan, facts, now));
    plan.decision = std::move(decision);
    return absl::OkStatus();
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
       }),
       /*line_of_the_day=*/true},
      response);
}

grpc::ServerUnaryReactor* GoalService::ApprovePlan(grpc::CallbackServerContext* ctx,
                                                   const v1::ApprovePlanRequest* request,
                                                   v1::Plan* response) {
  return RunWorkflowStep(ctx, *request,
                         {"ApprovePlan", "plan.approve", store::kPlanApproved, request->id(),
                          request->etag(), "", WriteOptionsOf(request),
                          ByAssessor(DecisionAction::kApprove, "",
                                     [](Plan& plan, const PlanFacts& facts, absl::Time now) {
                                       return ApplyApprove(plan, facts, now);
                                     }),
                          /*line_of_the_day=*/true},
                         response);
}

grpc::ServerUnaryReactor* GoalService::ReturnPlan(grpc::CallbackServerContext* ctx,
                                                  const v1::ReturnPlanRequest* request,
                                                  v1::Plan* response) {
  const std::string note = request->note();
  return RunWorkflowStep(ctx, *request,
                         {"ReturnPlan", "plan.return", store::kPlanReturned, request->id(),
                          request->etag(), note, WriteOptionsOf(request),
                          ByAssessor(DecisionAction::kReturn, note,
                                     [note](Plan& plan, const PlanFacts& facts, absl::Time) {
                                       return ApplyReturn(plan, facts, note);
                                     }),
                          /*line_of_the_day=*/true},
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

grpc::ServerUnaryReactor* GoalService::SetBehaviourExpectations(
    grpc::CallbackServerContext* ctx, const v1::SetBehaviourExpectationsRequest* request,
    v1::Plan* response) {
  std::vector<BehaviourExpectation> given;
  absl::Status parsed = absl::OkStatus();
  for (int i = 0; i < request->behaviours_size() && parsed.ok(); ++i) {
    const v1::BehaviourExpectation& b = request->behaviours(i);
    absl::StatusOr<CoreValue> value =
        CoreValueFromProto(b.value(), absl::StrCat("behaviours[", i, "].value"));
    if (!value.ok()) {
      parsed = value.status();
    } else {
      given.push_back({*value, b.expectation()});
    }
  }
  return RunWorkflowStep(
      ctx, *request,
      {"SetBehaviourExpectations", "plan.expectations", store::kPlanUpdated, request->plan_id(),
       request->etag(), "", WriteOptionsOf(request),
       [given = std::move(given), parsed](const auth::Principal& who, Plan& plan,
                                          const PlanFacts& facts, absl::Time) -> absl::Status {
         RETURN_IF_ERROR(parsed);
         RETURN_IF_ERROR(CanSetExpectations(who, plan));
         return ApplyBehaviourExpectations(plan, given, facts);
       },
       /*line_of_the_day=*/true},
      response);
}

namespace {

// The approver and capacity of each version, from the plan's decisions (the last approval of
// that revision).
void AddApprovers(std::vector<PlanVersion>& versions, const std::vector<PlanDecision>& decisions) {
  for (PlanVersion& version : versions) {
    for (const PlanDecision& d : decisions) {
      if (d.action == DecisionAction::kApprove && d.revision == version.revision) {
        version.approver = d.decided_by;
        version.approver_capacity = d.capacity;
      }
    }
  }
}

}  // namespace

grpc::ServerUnaryReactor* GoalService::GetPlanVersion(grpc::CallbackServerContext* ctx,
                                                      const v1::GetPlanVersionRequest* request,
                                                      v1::PlanVersion* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetPlanVersion", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->plan_id(), "plan_id"));
        Violations v;
        std::optional<std::optional<absl::CivilDay>> date =
            v.Take(rpc::OptionalDayFromProto(request->date(), "date"));
        if (request->revision() < 0) v.Add("revision", "must be positive");
        if (date.has_value() && (request->revision() > 0) == date->has_value()) {
          v.Add("revision", "exactly one of revision or date is required");
        }
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(Plan plan, store().GetPlan(request->plan_id()));
        RETURN_IF_ERROR(CanReadPlan(call.principal, plan));
        ASSIGN_OR_RETURN(std::vector<PlanVersion> versions,
                         store().ListPlanVersions(request->plan_id()));
        const PlanVersion* found = nullptr;
        if (request->revision() > 0) {
          for (const PlanVersion& version : versions) {
            if (version.revision == request->revision()) found = &version;
          }
          if (found == nullptr) {
            return errors::NotFound("plan version", absl::StrCat(request->plan_id(), " revision ",
                                                                 request->revision()));
          }
        } else {
          found = VersionInForce(versions, **date);
          if (found == nullptr) {
            return absl::NotFoundError(absl::StrCat("plan ", request->plan_id(),
                                                    " has no approved version in force on ",
                                                    absl::FormatCivilTime(**date)));
          }
        }
        PlanVersion answer = *found;
        ASSIGN_OR_RETURN(std::vector<PlanDecision> decisions,
                         store().ListPlanDecisions(request->plan_id()));
        std::vector<PlanVersion> one = {std::move(answer)};
        AddApprovers(one, decisions);
        *response = ToProto(one.front());
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::ListPlanDecisions(
    grpc::CallbackServerContext* ctx, const v1::ListPlanDecisionsRequest* request,
    v1::ListPlanDecisionsResponse* response) {
  return deps_.calls->Unary(ctx, *request, "ListPlanDecisions",
                            [=, this](const CallContext& call) -> absl::Status {
                              RETURN_IF_ERROR(RequireId(request->plan_id(), "plan_id"));
                              ASSIGN_OR_RETURN(Plan plan, store().GetPlan(request->plan_id()));
                              RETURN_IF_ERROR(CanReadPlan(call.principal, plan));
                              ASSIGN_OR_RETURN(std::vector<PlanDecision> decisions,
                                               store().ListPlanDecisions(request->plan_id()));
                              for (const PlanDecision& d : decisions)
                                *response->add_decisions() = ToProto(d);
                              return absl::OkStatus();
                            });
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
                              ASSIGN_OR_RETURN(std::vector<PlanDecision> decisions,
                                               store().ListPlanDecisions(request->plan_id()));
                              AddApprovers(versions, decisions);
                              for (const PlanVersion& version : versions)
                                *response->add_versions() = ToProto(version);
                              return absl::OkStatus();
                            });
}

}  // namespace kinerja::goals::api
