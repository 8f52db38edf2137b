// 360 rounds: opened by the assessor of the day or HR for an employee and their plan, raters =
// peers and direct subordinates on the open day (employee service); answered once per invited
// rater; summaries released only from k raters on (ReviewPolicy.anonymity_threshold). Rater
// identity never leaves the store next to an answer (docs/design.md "360 anonymity").
#include "absl/strings/str_cat.h"
#include "services/review/api/feedback_support.h"
#include "services/review/api/review_service.h"
#include "services/review/api/support.h"
#include "services/review/domain/read_access.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::api {
namespace {

namespace ev1 = ::kinerja::employee::v1;

std::vector<Candidate> CandidatesOf(const std::vector<ev1::Official>& officials) {
  std::vector<Candidate> out;
  for (const ev1::Official& o : officials) {
    if (o.kind() == ev1::Official::KIND_NON_ASN) continue;
    out.push_back({o.nip(), o.employee_id()});
  }
  return out;
}

Round360 RoundOf(const store::RoundRow& row) {
  Round360 r;
  r.id = row.round.id();
  r.agency_id = row.round.agency_id();
  r.plan_id = row.round.plan_id();
  r.rated_nip = row.employee_nip;
  r.day = rpc::DayFromProto(row.round.open_date(), "open_date").value_or(absl::CivilDay());
  r.state = row.round.state() == v1::ROUND_STATE_CLOSED ? RoundState::kClosed : RoundState::kOpen;
  return r;
}

absl::CivilDay CloseDateOf(const store::RoundRow& row) {
  return rpc::DayFromProto(row.round.close_date(), "close_date").value_or(absl::CivilDay());
}

// The released summary for events (nullopt while withheld).
auto ReleasedSummary(int threshold) {
  return [threshold](const v1::FeedbackRound& round,
                     const std::vector<Answer360>& answers) -> std::optional<v1::FeedbackSummary> {
    absl::StatusOr<Aggregate360> aggregate =
        Aggregate(answers, Feedback360Policy{.min_raters = threshold});
    if (!aggregate.ok() || !aggregate->released) return std::nullopt;
    return SummaryToProto(round, *aggregate, threshold);
  };
}

}  // namespace

grpc::ServerUnaryReactor* ReviewService::OpenFeedbackRound(
    grpc::CallbackServerContext* ctx, const v1::OpenFeedbackRoundRequest* request,
    v1::FeedbackRound* response) {
  return deps_.calls->Unary(
      ctx, *request, "OpenFeedbackRound", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->employee_id(), "employee_id"));
        ASSIGN_OR_RETURN(std::optional<absl::CivilDay> close_date,
                         rpc::OptionalDayFromProto(request->close_date(), "close_date"));
        if (!close_date.has_value()) return errors::InvalidField("close_date", "is required");
        ASSIGN_OR_RETURN(PlanFacts plan, LoadPlan(*deps_.goals, request->plan_id()));
        if (plan.plan.employee().employee_id() != request->employee_id()) {
          return errors::InvalidField(
              "plan_id", absl::StrCat("is not a plan of employee ", request->employee_id()));
        }
        if (plan.closed) {
          return errors::RuleViolation("PLAN_CLOSED", "the plan is closed: no new 360 round");
        }
        const absl::CivilDay today = Today();
        ASSIGN_OR_RETURN(std::optional<OfficialRecord> assessor,
                         AssessorOfDay(*deps_.employees, plan, today));
        const Actor actor = ActorOf(call.principal, plan.plan.agency_id());
        const std::string rated_nip = plan.plan.employee().nip();
        ASSIGN_OR_RETURN(std::string opened_by,
                         FeedbackRefusal(CheckOpenRound(
                             actor, assessor.has_value() ? assessor->official : Official{},
                             rated_nip, today, *close_date)));
        ASSIGN_OR_RETURN(std::vector<ev1::Official> peers,
                         deps_.employees->ListPeers(request->employee_id(), today));
        ASSIGN_OR_RETURN(std::vector<ev1::Official> reports,
                         deps_.employees->ListDirectReports(request->employee_id(), today));
        ASSIGN_OR_RETURN(std::vector<Invitation> invitations,
                         InviteRaters(rated_nip, CandidatesOf(peers), CandidatesOf(reports)));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        store::RoundOpening opening{.agency_id = plan.plan.agency_id(),
                                    .employee_id = request->employee_id(),
                                    .employee_nip = rated_nip,
                                    .plan_id = plan.plan.id(),
                                    .open_date = today,
                                    .close_date = *close_date,
                                    .opened_by = opened_by,
                                    .invitations = std::move(invitations)};
        ASSIGN_OR_RETURN(*response, store().OpenFeedbackRound(opening, write));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::AnswerFeedbackRound(
    grpc::CallbackServerContext* ctx, const v1::AnswerFeedbackRoundRequest* request,
    v1::FeedbackRound* response) {
  return deps_.calls->Unary(
      ctx, *request, "AnswerFeedbackRound", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->round_id(), "round_id"));
        ASSIGN_OR_RETURN(std::vector<ValueAnswer> answers, AnswersFromProto(request->answers()));
        if (call.principal.nip.empty()) {
          return FeedbackRefusal(errors::RuleViolation(
              "NOT_ELIGIBLE_RATER", "only invited civil servants answer a 360 round"));
        }
        ASSIGN_OR_RETURN(store::RoundRow round, store().GetFeedbackRound(request->round_id()));
        ASSIGN_OR_RETURN(ReviewPolicy policy, store().GetPolicy(round.round.agency_id()));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        const absl::CivilDay today = Today();
        const std::string rater = call.principal.nip;
        store::RoundAnswer answer;
        answer.round_id = request->round_id();
        answer.rater_nip = rater;
        answer.answers = answers;
        answer.comment = request->comment();
        answer.check = [&](const store::RoundRow& locked,
                           const RoundRaters& raters) -> absl::Status {
          RETURN_IF_ERROR(FeedbackRefusal(
              CheckAnswer(RoundOf(locked), rater, answers, request->comment(), raters).status()));
          return CheckRoundDate(CloseDateOf(locked), today);
        };
        ASSIGN_OR_RETURN(*response,
                         store().AnswerFeedbackRound(std::move(answer), write,
                                                     ReleasedSummary(policy.anonymity_threshold)));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::CloseFeedbackRound(
    grpc::CallbackServerContext* ctx, const v1::CloseFeedbackRoundRequest* request,
    v1::FeedbackRound* response) {
  return deps_.calls->Unary(
      ctx, *request, "CloseFeedbackRound", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->round_id(), "round_id"));
        ASSIGN_OR_RETURN(store::RoundRow round, store().GetFeedbackRound(request->round_id()));
        ASSIGN_OR_RETURN(PlanFacts plan, LoadPlan(*deps_.goals, round.round.plan_id()));
        const absl::CivilDay today = Today();
        ASSIGN_OR_RETURN(std::optional<OfficialRecord> assessor,
                         AssessorOfDay(*deps_.employees, plan, today));
        const Actor actor = ActorOf(call.principal, round.round.agency_id());
        // The same people who may open a round may close it.
        RETURN_IF_ERROR(FeedbackRefusal(
            CheckOpenRound(actor, assessor.has_value() ? assessor->official : Official{},
                           round.employee_nip, today, today)
                .status()));
        ASSIGN_OR_RETURN(ReviewPolicy policy, store().GetPolicy(round.round.agency_id()));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(*response, store().CloseFeedbackRound(
                                        request->round_id(),
                                        [](const store::RoundRow& locked) -> absl::Status {
                                          Round360 r = RoundOf(locked);
                                          return ApplyCloseRound(r);
                                        },
                                        write, ReleasedSummary(policy.anonymity_threshold)));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::GetFeedbackSummary(
    grpc::CallbackServerContext* ctx, const v1::GetFeedbackSummaryRequest* request,
    v1::FeedbackSummary* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetFeedbackSummary", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->round_id(), "round_id"));
        ASSIGN_OR_RETURN(store::RoundRow round, store().GetFeedbackRound(request->round_id()));
        ASSIGN_OR_RETURN(PlanFacts plan, LoadPlan(*deps_.goals, round.round.plan_id()));
        ASSIGN_OR_RETURN(PlanParties parties, PartiesOf(*deps_.employees, plan, Today()));
        parties.employee_nip = round.employee_nip;
        RETURN_IF_ERROR(CanReadFeedbackSummary(call.principal, parties));
        ASSIGN_OR_RETURN(ReviewPolicy policy, store().GetPolicy(round.round.agency_id()));
        ASSIGN_OR_RETURN(std::vector<Answer360> answers, store().RoundAnswers(round.round.id()));
        ASSIGN_OR_RETURN(
            Aggregate360 aggregate,
            Aggregate(answers, Feedback360Policy{.min_raters = policy.anonymity_threshold}));
        *response = SummaryToProto(round.round, aggregate, policy.anonymity_threshold);
        return absl::OkStatus();
      });
}

}  // namespace kinerja::review::api
