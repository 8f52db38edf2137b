// Objections (keberatan): the employee files within the agency's window from delivery, each
// side explains (the employee, the assessor of record), the assessor's superior of the day
// decides, finally; the decision may change the ratings (the predicate is re-derived) and the
// assessment keeps its history (audit before/after).
#include "absl/strings/str_cat.h"
#include "services/review/api/review_service.h"
#include "services/review/api/support.h"
#include "services/review/convert/proto_convert.h"
#include "services/review/domain/access.h"
#include "services/review/domain/objection.h"
#include "services/review/domain/read_access.h"
#include "shared/auth/access_predicates.h"

namespace kinerja::review::api {

grpc::ServerUnaryReactor* ReviewService::FileObjection(grpc::CallbackServerContext* ctx,
                                                       const v1::FileObjectionRequest* request,
                                                       v1::Objection* response) {
  return deps_.calls->Unary(
      ctx, *request, "FileObjection", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->assessment_id(), "assessment_id"));
        ASSIGN_OR_RETURN(AssessmentRecord current, store().GetAssessment(request->assessment_id()));
        ASSIGN_OR_RETURN(ReviewPolicy policy, store().GetPolicy(current.assessment.agency_id));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        const absl::CivilDay today = Today();
        const absl::Time now = deps_.now();
        const Actor actor = ActorOf(call.principal, current.assessment.agency_id);
        ASSIGN_OR_RETURN(
            ObjectionRecord saved,
            store().FileObjection(
                request->assessment_id(),
                [&](const AssessmentRecord& assessment,
                    bool has_objection) -> absl::StatusOr<ObjectionRecord> {
                  const Assessment& a = assessment.assessment;
                  ObjectionFilingFacts facts;
                  facts.today = today;
                  facts.assessment_final = a.state == AssessmentState::kFinalised;
                  facts.delivered = a.delivered_date;
                  facts.already_has_objection = has_objection;
                  facts.filer_is_employee = IsOwnAssessment(actor, a);
                  RETURN_IF_ERROR(AccessRefusal(
                      CheckObjectionFiling(facts, policy.objection, policy.holidays)));
                  ObjectionRecord record;
                  ASSIGN_OR_RETURN(record.objection,
                                   NewObjection(a, today, request->explanation()));
                  ASSIGN_OR_RETURN(
                      record.deadline,
                      ObjectionDeadline(*a.delivered_date, policy.objection, policy.holidays));
                  record.agency_id = a.agency_id;
                  record.employee_id = a.employee.employee_id;
                  record.file_time = now;
                  return record;
                },
                write));
        *response = ToProto(saved);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::ExplainObjection(
    grpc::CallbackServerContext* ctx, const v1::ExplainObjectionRequest* request,
    v1::Objection* response) {
  return deps_.calls->Unary(
      ctx, *request, "ExplainObjection", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->id(), "id"));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(
            ObjectionRecord saved,
            store().ExplainObjection(
                request->id(),
                [&](ObjectionRecord& objection, AssessmentRecord& assessment) -> absl::Status {
                  const Actor actor = ActorOf(call.principal, assessment.assessment.agency_id);
                  const ObjectionSide side = IsOwnAssessment(actor, assessment.assessment)
                                                 ? ObjectionSide::kEmployee
                                                 : ObjectionSide::kAssessor;
                  return AccessRefusal(ApplyExplanation(objection.objection, assessment.assessment,
                                                        actor, side, request->explanation()));
                },
                write));
        *response = ToProto(saved);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::DecideObjection(grpc::CallbackServerContext* ctx,
                                                         const v1::DecideObjectionRequest* request,
                                                         v1::Objection* response) {
  return deps_.calls->Unary(
      ctx, *request, "DecideObjection", [=, this](const CallContext& call) -> absl::Status {
        Violations v;
        if (request->id().empty()) v.Add("id", "is required");
        std::optional<std::optional<Rating>> results =
            v.Take(RatingFromProto(request->results_rating(), "results_rating"));
        std::optional<std::optional<Rating>> behaviour =
            v.Take(RatingFromProto(request->behaviour_rating(), "behaviour_rating"));
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(ObjectionRecord current, store().GetObjection(request->id()));
        ASSIGN_OR_RETURN(AssessmentRecord assessment,
                         store().GetAssessment(current.objection.assessment_id));
        const Assessment& a = assessment.assessment;
        ASSIGN_OR_RETURN(LineOfTheDay line, LineOf(*deps_.employees, a.employee.employee_id,
                                                   assessment.employee_position_id, Today()));
        if (!line.assessor_superior.has_value()) {
          return errors::RuleViolation(
              "NO_ASSESSOR_SUPERIOR",
              absl::StrCat("the employee service finds no assessor's superior for employee ",
                           a.employee.employee_id, " today"));
        }
        const OfficialRecord superior = *line.assessor_superior;
        ASSIGN_OR_RETURN(ActingOfficial acting,
                         AccessRefusal(ActAsAssessorSuperior(ActorOf(call.principal, a.agency_id),
                                                             superior.official, a.employee.nip)));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ObjectionDecisionInput input;
        input.results = *results;
        input.behaviour = *behaviour;
        input.reason = request->note();
        const absl::Time now = deps_.now();
        ASSIGN_OR_RETURN(
            ObjectionRecord saved,
            store().DecideObjection(
                request->id(),
                [&](ObjectionRecord& objection, AssessmentRecord& record) -> absl::Status {
                  RETURN_IF_ERROR(ApplyObjectionDecision(objection.objection, record.assessment,
                                                         input, acting, now));
                  objection.decided_by_position_id = superior.position_id;
                  record.credit_points_thousandths = CreditPointsOf(record);
                  return absl::OkStatus();
                },
                write));
        *response = ToProto(saved);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::GetObjection(grpc::CallbackServerContext* ctx,
                                                      const v1::GetObjectionRequest* request,
                                                      v1::Objection* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetObjection", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->id(), "id"));
        ASSIGN_OR_RETURN(ObjectionRecord record, store().GetObjection(request->id()));
        ASSIGN_OR_RETURN(AssessmentRecord assessment,
                         store().GetAssessment(record.objection.assessment_id));
        RETURN_IF_ERROR(CanReadAssessment(call.principal, assessment.assessment));
        *response = ToProto(record);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::ListObjections(grpc::CallbackServerContext* ctx,
                                                        const v1::ListObjectionsRequest* request,
                                                        v1::ListObjectionsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListObjections", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListObjections", request->filter()}));
        ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                         AgencyScopedFilter(call.principal, request->filter(),
                                            store::ReviewStore::ObjectionFilterSchema(),
                                            CanReadAgency, {"employee_nip"}));
        ASSIGN_OR_RETURN(db::Page<ObjectionRecord> page,
                         store().ListObjections(filter, list.request));
        for (const ObjectionRecord& record : page.items) {
          if (!auth::IsPerson(call.principal, record.objection.employee_nip)) {
            RETURN_IF_ERROR(CanReadAgency(call.principal, record.agency_id));
          }
          *response->add_objections() = ToProto(record);
        }
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

}  // namespace kinerja::review::api
