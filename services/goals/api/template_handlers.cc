// Plan templates and their bulk application to many employees' plans (by unit, position type or
// list). Re-running an application is harmless: a plan that already holds the template's
// results is reported ALREADY_APPLIED, and a plan is created at most once per employee, period
// and position.
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "services/goals/api/goal_service.h"
#include "services/goals/api/support.h"
#include "services/goals/convert/proto_convert.h"
#include "services/goals/domain/access.h"
#include "services/goals/domain/templates.h"
#include "shared/errors/errors.h"

namespace kinerja::goals::api {
namespace {

using Outcome = v1::ApplyPlanTemplateResponse::Outcome;

Outcome::Kind ToProto(TargetReport report) {
  switch (report) {
    case TargetReport::kApplied:
      return Outcome::KIND_APPLIED;
    case TargetReport::kAlreadyApplied:
      return Outcome::KIND_ALREADY_APPLIED;
    case TargetReport::kSkipped:
      return Outcome::KIND_SKIPPED;
    case TargetReport::kFailed:
      break;
  }
  return Outcome::KIND_FAILED;
}

// The open (non-closed) plan of each employee in the period, all pages.
absl::StatusOr<absl::flat_hash_map<std::string, Plan>> OpenPlansByEmployee(
    store::GoalsStore& store, const std::string& period_id) {
  ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                   rpc::ParseFilter(absl::StrCat("period_id = \"", period_id, "\""),
                                    store::GoalsStore::PlanFilterSchema()));
  absl::flat_hash_map<std::string, Plan> out;
  db::PageRequest page{.page_size = 500};
  while (true) {
    ASSIGN_OR_RETURN(db::Page<Plan> got, store.ListPlans(filter, page));
    for (Plan& plan : got.items) {
      if (plan.state == PlanState::kClosed) continue;
      std::string employee = plan.employee.employee_id;
      out.insert_or_assign(std::move(employee), std::move(plan));
    }
    if (!got.has_more) break;
    page.after = got.last_key;
  }
  return out;
}

void Count(v1::ApplyPlanTemplateResponse& response, Outcome::Kind kind) {
  switch (kind) {
    case Outcome::KIND_APPLIED:
      response.set_applied(response.applied() + 1);
      break;
    case Outcome::KIND_ALREADY_APPLIED:
      response.set_already_applied(response.already_applied() + 1);
      break;
    case Outcome::KIND_SKIPPED:
      response.set_skipped(response.skipped() + 1);
      break;
    default:
      response.set_failed(response.failed() + 1);
  }
}

}  // namespace

grpc::ServerUnaryReactor* GoalService::CreatePlanTemplate(
    grpc::CallbackServerContext* ctx, const v1::CreatePlanTemplateRequest* request,
    v1::PlanTemplate* response) {
  return deps_.calls->Unary(
      ctx, *request, "CreatePlanTemplate", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(PlanTemplate tmpl, FromProto(request->template_(), "template."));
        RETURN_IF_ERROR(CanManageAgency(call.principal, tmpl.agency_id));
        RETURN_IF_ERROR(CheckAgencyExists(*deps_.employees, tmpl.agency_id, "template.agency_id"));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(PlanTemplate created,
                         Prefixed(store().CreateTemplate(std::move(tmpl), write), "template."));
        *response = ToProto(created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::GetPlanTemplate(grpc::CallbackServerContext* ctx,
                                                       const v1::GetPlanTemplateRequest* request,
                                                       v1::PlanTemplate* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetPlanTemplate", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->id(), "id"));
        ASSIGN_OR_RETURN(PlanTemplate tmpl, store().GetTemplate(request->id()));
        RETURN_IF_ERROR(CanReadAgency(call.principal, tmpl.agency_id));
        *response = ToProto(tmpl);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::ApplyPlanTemplate(
    grpc::CallbackServerContext* ctx, const v1::ApplyPlanTemplateRequest* request,
    v1::ApplyPlanTemplateResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ApplyPlanTemplate", [=, this](const CallContext& call) -> absl::Status {
        Violations v;
        if (request->template_id().empty()) v.Add("template_id", "is required");
        if (request->period_id().empty()) v.Add("period_id", "is required");
        if (request->target_case() == v1::ApplyPlanTemplateRequest::TARGET_NOT_SET) {
          v.Add("unit_id", "one target is required: unit_id, position_type or employees");
        }
        if (request->has_employees() &&
            static_cast<size_t>(request->employees().employee_ids_size()) > kMaxTemplateTargets) {
          v.Add("employees.employee_ids",
                absl::StrCat("at most ", kMaxTemplateTargets, " per call"));
        }
        if (request->target_case() == v1::ApplyPlanTemplateRequest::kPositionType &&
            !clients::IsPositionTypeName(request->position_type())) {
          v.Add("position_type",
                "must be a position type such as PELAKSANA, PENGAWAS or JPT_PRATAMA");
        }
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(PlanTemplate tmpl, store().GetTemplate(request->template_id()));
        ASSIGN_OR_RETURN(Period period, store().GetPeriod(request->period_id()));
        RETURN_IF_ERROR(CanManageAgency(call.principal, period.agency_id));
        if (tmpl.agency_id != period.agency_id) {
          return errors::RuleViolation("DIFFERENT_AGENCY",
                                       "the template and the period belong to different agencies");
        }
        if (request->target_case() == v1::ApplyPlanTemplateRequest::kUnitId) {
          RETURN_IF_ERROR(
              CheckUnitOfAgency(*deps_.employees, request->unit_id(), period.agency_id, "unit_id"));
        }
        ASSIGN_OR_RETURN(auto plans, OpenPlansByEmployee(store(), period.id));

        // Who is targeted: the domain chooses from the open plans and, when missing plans are
        // to be created, the employee service's current staff of the target.
        TemplateTarget target;
        std::vector<std::string> staff;
        if (request->has_employees()) {
          target.employee_ids.assign(request->employees().employee_ids().begin(),
                                     request->employees().employee_ids().end());
        } else if (request->target_case() == v1::ApplyPlanTemplateRequest::kUnitId) {
          target.kind = TemplateTarget::Kind::kUnits;
          target.unit_ids = {request->unit_id()};
          if (request->include_subunits()) {
            ASSIGN_OR_RETURN(std::vector<std::string> below,
                             deps_.employees->SubunitIds(request->unit_id()));
            target.unit_ids.insert(target.unit_ids.end(), below.begin(), below.end());
          }
          if (request->create_missing_plans()) {
            ASSIGN_OR_RETURN(staff, deps_.employees->EmployeesInUnits(target.unit_ids));
          }
        } else {
          target.kind = TemplateTarget::Kind::kPositionType;
          target.position_type = request->position_type();
          if (request->create_missing_plans()) {
            ASSIGN_OR_RETURN(staff, deps_.employees->EmployeesWithPositionType(
                                        period.agency_id, target.position_type));
          }
        }
        ASSIGN_OR_RETURN(std::vector<std::string> targets,
                         ChooseTemplateTargets(target, plans, staff));

        // Each employee in its own transactions: one failure does not undo the others.
        db::WriteOptions write;
        write.ctx = call.change();
        for (const std::string& employee : targets) {
          Outcome* outcome = response->add_outcomes();
          outcome->set_employee_id(employee);
          auto found = plans.find(employee);
          std::string plan_id;
          switch (StepFor(found != plans.end(), request->create_missing_plans())) {
            case TargetStep::kApply:
              plan_id = found->second.id;
              break;
            case TargetStep::kSkip:
              outcome->set_kind(Outcome::KIND_SKIPPED);
              outcome->set_reason("no plan in the period (create_missing_plans is off)");
              Count(*response, outcome->kind());
              continue;
            case TargetStep::kCreatePlanAndApply: {
              absl::StatusOr<Plan> created =
                  CreatePlanFor(call, period, employee, "", PlanStyle::kQuantitative, write);
              if (!created.ok()) {
                outcome->set_kind(Outcome::KIND_FAILED);
                outcome->set_reason(std::string(created.status().message()));
                Count(*response, outcome->kind());
                continue;
              }
              plan_id = created->id;
            }
          }
          outcome->set_plan_id(plan_id);
          absl::StatusOr<store::TemplateResult> applied =
              store().ApplyTemplateToPlan(plan_id, tmpl, Today(), write);
          const TargetReport report =
              ReportFor(applied.status(),
                        applied.ok() && applied->kind == store::TemplateResult::kAlreadyApplied);
          outcome->set_kind(ToProto(report));
          if (!applied.ok()) outcome->set_reason(std::string(applied.status().message()));
          Count(*response, outcome->kind());
        }
        return absl::OkStatus();
      });
}

}  // namespace kinerja::goals::api
