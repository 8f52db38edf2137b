// Agencies (instansi): create, get, list, update.
#include "absl/strings/str_cat.h"
#include "services/employee/api/access_support.h"
#include "services/employee/api/employee_service.h"
#include "services/employee/api/request_support.h"
#include "services/employee/api/resource_convert.h"
#include "services/employee/convert/resources.h"
#include "services/employee/domain/access.h"
#include "shared/text/text.h"

namespace kinerja::employee::api {

using server::CallContext;

grpc::ServerUnaryReactor* EmployeeService::CreateAgency(grpc::CallbackServerContext* ctx,
                                                        const v1::CreateAgencyRequest* request,
                                                        v1::Agency* response) {
  return deps_.calls->Unary(
      ctx, *request, "CreateAgency", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(Agency agency, AgencyFromProto(request->agency(), "agency."));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, agency.id));
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(Agency created, store().CreateAgency(agency, write));
        *response = convert::ToProto(created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::GetAgency(grpc::CallbackServerContext* ctx,
                                                     const v1::GetAgencyRequest* request,
                                                     v1::Agency* response) {
  return deps_.calls->Unary(ctx, *request, "GetAgency",
                            [=, this](const CallContext& call) -> absl::Status {
                              if (request->id().empty())
                                return errors::InvalidField("id", "is required");
                              RETURN_IF_ERROR(CanReadAgencyData(call.principal, request->id()));
                              ASSIGN_OR_RETURN(Agency agency, store().GetAgency(request->id()));
                              *response = convert::ToProto(agency);
                              return absl::OkStatus();
                            });
}

grpc::ServerUnaryReactor* EmployeeService::ListAgencies(grpc::CallbackServerContext* ctx,
                                                        const v1::ListAgenciesRequest* request,
                                                        v1::ListAgenciesResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListAgencies", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list, StartList(*deps_.page_tokens, request->page_size(),
                                                  request->page_token(), {"ListAgencies"}));
        if (!ReadsEveryAgency(call.principal)) {
          // An HR admin's list is their own agency.
          RETURN_IF_ERROR(CanReadAgencyData(call.principal, call.principal.agency_id));
          if (list.request.after.empty()) {
            ASSIGN_OR_RETURN(Agency own, store().GetAgency(call.principal.agency_id));
            *response->add_agencies() = convert::ToProto(own);
          }
          return absl::OkStatus();
        }
        ASSIGN_OR_RETURN(store::Page<Agency> page, store().ListAgencies(list.request));
        for (const Agency& agency : page.items)
          *response->add_agencies() = convert::ToProto(agency);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::UpdateAgency(grpc::CallbackServerContext* ctx,
                                                        const v1::UpdateAgencyRequest* request,
                                                        v1::Agency* response) {
  return deps_.calls->Unary(
      ctx, *request, "UpdateAgency", [=, this](const CallContext& call) -> absl::Status {
        const v1::Agency& in = request->agency();
        if (in.id().empty()) return errors::InvalidField("agency.id", "is required");
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, in.id()));
        AgencyUpdate update;
        update.id = in.id();
        ASSIGN_OR_RETURN(update.expected_version, ExpectedVersion(in.etag(), "agency."));
        std::vector<std::string> paths(request->update_mask().paths().begin(),
                                       request->update_mask().paths().end());
        if (paths.empty()) paths = {"name", "head_title", "kind"};  // AIP-134: all mutable fields
        Violations v;
        for (const std::string& path : paths) {
          if (path == "name") {
            if (in.name().empty()) v.Add("agency.name", "is required");
            update.name = in.name();
          } else if (path == "head_title") {
            update.head_title = in.head_title();
          } else if (path == "kind") {
            update.kind = v.Take(AgencyKindFromProto(in.kind(), "agency.kind"));
          } else {
            v.Add("update_mask",
                  absl::StrCat("unknown path '", path, "'; allowed: name, head_title, kind"));
          }
        }
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(Agency updated, store().UpdateAgency(update, write));
        *response = convert::ToProto(updated);
        return absl::OkStatus();
      });
}

}  // namespace kinerja::employee::api
