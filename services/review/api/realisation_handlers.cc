// Realisations (the plan's employee, or HR for them), HR reopening a window, and the assessor's
// feedback per indicator and window. The window comes from the plan's days and the period's
// cadence; the indicator must be in the plan version in force on the window's first day; the
// domain's rules (realisation.h, windows.h) run inside the store's transaction with the
// window's reopening read there.
#include "absl/strings/str_cat.h"
#include "services/review/api/feedback_support.h"
#include "services/review/api/review_service.h"
#include "services/review/api/support.h"
#include "services/review/convert/proto_convert.h"
#include "services/review/domain/read_access.h"
#include "services/review/domain/realisation.h"
#include "shared/rpc/filter.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::api {
namespace {

std::vector<Evidence> EvidenceFrom(const google::protobuf::RepeatedPtrField<v1::Evidence>& in) {
  std::vector<Evidence> out;
  out.reserve(in.size());
  for (const v1::Evidence& e : in) out.push_back({e.name(), e.link()});
  return out;
}

// The plan_id of a ListRealisations filter (required).
absl::StatusOr<std::string> PlanIdOf(const std::vector<rpc::Condition>& filter) {
  for (const rpc::Condition& c : filter) {
    if (c.field == "plan_id" && c.op == rpc::FilterOp::kEq &&
        std::holds_alternative<std::string>(c.value)) {
      return std::get<std::string>(c.value);
    }
  }
  return errors::InvalidField("filter", "plan_id = \"...\" is required");
}

}  // namespace

grpc::ServerUnaryReactor* ReviewService::RecordRealisation(
    grpc::CallbackServerContext* ctx, const v1::RecordRealisationRequest* request,
    v1::Realisation* response) {
  return deps_.calls->Unary(
      ctx, *request, "RecordRealisation", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<int64_t> expected, ExpectedVersion(request->etag(), ""));
        ASSIGN_OR_RETURN(PlanFacts plan, LoadPlan(*deps_.goals, request->plan_id()));
        ASSIGN_OR_RETURN(Window window, WindowOfPlan(plan, request->window_date(), "window_date"));
        const absl::CivilDay today = Today();
        const Actor actor = ActorOf(call.principal, plan.plan.agency_id());
        const std::string employee_nip = plan.plan.employee().nip();
        if (actor.nip != employee_nip && !actor.hr_admin_of_agency) {
          // Before asking anything more about the plan.
          return FeedbackRefusal(CheckRealisation({}, actor, employee_nip, {}));
        }
        ASSIGN_OR_RETURN(VersionInForce version, VersionOf(*deps_.goals, plan, window));
        ASSIGN_OR_RETURN(ReviewPolicy policy, store().GetPolicy(plan.plan.agency_id()));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        store::RealisationEntry entry;
        entry.agency_id = plan.plan.agency_id();
        entry.employee_id = plan.plan.employee().employee_id();
        entry.plan_revision = version.revision;
        entry.expected_version = expected;
        Realisation& r = entry.realisation;
        r.plan_id = plan.plan.id();
        r.indicator_id = request->indicator_id();
        r.window = window;
        if (request->has_value()) r.value = request->value();
        r.text = request->text();
        r.evidence = EvidenceFrom(request->evidence());
        r.recorded_by = call.principal.subject;
        entry.check = [&, r](std::optional<absl::CivilDay> reopened_until) -> absl::StatusOr<bool> {
          EntryFacts facts;
          facts.today = today;
          facts.indicator_ids = version.indicator_ids;
          facts.window_policy = policy.window;
          facts.window_reopened = ReopenedOn(reopened_until, today);
          RETURN_IF_ERROR(FeedbackRefusal(CheckRealisation(r, actor, employee_nip, facts)));
          return today > WindowCloseDate(window, policy.window);
        };
        ASSIGN_OR_RETURN(*response, store().RecordRealisation(std::move(entry), write));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::ListRealisations(
    grpc::CallbackServerContext* ctx, const v1::ListRealisationsRequest* request,
    v1::ListRealisationsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListRealisations", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListRealisations", request->filter()}));
        ASSIGN_OR_RETURN(
            std::vector<rpc::Condition> filter,
            rpc::ParseFilter(request->filter(), store::ReviewStore::RealisationFilterSchema()));
        ASSIGN_OR_RETURN(std::string plan_id, PlanIdOf(filter));
        ASSIGN_OR_RETURN(PlanFacts plan, LoadPlan(*deps_.goals, plan_id));
        ASSIGN_OR_RETURN(PlanParties parties, PartiesOf(*deps_.employees, plan, Today()));
        RETURN_IF_ERROR(CanReadPlanEntries(call.principal, parties));
        ASSIGN_OR_RETURN(db::Page<v1::Realisation> page,
                         store().ListRealisations(filter, list.request));
        for (v1::Realisation& r : page.items) *response->add_realisations() = std::move(r);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::ReopenWindow(grpc::CallbackServerContext* ctx,
                                                      const v1::ReopenWindowRequest* request,
                                                      v1::WindowReopening* response) {
  return deps_.calls->Unary(
      ctx, *request, "ReopenWindow", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(PlanFacts plan, LoadPlan(*deps_.goals, request->plan_id()));
        ASSIGN_OR_RETURN(Window window, WindowOfPlan(plan, request->window_date(), "window_date"));
        ASSIGN_OR_RETURN(std::optional<absl::CivilDay> until,
                         rpc::OptionalDayFromProto(request->until(), "until"));
        if (!until.has_value()) return errors::InvalidField("until", "is required");
        const Actor actor = ActorOf(call.principal, plan.plan.agency_id());
        RETURN_IF_ERROR(
            FeedbackRefusal(CheckReopenWindow(actor, window, *until, Today(), request->reason())));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        store::WindowReopeningEntry entry{.agency_id = plan.plan.agency_id(),
                                          .plan_id = plan.plan.id(),
                                          .window = window,
                                          .until = *until,
                                          .reason = request->reason(),
                                          .granted_by = call.principal.subject};
        ASSIGN_OR_RETURN(*response, store().ReopenWindow(entry, write));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::GiveIndicatorFeedback(
    grpc::CallbackServerContext* ctx, const v1::GiveIndicatorFeedbackRequest* request,
    v1::IndicatorFeedback* response) {
  return deps_.calls->Unary(
      ctx, *request, "GiveIndicatorFeedback", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(PlanFacts plan, LoadPlan(*deps_.goals, request->plan_id()));
        ASSIGN_OR_RETURN(Window window, WindowOfPlan(plan, request->window_date(), "window_date"));
        const absl::CivilDay today = Today();
        ASSIGN_OR_RETURN(LineOfTheDay line,
                         LineOf(*deps_.employees, plan.plan.employee().employee_id(),
                                plan.plan.employee().position_id(), today));
        const Actor actor = ActorOf(call.principal, plan.plan.agency_id());
        const std::string employee_nip = plan.plan.employee().nip();
        // Who acts first: a caller who is not the assessor of the day learns nothing more.
        ASSIGN_OR_RETURN(ActingOfficial acting, FeedbackRefusal(ActAsAssessor(
                                                    actor, line.assessor.official, employee_nip)));
        ASSIGN_OR_RETURN(VersionInForce version, VersionOf(*deps_.goals, plan, window));
        ASSIGN_OR_RETURN(ReviewPolicy policy, store().GetPolicy(plan.plan.agency_id()));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        store::IndicatorFeedbackEntry entry;
        entry.agency_id = plan.plan.agency_id();
        IndicatorFeedback& f = entry.feedback;
        f.plan_id = plan.plan.id();
        f.indicator_id = request->indicator_id();
        f.window = window;
        f.text = request->text();
        f.recorded_by = call.principal.subject;
        entry.given_by = line.assessor;
        entry.given_by.official.capacity = acting.capacity;
        entry.check = [&, f](std::optional<absl::CivilDay> reopened_until) -> absl::Status {
          EntryFacts facts;
          facts.today = today;
          facts.indicator_ids = version.indicator_ids;
          facts.window_policy = policy.window;
          facts.window_reopened = ReopenedOn(reopened_until, today);
          return FeedbackRefusal(
              CheckIndicatorFeedback(f, actor, line.assessor.official, employee_nip, facts)
                  .status());
        };
        ASSIGN_OR_RETURN(*response, store().GiveIndicatorFeedback(std::move(entry), write));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::ListIndicatorFeedback(
    grpc::CallbackServerContext* ctx, const v1::ListIndicatorFeedbackRequest* request,
    v1::ListIndicatorFeedbackResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListIndicatorFeedback", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListIndicatorFeedback", request->plan_id()}));
        ASSIGN_OR_RETURN(PlanFacts plan, LoadPlan(*deps_.goals, request->plan_id()));
        ASSIGN_OR_RETURN(PlanParties parties, PartiesOf(*deps_.employees, plan, Today()));
        RETURN_IF_ERROR(CanReadPlanEntries(call.principal, parties));
        ASSIGN_OR_RETURN(db::Page<v1::IndicatorFeedback> page,
                         store().ListIndicatorFeedback(plan.plan.id(), list.request));
        for (v1::IndicatorFeedback& f : page.items) *response->add_feedback() = std::move(f);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

}  // namespace kinerja::review::api
