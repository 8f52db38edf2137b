// Plans: create (snapshotting the reporting line from the employee service), get, list, and
// content updates.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/goals/api/goal_service.h"
#include "services/goals/api/support.h"
#include "services/goals/convert/proto_convert.h"
#include "services/goals/domain/access.h"
#include "services/goals/domain/period_rules.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/plan_dates.h"
#include "services/goals/domain/workflow.h"
#include "shared/errors/errors.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::api {
namespace {

bool Has(const std::vector<std::string>& paths, const char* path) {
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

}  // namespace

absl::StatusOr<Plan> GoalService::CreatePlanFor(const CallContext& call, const Period& period,
                                                const std::string& employee_id,
                                                const std::string& nip, PlanStyle style,
                                                const db::WriteOptions& write,
                                                std::optional<absl::CivilDay> start_date) {
  // Refuse callers who could create no plan in this agency before asking the employee service.
  RETURN_IF_ERROR(
      CanCreatePlan(call.principal, period.agency_id, nip.empty() ? call.principal.nip : nip));
  const absl::CivilDay date = ClampToPeriod(period, Today());
  ASSIGN_OR_RETURN(EmployeeSnapshot snapshot,
                   TakeSnapshot(*deps_.employees, employee_id, nip, date));
  RETURN_IF_ERROR(CanCreatePlan(call.principal, snapshot.agency_id, snapshot.employee.nip));
  if (snapshot.agency_id != period.agency_id) {
    return errors::RuleViolation(
        "DIFFERENT_AGENCY",
        absl::StrCat("employee ", snapshot.employee.employee_id, " works in agency ",
                     snapshot.agency_id, ", not in the period's agency ", period.agency_id));
  }
  ASSIGN_OR_RETURN(absl::CivilDay start,
                   PlanStartDate(period, snapshot.position_start, start_date));
  Plan plan = NewPlanFromSnapshot(std::move(snapshot), period, style, start);
  return store().CreatePlan(std::move(plan), write);
}

grpc::ServerUnaryReactor* GoalService::CreatePlan(grpc::CallbackServerContext* ctx,
                                                  const v1::CreatePlanRequest* request,
                                                  v1::Plan* response) {
  return deps_.calls->Unary(
      ctx, *request, "CreatePlan", [=, this](const CallContext& call) -> absl::Status {
        Violations v;
        if (request->period_id().empty()) v.Add("period_id", "is required");
        if (request->employee_id().empty() == request->nip().empty()) {
          v.Add("employee_id", "exactly one of employee_id or nip is required");
        }
        std::optional<PlanStyle> style = v.Take(PlanStyleFromProto(request->style(), "style"));
        std::optional<std::optional<absl::CivilDay>> start =
            v.Take(rpc::OptionalDayFromProto(request->start_date(), "start_date"));
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(Period period, store().GetPeriod(request->period_id()));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(Plan created, CreatePlanFor(call, period, request->employee_id(),
                                                     request->nip(), *style, write, *start));
        *response = ToProto(created);
        return absl::OkStatus();
      });
}

// Coalesced: concurrent GetPlan calls share one batched query (ReadCoalescer) of the plans'
// stored answers (store::GoalsStore::FindPlanAnswers: ToProto of the plan, as this call answered
// before they were stored); each call parses its answer into the response and checks access on
// the plan's people (the fields CanReadPlan reads) on the worker that read the batch.
grpc::ServerUnaryReactor* GoalService::GetPlan(grpc::CallbackServerContext* ctx,
                                               const v1::GetPlanRequest* request,
                                               v1::Plan* response) {
  return deps_.calls->UnaryDeferred(
      ctx, *request, "GetPlan",
      [=, this](const CallContext& call, server::CallRunner::Finish finish) {
        if (absl::Status s = RequireId(request->id(), "id"); !s.ok()) {
          std::move(finish)(std::move(s));
          return;
        }
        // `call` and `request` stay valid until `finish` runs.
        reads_by_id_.Load(
            request->id(), [&call, request, response, finish = std::move(finish)](
                               const absl::Status& status, const std::string* answer) mutable {
              std::move(finish)([&]() -> absl::Status {
                RETURN_IF_ERROR(status);
                if (answer == nullptr) return errors::NotFound("plan", request->id());
                if (!response->ParseFromString(*answer)) {
                  return absl::InternalError(
                      absl::StrCat("plan ", request->id(), ": stored answer does not parse"));
                }
                absl::Status allowed = [&]() -> absl::Status {
                  ASSIGN_OR_RETURN(Plan people, PlanPeopleFromProto(*response));
                  return CanReadPlan(call.principal, people);
                }();
                if (!allowed.ok()) response->Clear();
                return allowed;
              }());
            });
      });
}

grpc::ServerUnaryReactor* GoalService::ListPlans(grpc::CallbackServerContext* ctx,
                                                 const v1::ListPlansRequest* request,
                                                 v1::ListPlansResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListPlans", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListPlans", request->filter()}));
        ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                         AgencyScopedFilter(call.principal, request->filter(),
                                            store::GoalsStore::PlanFilterSchema(), CanReadAgency,
                                            {"employee_nip", "assessor_nip"}));
        ASSIGN_OR_RETURN(db::Page<Plan> page, store().ListPlans(filter, list.request));
        for (const Plan& plan : page.items) {
          // The filter scoped the agency or the caller's own NIP; each plan is checked anyway.
          RETURN_IF_ERROR(CanReadPlan(call.principal, plan));
          *response->add_plans() = ToProto(plan);
        }
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::UpdatePlan(grpc::CallbackServerContext* ctx,
                                                  const v1::UpdatePlanRequest* request,
                                                  v1::Plan* response) {
  return deps_.calls->Unary(
      ctx, *request, "UpdatePlan", [=, this](const CallContext& call) -> absl::Status {
        const v1::Plan& in = request->plan();
        RETURN_IF_ERROR(RequireId(in.id(), "plan.id"));
        ASSIGN_OR_RETURN(std::optional<int64_t> expected, ExpectedVersion(in.etag(), "plan."));
        std::vector<std::string> paths(request->update_mask().paths().begin(),
                                       request->update_mask().paths().end());
        if (paths.empty()) paths = {"results", "behaviours", "style"};
        for (const std::string& path : paths) {
          if (path != "results" && path != "behaviours" && path != "style") {
            return errors::InvalidField(
                "update_mask",
                absl::StrCat("unknown path '", path, "'; allowed: results, behaviours, style"));
          }
        }
        ASSIGN_OR_RETURN(PlanContent candidate, ContentFromProto(in, "plan."));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        store::PlanMutation mutation;
        mutation.action = "plan.update";
        mutation.event_type = store::kPlanUpdated;
        mutation.today = Today();
        mutation.apply = [&](Plan& plan, const PlanFacts& facts) -> absl::Status {
          RETURN_IF_ERROR(CanEditPlan(call.principal, plan));
          PlanContent next = plan.content;
          if (Has(paths, "results")) next.results = candidate.results;
          if (Has(paths, "behaviours") && candidate.behaviours != plan.content.behaviours) {
            // The leader's expectations are the assessor's (SetBehaviourExpectations) or HR's.
            RETURN_IF_ERROR(CanSetExpectations(call.principal, plan));
            next.behaviours = candidate.behaviours;
          }
          if (Has(paths, "style")) next.style = candidate.style;
          RETURN_IF_ERROR(errors::PrefixField(
              AssignIds(plan.content, next, [] { return NewContentId(); }), "plan."));
          return ApplyEdit(plan, std::move(next), facts);
        };
        ASSIGN_OR_RETURN(Plan updated, store().MutatePlan(in.id(), expected, std::move(mutation),
                                                          write, &candidate));
        *response = ToProto(updated);
        return absl::OkStatus();
      });
}

}  // namespace kinerja::goals::api
