// Delegated assessors (AssessmentDelegation) and regional heads (RegionalHead): the
// organisation's assessors who are not a unit's leader position holder.
#include "absl/strings/str_cat.h"
#include "services/employee/api/employee_service.h"
#include "services/employee/api/request_support.h"
#include "services/employee/convert/resources.h"
#include "services/employee/convert/wire.h"
#include "services/employee/domain/access.h"
#include "services/employee/domain/person_name.h"
#include "shared/text/text.h"

namespace kinerja::employee::api {
namespace {

using server::CallContext;

absl::StatusOr<AssessmentDelegation> DelegationFromProto(const v1::AssessmentDelegation& in) {
  Violations v;
  AssessmentDelegation d;
  d.id = in.id();
  d.agency_id = in.agency_id();
  d.unit_id = in.unit_id();
  d.delegate_employee_id = in.delegate_employee_id();
  d.basis = in.basis();
  if (d.unit_id.empty()) v.Add("delegation.unit_id", "is required");
  if (d.delegate_employee_id.empty()) v.Add("delegation.delegate_employee_id", "is required");
  if (auto day = v.Take(rpc::DayFromProto(in.start_date(), "delegation.start_date"))) {
    d.start_date = *day;
  }
  if (auto day = v.Take(rpc::OptionalDayFromProto(in.end_date(), "delegation.end_date"))) {
    d.end_date = *day;
  }
  RETURN_IF_ERROR(v.ToStatus());
  return d;
}

absl::StatusOr<RegionalHead> HeadFromProto(const v1::RegionalHead& in) {
  Violations v;
  RegionalHead h;
  h.id = in.id();
  h.agency_id = in.agency_id();
  h.name = NormalizePersonName(in.name());
  h.title = in.title();
  h.employee_id = in.employee_id();
  h.unit_id = in.unit_id();
  h.basis = in.basis();
  if (in.kind() == v1::REGIONAL_HEAD_KIND_ELECTED) {
    h.kind = RegionalHeadKind::kElected;
  } else if (in.kind() == v1::REGIONAL_HEAD_KIND_PJ) {
    h.kind = RegionalHeadKind::kPj;
    if (!h.name.empty()) v.Add("head.name", "a Pj's name is the employee record's; leave it empty");
  } else {
    v.Add("head.kind", "must be ELECTED or PJ");
  }
  if (h.unit_id.empty()) v.Add("head.unit_id", "is required");
  if (auto day = v.Take(rpc::DayFromProto(in.term_start(), "head.term_start"))) {
    h.term_start = *day;
  }
  if (auto day = v.Take(rpc::OptionalDayFromProto(in.term_end(), "head.term_end"))) {
    h.term_end = *day;
  }
  RETURN_IF_ERROR(v.ToStatus());
  return h;
}

}  // namespace

grpc::ServerUnaryReactor* EmployeeService::CreateAssessmentDelegation(
    grpc::CallbackServerContext* ctx, const v1::CreateAssessmentDelegationRequest* request,
    v1::AssessmentDelegation* response) {
  return deps_.calls->Unary(
      ctx, *request, "CreateAssessmentDelegation",
      [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(AssessmentDelegation delegation,
                         DelegationFromProto(request->delegation()));
        ASSIGN_OR_RETURN(OrgUnit unit,
                         AsReference(store().GetOrgUnit(delegation.unit_id), "delegation.unit_id"));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, unit.agency_id));
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        absl::StatusOr<AssessmentDelegation> created =
            store().CreateAssessmentDelegation(delegation, write);
        if (!created.ok()) return errors::PrefixField(created.status(), "delegation.");
        *response = convert::ToProto(*created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::ListAssessmentDelegations(
    grpc::CallbackServerContext* ctx, const v1::ListAssessmentDelegationsRequest* request,
    v1::ListAssessmentDelegationsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListAssessmentDelegations",
      [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                         AgencyScopedFilter(call.principal, request->filter(),
                                            store::DelegationFilterSchema(), CanReadAgencyData));
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListAssessmentDelegations", request->filter()}));
        ASSIGN_OR_RETURN(store::Page<AssessmentDelegation> page,
                         store().ListAssessmentDelegations(filter, list.request));
        for (const auto& d : page.items) *response->add_delegations() = convert::ToProto(d);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::EndAssessmentDelegation(
    grpc::CallbackServerContext* ctx, const v1::EndAssessmentDelegationRequest* request,
    v1::AssessmentDelegation* response) {
  return deps_.calls->Unary(
      ctx, *request, "EndAssessmentDelegation", [=, this](const CallContext& call) -> absl::Status {
        Violations v;
        if (request->id().empty()) v.Add("id", "is required");
        std::optional<absl::CivilDay> end =
            v.Take(rpc::DayFromProto(request->end_date(), "end_date"));
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(AssessmentDelegation current,
                         store().GetAssessmentDelegation(request->id()));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, current.agency_id));
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(AssessmentDelegation ended,
                         store().EndAssessmentDelegation(request->id(), *end, write));
        *response = convert::ToProto(ended);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::CreateRegionalHead(
    grpc::CallbackServerContext* ctx, const v1::CreateRegionalHeadRequest* request,
    v1::RegionalHead* response) {
  return deps_.calls->Unary(
      ctx, *request, "CreateRegionalHead", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(RegionalHead head, HeadFromProto(request->head()));
        ASSIGN_OR_RETURN(OrgUnit unit,
                         AsReference(store().GetOrgUnit(head.unit_id), "head.unit_id"));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, unit.agency_id));
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        absl::StatusOr<RegionalHead> created = store().CreateRegionalHead(head, write);
        if (!created.ok()) return errors::PrefixField(created.status(), "head.");
        *response = convert::ToProto(*created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::ListRegionalHeads(
    grpc::CallbackServerContext* ctx, const v1::ListRegionalHeadsRequest* request,
    v1::ListRegionalHeadsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListRegionalHeads", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                         AgencyScopedFilter(call.principal, request->filter(),
                                            store::RegionalHeadFilterSchema(), CanReadAgencyData));
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListRegionalHeads", request->filter()}));
        ASSIGN_OR_RETURN(store::Page<RegionalHead> page,
                         store().ListRegionalHeads(filter, list.request));
        for (const auto& h : page.items) *response->add_heads() = convert::ToProto(h);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::UpdateRegionalHead(
    grpc::CallbackServerContext* ctx, const v1::UpdateRegionalHeadRequest* request,
    v1::RegionalHead* response) {
  return deps_.calls->Unary(
      ctx, *request, "UpdateRegionalHead", [=, this](const CallContext& call) -> absl::Status {
        const v1::RegionalHead& in = request->head();
        if (in.id().empty()) return errors::InvalidField("head.id", "is required");
        if (request->update_mask().paths().empty()) {
          return errors::InvalidField("update_mask", "name the fields to change");
        }
        ASSIGN_OR_RETURN(RegionalHead current, store().GetRegionalHead(in.id()));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, current.agency_id));
        RegionalHeadUpdate update;
        update.id = in.id();
        ASSIGN_OR_RETURN(update.expected_version, ExpectedVersion(in.etag(), "head."));
        Violations v;
        for (const std::string& path : request->update_mask().paths()) {
          if (path == "name") {
            update.name = NormalizePersonName(in.name());
          } else if (path == "title") {
            update.title = in.title();
          } else if (path == "term_end") {
            update.term_end = v.Take(rpc::OptionalDayFromProto(in.term_end(), "head.term_end"));
          } else if (path == "basis") {
            update.basis = in.basis();
          } else {
            v.Add("update_mask",
                  absl::StrCat("unknown path '", path, "'; allowed: name, title, term_end, basis"));
          }
        }
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        absl::StatusOr<RegionalHead> updated = store().UpdateRegionalHead(update, write);
        if (!updated.ok()) return errors::PrefixField(updated.status(), "head.");
        *response = convert::ToProto(*updated);
        return absl::OkStatus();
      });
}

}  // namespace kinerja::employee::api
