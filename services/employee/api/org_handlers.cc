// Organisation: units (UNOR) and positions (jabatan).
#include "absl/strings/str_cat.h"
#include "services/employee/api/employee_service.h"
#include "services/employee/api/request_support.h"
#include "services/employee/api/resource_convert.h"
#include "services/employee/convert/resources.h"
#include "services/employee/convert/wire.h"
#include "services/employee/domain/access.h"
#include "services/employee/domain/position.h"
#include "shared/text/text.h"

namespace kinerja::employee::api {

using server::CallContext;

grpc::ServerUnaryReactor* EmployeeService::CreateOrgUnit(grpc::CallbackServerContext* ctx,
                                                         const v1::CreateOrgUnitRequest* request,
                                                         v1::OrgUnit* response) {
  return deps_.calls->Unary(
      ctx, *request, "CreateOrgUnit", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(OrgUnit unit, OrgUnitFromProto(request->unit(), "unit."));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, unit.agency_id));
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(OrgUnit created, store().CreateOrgUnit(unit, write));
        *response = convert::ToProto(created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::GetOrgUnit(grpc::CallbackServerContext* ctx,
                                                      const v1::GetOrgUnitRequest* request,
                                                      v1::OrgUnit* response) {
  return deps_.calls->Unary(ctx, *request, "GetOrgUnit",
                            [=, this](const CallContext& call) -> absl::Status {
                              if (request->id().empty())
                                return errors::InvalidField("id", "is required");
                              ASSIGN_OR_RETURN(OrgUnit unit, store().GetOrgUnit(request->id()));
                              RETURN_IF_ERROR(CanReadAgencyData(call.principal, unit.agency_id));
                              *response = convert::ToProto(unit);
                              return absl::OkStatus();
                            });
}

grpc::ServerUnaryReactor* EmployeeService::ListOrgUnits(grpc::CallbackServerContext* ctx,
                                                        const v1::ListOrgUnitsRequest* request,
                                                        v1::ListOrgUnitsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListOrgUnits", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                         AgencyScopedFilter(call.principal, request->filter(),
                                            store::OrgUnitFilterSchema(), CanReadAgencyData));
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListOrgUnits", request->filter()}));
        ASSIGN_OR_RETURN(store::Page<OrgUnit> page, store().ListOrgUnits(filter, list.request));
        for (const OrgUnit& unit : page.items) *response->add_units() = convert::ToProto(unit);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::CreatePosition(grpc::CallbackServerContext* ctx,
                                                          const v1::CreatePositionRequest* request,
                                                          v1::Position* response) {
  return deps_.calls->Unary(
      ctx, *request, "CreatePosition", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(Position position, PositionFromProto(request->position(), "position."));
        ASSIGN_OR_RETURN(OrgUnit unit,
                         AsReference(store().GetOrgUnit(position.unit_id), "position.unit_id"));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, unit.agency_id));
        // A unit's leader is its staff's assessor (reporting_line.h trusts this check).
        if (request->unit_leader() && !MayBeAssessor(position.type)) {
          return errors::RuleViolation(
              "LEADER_NOT_ASSESSOR",
              absl::StrCat("position.type: a ", ToAbsl(PositionTypeLabel(position.type)),
                           " position cannot lead a unit; its holder could not be an assessor "
                           "(at least Pengawas)"));
        }
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(Position created,
                         store().CreatePosition(position, request->unit_leader(), write));
        *response = convert::ToProto(created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::GetPosition(grpc::CallbackServerContext* ctx,
                                                       const v1::GetPositionRequest* request,
                                                       v1::Position* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetPosition", [=, this](const CallContext& call) -> absl::Status {
        if (request->id().empty()) return errors::InvalidField("id", "is required");
        ASSIGN_OR_RETURN(Position position, store().GetPosition(request->id()));
        RETURN_IF_ERROR(CanReadAgencyData(call.principal, position.agency_id));
        *response = convert::ToProto(position);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::ListPositions(grpc::CallbackServerContext* ctx,
                                                         const v1::ListPositionsRequest* request,
                                                         v1::ListPositionsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListPositions", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                         AgencyScopedFilter(call.principal, request->filter(),
                                            store::PositionFilterSchema(), CanReadAgencyData));
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListPositions", request->filter()}));
        ASSIGN_OR_RETURN(store::Page<Position> page, store().ListPositions(filter, list.request));
        for (const Position& p : page.items) *response->add_positions() = convert::ToProto(p);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

namespace {

// The store's INVALID_ARGUMENT names the field without the request path; add it.
template <typename T>
absl::StatusOr<T> Prefixed(absl::StatusOr<T> result, std::string_view prefix) {
  if (result.ok()) return result;
  return errors::PrefixField(result.status(), ToAbsl(prefix));
}

}  // namespace

grpc::ServerUnaryReactor* EmployeeService::UpdateOrgUnit(grpc::CallbackServerContext* ctx,
                                                         const v1::UpdateOrgUnitRequest* request,
                                                         v1::OrgUnit* response) {
  return deps_.calls->Unary(
      ctx, *request, "UpdateOrgUnit", [=, this](const CallContext& call) -> absl::Status {
        const v1::OrgUnit& in = request->unit();
        if (in.id().empty()) return errors::InvalidField("unit.id", "is required");
        ASSIGN_OR_RETURN(OrgUnit current, store().GetOrgUnit(in.id()));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, current.agency_id));
        OrgUnitUpdate update;
        update.id = in.id();
        ASSIGN_OR_RETURN(update.expected_version, ExpectedVersion(in.etag(), "unit."));
        if (request->update_mask().paths().empty()) {
          return errors::InvalidField("update_mask", "name the fields to change");
        }
        Violations v;
        for (const std::string& path : request->update_mask().paths()) {
          if (path == "name") {
            if (in.name().empty()) v.Add("unit.name", "is required");
            update.name = in.name();
          } else if (path == "parent_id") {
            update.parent_id = in.parent_id();
          } else if (path == "leader_position_id") {
            update.leader_position_id = in.leader_position_id();
          } else if (path == "end_date") {
            update.end_date = v.Take(rpc::OptionalDayFromProto(in.end_date(), "unit.end_date"));
          } else {
            v.Add("update_mask",
                  absl::StrCat("unknown path '", path,
                               "'; allowed: name, parent_id, leader_position_id, end_date"));
          }
        }
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(OrgUnit updated, Prefixed(store().UpdateOrgUnit(update, write), "unit."));
        *response = convert::ToProto(updated);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::UpdatePosition(grpc::CallbackServerContext* ctx,
                                                          const v1::UpdatePositionRequest* request,
                                                          v1::Position* response) {
  return deps_.calls->Unary(
      ctx, *request, "UpdatePosition", [=, this](const CallContext& call) -> absl::Status {
        const v1::Position& in = request->position();
        if (in.id().empty()) return errors::InvalidField("position.id", "is required");
        ASSIGN_OR_RETURN(Position current, store().GetPosition(in.id()));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, current.agency_id));
        PositionUpdate update;
        update.id = in.id();
        ASSIGN_OR_RETURN(update.expected_version, ExpectedVersion(in.etag(), "position."));
        if (request->update_mask().paths().empty()) {
          return errors::InvalidField("update_mask", "name the fields to change");
        }
        Violations v;
        for (const std::string& path : request->update_mask().paths()) {
          if (path == "name") {
            if (in.name().empty()) v.Add("position.name", "is required");
            update.name = in.name();
          } else if (path == "type") {
            update.type = v.Take(convert::PositionTypeFromProto(in.type(), "position.type"));
          } else if (path == "functional_level") {
            update.functional_level = v.Take(convert::FunctionalLevelFromProto(
                in.functional_level(), "position.functional_level"));
          } else if (path == "eselon") {
            update.eselon = v.Take(convert::EselonFromProto(in.eselon(), "position.eselon"));
          } else {
            v.Add("update_mask", absl::StrCat("unknown path '", path,
                                              "'; allowed: name, type, functional_level, eselon"));
          }
        }
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(Position updated,
                         Prefixed(store().UpdatePosition(update, write), "position."));
        *response = convert::ToProto(updated);
        return absl::OkStatus();
      });
}

}  // namespace kinerja::employee::api
