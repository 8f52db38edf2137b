// Position history: transfers (mutasi/promosi), assignments, acting officials (Plt/Plh).
#include "services/employee/api/access_support.h"
#include "services/employee/api/employee_service.h"
#include "services/employee/api/request_support.h"
#include "services/employee/api/resource_convert.h"
#include "services/employee/convert/resources.h"
#include "services/employee/convert/wire.h"
#include "services/employee/domain/access.h"

namespace kinerja::employee::api {

using server::CallContext;

grpc::ServerUnaryReactor* EmployeeService::TransferEmployee(
    grpc::CallbackServerContext* ctx, const v1::TransferEmployeeRequest* request,
    v1::Employee* response) {
  return deps_.calls->Unary(
      ctx, *request, "TransferEmployee", [=, this](const CallContext& call) -> absl::Status {
        Violations v;
        if (request->employee_id().empty()) v.Add("employee_id", "is required");
        if (request->position_id().empty()) v.Add("position_id", "is required");
        TransferRequest transfer;
        transfer.employee_id = request->employee_id();
        transfer.position_id = request->position_id();
        if (auto day = v.Take(rpc::DayFromProto(request->effective_date(), "effective_date"))) {
          transfer.effective_date = *day;
        }
        // An unspecified reason is a plain transfer (mutasi).
        if (request->reason() != v1::ASSIGNMENT_REASON_UNSPECIFIED) {
          if (auto reason = v.Take(AssignmentReasonFromProto(request->reason(), "reason"))) {
            transfer.reason = *reason;
          }
        }
        if (auto version = v.Take(ExpectedVersion(request->etag(), ""))) {
          transfer.expected_version = *version;
        }
        RETURN_IF_ERROR(v.ToStatus());

        ASSIGN_OR_RETURN(EmployeeRecord current, store().GetEmployee(transfer.employee_id));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, current.employee.agency_id));
        ASSIGN_OR_RETURN(Position target,
                         AsReference(store().GetPosition(transfer.position_id), "position_id"));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, target.agency_id));
        if (!request->rank().empty()) {
          ASSIGN_OR_RETURN(transfer.new_rank,
                           convert::RankFromProto(request->rank(), current.employee.kind, "rank"));
        }
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(EmployeeRecord moved, store().TransferEmployee(transfer, write));
        *response = convert::ToProto(moved);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::ListAssignments(
    grpc::CallbackServerContext* ctx, const v1::ListAssignmentsRequest* request,
    v1::ListAssignmentsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListAssignments", [=, this](const CallContext& call) -> absl::Status {
        if (request->employee_id().empty())
          return errors::InvalidField("employee_id", "is required");
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListAssignments", request->employee_id()}));
        ASSIGN_OR_RETURN(EmployeeRecord target, store().GetEmployee(request->employee_id()));
        RETURN_IF_ERROR(
            CheckCanReadEmployee(store(), call.principal, target, rpc::TodayInJakarta()));
        ASSIGN_OR_RETURN(store::Page<AssignmentRecord> page,
                         store().ListAssignments(request->employee_id(), list.request));
        for (const auto& a : page.items) *response->add_assignments() = convert::ToProto(a);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::CreateActingOfficial(
    grpc::CallbackServerContext* ctx, const v1::CreateActingOfficialRequest* request,
    v1::ActingOfficial* response) {
  return deps_.calls->Unary(
      ctx, *request, "CreateActingOfficial", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ActingOfficial acting,
                         ActingOfficialFromProto(request->acting_official(), "acting_official."));
        ASSIGN_OR_RETURN(Position position, AsReference(store().GetPosition(acting.position_id),
                                                        "acting_official.position_id"));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, position.agency_id));
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(ActingOfficial created, store().CreateActingOfficial(acting, write));
        *response = convert::ToProto(created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::ListActingOfficials(
    grpc::CallbackServerContext* ctx, const v1::ListActingOfficialsRequest* request,
    v1::ListActingOfficialsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListActingOfficials", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                         AgencyScopedFilter(call.principal, request->filter(),
                                            store::ActingFilterSchema(), CanReadAgencyData));
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListActingOfficials", request->filter()}));
        ASSIGN_OR_RETURN(store::Page<ActingOfficial> page,
                         store().ListActingOfficials(filter, list.request));
        for (const auto& a : page.items) *response->add_acting_officials() = convert::ToProto(a);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::UpdateActingOfficial(
    grpc::CallbackServerContext* ctx, const v1::UpdateActingOfficialRequest* request,
    v1::ActingOfficial* response) {
  return deps_.calls->Unary(
      ctx, *request, "UpdateActingOfficial", [=, this](const CallContext& call) -> absl::Status {
        const v1::ActingOfficial& in = request->acting_official();
        if (in.id().empty()) return errors::InvalidField("acting_official.id", "is required");
        if (request->update_mask().paths().empty()) {
          return errors::InvalidField("update_mask", "name the fields to change");
        }
        ActingUpdate update;
        update.id = in.id();
        Violations v;
        for (const std::string& path : request->update_mask().paths()) {
          if (path == "end_date") {
            update.end_date = v.Take(rpc::DayFromProto(in.end_date(), "acting_official.end_date"));
          } else if (path == "basis") {
            update.basis = in.basis();
          } else {
            v.Add("update_mask",
                  absl::StrCat("unknown path '", path, "'; allowed: end_date, basis"));
          }
        }
        RETURN_IF_ERROR(v.ToStatus());
        // The appointment's agency (which never changes) decides who may change it.
        ASSIGN_OR_RETURN(ActingOfficial current, store().GetActingOfficial(in.id()));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, current.agency_id));
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        absl::StatusOr<ActingOfficial> updated = store().UpdateActingOfficial(update, write);
        if (!updated.ok()) return errors::PrefixField(updated.status(), "acting_official.");
        *response = convert::ToProto(*updated);
        return absl::OkStatus();
      });
}

}  // namespace kinerja::employee::api
