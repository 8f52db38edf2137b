// Continuous feedback notes (umpan balik berkelanjutan): any time while the plan is not closed,
// by the plan's employee or the assessor of the day (realisation.h CheckFeedbackNote).
#include "services/review/api/feedback_support.h"
#include "services/review/api/review_service.h"
#include "services/review/api/support.h"
#include "services/review/convert/proto_convert.h"
#include "services/review/domain/read_access.h"
#include "services/review/domain/realisation.h"

namespace kinerja::review::api {

grpc::ServerUnaryReactor* ReviewService::AddFeedbackNote(grpc::CallbackServerContext* ctx,
                                                         const v1::AddFeedbackNoteRequest* request,
                                                         v1::FeedbackNote* response) {
  return deps_.calls->Unary(
      ctx, *request, "AddFeedbackNote", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(PlanFacts plan, LoadPlan(*deps_.goals, request->plan_id()));
        ASSIGN_OR_RETURN(std::optional<OfficialRecord> assessor,
                         AssessorOfDay(*deps_.employees, plan, Today()));
        const Actor actor = ActorOf(call.principal, plan.plan.agency_id());
        const Official assessor_official = assessor.has_value() ? assessor->official : Official{};
        absl::StatusOr<NoteAuthorRole> checked = CheckFeedbackNote(
            actor, plan.plan.employee().nip(), assessor_official, plan.closed, request->text());
        RETURN_IF_ERROR(FeedbackRefusal(checked.status()));
        const NoteAuthorRole role = *checked;
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        store::FeedbackNoteEntry entry;
        entry.agency_id = plan.plan.agency_id();
        entry.plan_id = plan.plan.id();
        entry.role = role;
        entry.author =
            role == NoteAuthorRole::kEmployee ? OfficialFrom(plan.plan.employee()) : *assessor;
        entry.text = request->text();
        ASSIGN_OR_RETURN(*response, store().AddFeedbackNote(entry, write));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::ListFeedbackNotes(
    grpc::CallbackServerContext* ctx, const v1::ListFeedbackNotesRequest* request,
    v1::ListFeedbackNotesResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListFeedbackNotes", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListFeedbackNotes", request->plan_id()}));
        ASSIGN_OR_RETURN(PlanFacts plan, LoadPlan(*deps_.goals, request->plan_id()));
        ASSIGN_OR_RETURN(PlanParties parties, PartiesOf(*deps_.employees, plan, Today()));
        RETURN_IF_ERROR(CanReadPlanEntries(call.principal, parties));
        ASSIGN_OR_RETURN(db::Page<v1::FeedbackNote> page,
                         store().ListFeedbackNotes(plan.plan.id(), list.request));
        for (v1::FeedbackNote& n : page.items) *response->add_notes() = std::move(n);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

}  // namespace kinerja::review::api
