// Organisation predicates: set by the leader one level up of the day (the leader of the parent
// unit; for the root unit the regional head who leads it; an HR admin of the agency records the
// decision of a NON-ASN head), listed per agency.
#include "absl/strings/str_cat.h"
#include "services/review/api/review_service.h"
#include "services/review/api/support.h"
#include "services/review/convert/proto_convert.h"
#include "services/review/domain/access.h"
#include "services/review/domain/assessment.h"
#include "services/review/domain/read_access.h"

namespace kinerja::review::api {

grpc::ServerUnaryReactor* ReviewService::SetOrgPredicate(grpc::CallbackServerContext* ctx,
                                                         const v1::SetOrgPredicateRequest* request,
                                                         v1::OrgPredicateDecision* response) {
  return deps_.calls->Unary(
      ctx, *request, "SetOrgPredicate", [=, this](const CallContext& call) -> absl::Status {
        Violations v;
        if (request->unit_id().empty()) v.Add("unit_id", "is required");
        if (request->period_id().empty()) v.Add("period_id", "is required");
        std::optional<OrgPredicate> predicate =
            v.Take(OrgPredicateFromProto(request->predicate(), "predicate"));
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(employee::v1::OrgUnit unit,
                         Referenced(deps_.employees->GetOrgUnit(request->unit_id()), "unit_id"));
        ASSIGN_OR_RETURN(goals::v1::Period period,
                         Referenced(deps_.goals->GetPeriod(request->period_id()), "period_id"));
        if (period.agency_id() != unit.agency_id()) {
          return errors::RuleViolation("DIFFERENT_AGENCY",
                                       absl::StrCat("period_id: period ", period.id(),
                                                    " is not of unit ", unit.id(), "'s agency"));
        }
        const absl::CivilDay today = Today();
        ASSIGN_OR_RETURN(UnitLeaders leaders, LeadersOf(*deps_.employees, unit, today));
        ASSIGN_OR_RETURN(
            ActingOfficial acting,
            AccessRefusal(ActAsParentUnitLeader(ActorOf(call.principal, unit.agency_id()),
                                                leaders.leader_above.official, leaders.head_nip)));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        const absl::Time now = deps_.now();
        OrgPredicateInput input;
        input.agency_id = unit.agency_id();
        input.unit_id = unit.id();
        input.kind = AssessmentKind::kAnnual;
        input.window.year = period.year();
        input.predicate = *predicate;
        input.note = request->note();
        store::OrgPredicateChange change;
        change.agency_id = unit.agency_id();
        change.unit_id = unit.id();
        change.period_id = period.id();
        change.decided_by_position_id = leaders.leader_above.position_id;
        change.decide = [&](int finalised_in_unit) {
          return DecideOrgPredicate(input, acting, finalised_in_unit, now);
        };
        ASSIGN_OR_RETURN(OrgPredicateRecord saved,
                         store().SetOrgPredicate(std::move(change), write));
        *response = ToProto(saved);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::ListOrgPredicates(
    grpc::CallbackServerContext* ctx, const v1::ListOrgPredicatesRequest* request,
    v1::ListOrgPredicatesResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListOrgPredicates", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListOrgPredicates", request->filter()}));
        ASSIGN_OR_RETURN(
            std::vector<rpc::Condition> filter,
            AgencyScopedFilter(call.principal, request->filter(),
                               store::ReviewStore::OrgPredicateFilterSchema(), CanReadAgency));
        ASSIGN_OR_RETURN(db::Page<OrgPredicateRecord> page,
                         store().ListOrgPredicates(filter, list.request));
        for (const OrgPredicateRecord& record : page.items) {
          RETURN_IF_ERROR(CanReadAgency(call.principal, record.decision.agency_id));
          *response->add_decisions() = ToProto(record);
        }
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

}  // namespace kinerja::review::api
