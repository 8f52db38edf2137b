// Public satisfaction survey results (IKM) as imported: what the review and analytics services
// read for a plan's QUALITY indicator (its survey_id).
#include "services/review/api/feedback_support.h"
#include "services/review/api/review_service.h"
#include "services/review/api/support.h"

namespace kinerja::review::api {

grpc::ServerUnaryReactor* ReviewService::ListSurveyResults(
    grpc::CallbackServerContext* ctx, const v1::ListSurveyResultsRequest* request,
    v1::ListSurveyResultsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListSurveyResults", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListSurveyResults", request->filter()}));
        ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                         AgencyScopedFilter(call.principal, request->filter(),
                                            store::ReviewStore::SurveyResultFilterSchema(),
                                            CanReadSurveyResults));
        ASSIGN_OR_RETURN(db::Page<v1::SurveyResult> page,
                         store().ListSurveyResults(filter, list.request));
        for (v1::SurveyResult& r : page.items) {
          RETURN_IF_ERROR(CanReadSurveyResults(call.principal, r.agency_id()));
          *response->add_results() = std::move(r);
        }
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

}  // namespace kinerja::review::api
