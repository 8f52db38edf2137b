// Periods, deadline extensions and unit policy: agency HR admins write, readers of the agency
// read.
#include "absl/strings/str_cat.h"
#include "services/goals/api/goal_service.h"
#include "services/goals/api/support.h"
#include "services/goals/convert/proto_convert.h"
#include "services/goals/domain/access.h"
#include "services/goals/domain/unit_policy.h"
#include "shared/errors/errors.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::api {

grpc::ServerUnaryReactor* GoalService::CreatePeriod(grpc::CallbackServerContext* ctx,
                                                    const v1::CreatePeriodRequest* request,
                                                    v1::Period* response) {
  return deps_.calls->Unary(
      ctx, *request, "CreatePeriod", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(Period period, FromProto(request->period(), "period."));
        RETURN_IF_ERROR(CanManageAgency(call.principal, period.agency_id));
        RETURN_IF_ERROR(CheckAgencyExists(*deps_.employees, period.agency_id, "period.agency_id"));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(Period created,
                         Prefixed(store().CreatePeriod(std::move(period), write), "period."));
        *response = ToProto(created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::GetPeriod(grpc::CallbackServerContext* ctx,
                                                 const v1::GetPeriodRequest* request,
                                                 v1::Period* response) {
  return deps_.calls->Unary(ctx, *request, "GetPeriod",
                            [=, this](const CallContext& call) -> absl::Status {
                              RETURN_IF_ERROR(RequireId(request->id(), "id"));
                              ASSIGN_OR_RETURN(Period period, store().GetPeriod(request->id()));
                              RETURN_IF_ERROR(CanReadPeriods(call.principal, period.agency_id));
                              *response = ToProto(period);
                              return absl::OkStatus();
                            });
}

grpc::ServerUnaryReactor* GoalService::ListPeriods(grpc::CallbackServerContext* ctx,
                                                   const v1::ListPeriodsRequest* request,
                                                   v1::ListPeriodsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListPeriods", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListPeriods", request->filter()}));
        ASSIGN_OR_RETURN(
            std::vector<rpc::Condition> filter,
            AgencyScopedFilter(call.principal, request->filter(),
                               store::GoalsStore::PeriodFilterSchema(), CanReadPeriods));
        ASSIGN_OR_RETURN(db::Page<Period> page, store().ListPeriods(filter, list.request));
        for (const Period& p : page.items) *response->add_periods() = ToProto(p);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::UpdatePeriod(grpc::CallbackServerContext* ctx,
                                                    const v1::UpdatePeriodRequest* request,
                                                    v1::Period* response) {
  return deps_.calls->Unary(
      ctx, *request, "UpdatePeriod", [=, this](const CallContext& call) -> absl::Status {
        const v1::Period& in = request->period();
        RETURN_IF_ERROR(RequireId(in.id(), "period.id"));
        ASSIGN_OR_RETURN(Period current, store().GetPeriod(in.id()));
        RETURN_IF_ERROR(CanManageAgency(call.principal, current.agency_id));
        store::PeriodUpdate update;
        update.id = in.id();
        ASSIGN_OR_RETURN(update.expected_version, ExpectedVersion(in.etag(), "period."));
        std::vector<std::string> paths(request->update_mask().paths().begin(),
                                       request->update_mask().paths().end());
        if (paths.empty()) paths = {"name", "filling_deadline", "cadence"};
        Violations v;
        for (const std::string& path : paths) {
          if (path == "name") {
            update.name = in.name();
          } else if (path == "filling_deadline") {
            update.filling_deadline =
                v.Take(rpc::DayFromProto(in.filling_deadline(), "period.filling_deadline"));
          } else if (path == "cadence") {
            update.cadence = v.Take(CadenceFromProto(in.cadence(), "period.cadence"));
          } else if (path == "mid_year_filling_days") {
            // Named explicitly: 0 is refused (ValidatePeriod), not taken as the default.
            update.mid_year_filling_days = in.mid_year_filling_days();
          } else {
            v.Add(
                "update_mask",
                absl::StrCat("unknown path '", path,
                             "'; allowed: name, filling_deadline, cadence, mid_year_filling_days"));
          }
        }
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(Period updated, Prefixed(store().UpdatePeriod(update, write), "period."));
        *response = ToProto(updated);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::SetPeriodState(grpc::CallbackServerContext* ctx,
                                                      const v1::SetPeriodStateRequest* request,
                                                      v1::Period* response) {
  return deps_.calls->Unary(
      ctx, *request, "SetPeriodState", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->id(), "id"));
        ASSIGN_OR_RETURN(PeriodState state, PeriodStateFromProto(request->state(), "state"));
        ASSIGN_OR_RETURN(std::optional<int64_t> expected, ExpectedVersion(request->etag(), ""));
        ASSIGN_OR_RETURN(Period current, store().GetPeriod(request->id()));
        RETURN_IF_ERROR(CanManageAgency(call.principal, current.agency_id));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(Period updated,
                         store().SetPeriodState(request->id(), state, expected, write));
        *response = ToProto(updated);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::GrantDeadlineExtension(
    grpc::CallbackServerContext* ctx, const v1::GrantDeadlineExtensionRequest* request,
    v1::DeadlineExtension* response) {
  return deps_.calls->Unary(
      ctx, *request, "GrantDeadlineExtension", [=, this](const CallContext& call) -> absl::Status {
        Violations v;
        if (request->period_id().empty()) v.Add("period_id", "is required");
        if (request->employee_id().empty()) v.Add("employee_id", "is required");
        std::optional<absl::CivilDay> until = v.Take(rpc::DayFromProto(request->until(), "until"));
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(Period period, store().GetPeriod(request->period_id()));
        RETURN_IF_ERROR(CanManageAgency(call.principal, period.agency_id));
        RETURN_IF_ERROR(CheckEmployeeOfAgency(*deps_.employees, request->employee_id(),
                                              period.agency_id, "employee_id"));
        DeadlineExtension extension;
        extension.period_id = request->period_id();
        extension.employee_id = request->employee_id();
        extension.until = *until;
        extension.reason = request->reason();
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(DeadlineExtension granted,
                         store().GrantExtension(std::move(extension), write));
        *response = ToProto(granted);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::SetUnitPolicy(grpc::CallbackServerContext* ctx,
                                                     const v1::SetUnitPolicyRequest* request,
                                                     v1::UnitPolicy* response) {
  return deps_.calls->Unary(
      ctx, *request, "SetUnitPolicy", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(UnitPolicy policy, FromProto(request->policy(), "policy."));
        RETURN_IF_ERROR(errors::PrefixField(ValidateUnitPolicy(policy), "policy."));
        RETURN_IF_ERROR(CanManageAgency(call.principal, policy.agency_id));
        RETURN_IF_ERROR(CheckUnitOfAgency(*deps_.employees, policy.unit_id, policy.agency_id,
                                          "policy.unit_id"));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(UnitPolicy saved, store().SetUnitPolicy(policy, write));
        *response = ToProto(saved);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GoalService::ListUnitPolicies(grpc::CallbackServerContext* ctx,
                                                        const v1::ListUnitPoliciesRequest* request,
                                                        v1::ListUnitPoliciesResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListUnitPolicies", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListUnitPolicies", request->filter()}));
        ASSIGN_OR_RETURN(
            std::vector<rpc::Condition> filter,
            AgencyScopedFilter(call.principal, request->filter(),
                               store::GoalsStore::UnitPolicyFilterSchema(), CanReadAgency));
        ASSIGN_OR_RETURN(db::Page<UnitPolicy> page, store().ListUnitPolicies(filter, list.request));
        for (const UnitPolicy& p : page.items) *response->add_policies() = ToProto(p);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

}  // namespace kinerja::goals::api
