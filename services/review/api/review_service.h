// kinerja.review.v1.ReviewService on the gRPC callback API: thin adapters that convert requests
// to records (convert/proto_convert.h), resolve the officials of the day through the employee
// service and the plan through the goals service, check access with the domain
// (domain/access.h, domain/read_access.h), run the store on the worker pool (CallRunner) with
// the domain's rules as callbacks, and convert the answer back. No SQL and no business rules
// here.
//
// Methods by area, one file each: policy_handlers.cc (review policy), org_predicate_handlers.cc,
// assessment_handlers.cc, objection_handlers.cc, export_handlers.cc (server streaming),
// event_handlers.cc; the feedback area: realisation_handlers.cc, feedback_handlers.cc,
// feedback360_handlers.cc, survey_handlers.cc, survey_import_reactor.cc.
#pragma once

#include <grpcpp/grpcpp.h>

#include <functional>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "kinerja/review/v1/review_service.grpc.pb.h"
#include "services/review/store/review_store.h"
#include "shared/clients/employee_client.h"
#include "shared/clients/goals_client.h"
#include "shared/server/call.h"
#include "shared/server/host_deps.h"
#include "shared/server/service_host.h"

namespace kinerja::review::api {

namespace v1 = ::kinerja::review::v1;

inline constexpr char kServiceName[] = "kinerja.review.v1.ReviewService";

// What the service runs on; all owned elsewhere (by the ServiceHost and the service's parts).
struct ServiceDeps : server::HostDeps {
  store::ReviewStore* store = nullptr;
  clients::EmployeeClient* employees = nullptr;
  clients::GoalsClient* goals = nullptr;
  // The clock of "the day" of each act and of delivery (tests may pin it).
  std::function<absl::Time()> now = [] { return absl::Now(); };

  static ServiceDeps FromHost(server::ServiceHost& host, store::ReviewStore& store,
                              clients::EmployeeClient& employees, clients::GoalsClient& goals);
};

// name "review", the gRPC service name for health, the store's migrations.
server::ServiceSettings ReviewServiceSettings();

class ReviewService final : public v1::ReviewService::CallbackService {
 public:
  explicit ReviewService(ServiceDeps deps);

  // Review policy (policy_handlers.cc).
  grpc::ServerUnaryReactor* GetReviewPolicy(grpc::CallbackServerContext* ctx,
                                            const v1::GetReviewPolicyRequest* request,
                                            v1::ReviewPolicy* response) override;
  grpc::ServerUnaryReactor* UpdateReviewPolicy(grpc::CallbackServerContext* ctx,
                                               const v1::UpdateReviewPolicyRequest* request,
                                               v1::ReviewPolicy* response) override;

  // Organisation predicates (org_predicate_handlers.cc).
  grpc::ServerUnaryReactor* SetOrgPredicate(grpc::CallbackServerContext* ctx,
                                            const v1::SetOrgPredicateRequest* request,
                                            v1::OrgPredicateDecision* response) override;
  grpc::ServerUnaryReactor* ListOrgPredicates(grpc::CallbackServerContext* ctx,
                                              const v1::ListOrgPredicatesRequest* request,
                                              v1::ListOrgPredicatesResponse* response) override;

  // Assessments (assessment_handlers.cc).
  grpc::ServerUnaryReactor* RateAssessment(grpc::CallbackServerContext* ctx,
                                           const v1::RateAssessmentRequest* request,
                                           v1::Assessment* response) override;
  grpc::ServerUnaryReactor* FinaliseAssessment(grpc::CallbackServerContext* ctx,
                                               const v1::FinaliseAssessmentRequest* request,
                                               v1::Assessment* response) override;
  grpc::ServerUnaryReactor* GetAssessment(grpc::CallbackServerContext* ctx,
                                          const v1::GetAssessmentRequest* request,
                                          v1::Assessment* response) override;
  grpc::ServerUnaryReactor* ListAssessments(grpc::CallbackServerContext* ctx,
                                            const v1::ListAssessmentsRequest* request,
                                            v1::ListAssessmentsResponse* response) override;

  // Objections (objection_handlers.cc).
  grpc::ServerUnaryReactor* FileObjection(grpc::CallbackServerContext* ctx,
                                          const v1::FileObjectionRequest* request,
                                          v1::Objection* response) override;
  grpc::ServerUnaryReactor* ExplainObjection(grpc::CallbackServerContext* ctx,
                                             const v1::ExplainObjectionRequest* request,
                                             v1::Objection* response) override;
  grpc::ServerUnaryReactor* DecideObjection(grpc::CallbackServerContext* ctx,
                                            const v1::DecideObjectionRequest* request,
                                            v1::Objection* response) override;
  grpc::ServerUnaryReactor* GetObjection(grpc::CallbackServerContext* ctx,
                                         const v1::GetObjectionRequest* request,
                                         v1::Objection* response) override;
  grpc::ServerUnaryReactor* ListObjections(grpc::CallbackServerContext* ctx,
                                           const v1::ListObjectionsRequest* request,
                                           v1::ListObjectionsResponse* response) override;

  // Realisations, window reopenings and the assessor's indicator feedback
  // (realisation_handlers.cc).
  grpc::ServerUnaryReactor* RecordRealisation(grpc::CallbackServerContext* ctx,
                                              const v1::RecordRealisationRequest* request,
                                              v1::Realisation* response) override;
  grpc::ServerUnaryReactor* ListRealisations(grpc::CallbackServerContext* ctx,
                                             const v1::ListRealisationsRequest* request,
                                             v1::ListRealisationsResponse* response) override;
  grpc::ServerUnaryReactor* ReopenWindow(grpc::CallbackServerContext* ctx,
                                         const v1::ReopenWindowRequest* request,
                                         v1::WindowReopening* response) override;
  grpc::ServerUnaryReactor* GiveIndicatorFeedback(grpc::CallbackServerContext* ctx,
                                                  const v1::GiveIndicatorFeedbackRequest* request,
                                                  v1::IndicatorFeedback* response) override;
  grpc::ServerUnaryReactor* ListIndicatorFeedback(
      grpc::CallbackServerContext* ctx, const v1::ListIndicatorFeedbackRequest* request,
      v1::ListIndicatorFeedbackResponse* response) override;

  // Continuous feedback notes (feedback_handlers.cc).
  grpc::ServerUnaryReactor* AddFeedbackNote(grpc::CallbackServerContext* ctx,
                                            const v1::AddFeedbackNoteRequest* request,
                                            v1::FeedbackNote* response) override;
  grpc::ServerUnaryReactor* ListFeedbackNotes(grpc::CallbackServerContext* ctx,
                                              const v1::ListFeedbackNotesRequest* request,
                                              v1::ListFeedbackNotesResponse* response) override;

  // 360 rounds (feedback360_handlers.cc).
  grpc::ServerUnaryReactor* OpenFeedbackRound(grpc::CallbackServerContext* ctx,
                                              const v1::OpenFeedbackRoundRequest* request,
                                              v1::FeedbackRound* response) override;
  grpc::ServerUnaryReactor* AnswerFeedbackRound(grpc::CallbackServerContext* ctx,
                                                const v1::AnswerFeedbackRoundRequest* request,
                                                v1::FeedbackRound* response) override;
  grpc::ServerUnaryReactor* CloseFeedbackRound(grpc::CallbackServerContext* ctx,
                                               const v1::CloseFeedbackRoundRequest* request,
                                               v1::FeedbackRound* response) override;
  grpc::ServerUnaryReactor* GetFeedbackSummary(grpc::CallbackServerContext* ctx,
                                               const v1::GetFeedbackSummaryRequest* request,
                                               v1::FeedbackSummary* response) override;

  // Public satisfaction surveys: client-streaming import (survey_import_reactor.cc) and list
  // (survey_handlers.cc).
  grpc::ServerReadReactor<v1::ImportSurveyResultsRequest>* ImportSurveyResults(
      grpc::CallbackServerContext* ctx, v1::ImportSurveyResultsSummary* response) override;
  grpc::ServerUnaryReactor* ListSurveyResults(grpc::CallbackServerContext* ctx,
                                              const v1::ListSurveyResultsRequest* request,
                                              v1::ListSurveyResultsResponse* response) override;

  // SIASN export, server streaming (export_handlers.cc).
  grpc::ServerWriteReactor<v1::ExportRecord>* ExportAssessments(
      grpc::CallbackServerContext* ctx, const v1::ExportAssessmentsRequest* request) override;

  // Outbox events (event_handlers.cc).
  grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* StreamEvents(
      grpc::CallbackServerContext* ctx,
      const kinerja::common::v1::StreamEventsRequest* request) override;

 private:
  store::ReviewStore& store() { return *deps_.store; }
  absl::CivilDay Today() const;
  // The assessment a rating of the plan's window creates: the plan and period from the goals
  // service, the employee's SIASN id, position type, functional level and whether they lead
  // their unit from the employee service (assessment_handlers.cc).
  absl::StatusOr<AssessmentRecord> DraftFor(const std::string& plan_id, AssessmentKind kind,
                                            const google::type::Date& window_date);
  // The unit's staff to be assessed in the assessment's period and window: the goals service's
  // non-closed plans of the unit with a day in the window, without the unit head's
  // (assessment_handlers.cc).
  absl::StatusOr<int> UnitStaff(const AssessmentRecord& record);

  ServiceDeps deps_;
};

}  // namespace kinerja::review::api
