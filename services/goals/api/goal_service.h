// kinerja.goals.v1.GoalService on the gRPC callback API: thin adapters that convert requests to
// domain types (convert/proto_convert.h), check access with the domain (domain/access.h), run the
// store on the worker pool (CallRunner) with the domain's rules as plan mutations, and convert
// the answer back. No SQL and no business rules here.
//
// Methods by area: period_handlers.cc (periods, extensions, unit policy), plan_handlers.cc
// (create, get, list, update), workflow_handlers.cc (submit, approve, return, revise,
// versions), cascade_handlers.cc, template_handlers.cc, event_handlers.cc.
#pragma once

#include <grpcpp/grpcpp.h>

#include <functional>

#include "absl/time/time.h"
#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "services/goals/api/employee_snapshot.h"
#include "services/goals/store/goals_store.h"
#include "shared/db/pool.h"
#include "shared/events/outbox_notifier.h"
#include "shared/rpc/page_token.h"
#include "shared/server/call.h"
#include "shared/server/host_deps.h"
#include "shared/server/read_coalescer.h"
#include "shared/server/service_host.h"
#include "shared/server/worker_pool.h"

namespace kinerja::goals::api {

namespace v1 = ::kinerja::goals::v1;

inline constexpr char kServiceName[] = "kinerja.goals.v1.GoalService";

// What the service runs on; all owned elsewhere (by the ServiceHost and main).
struct ServiceDeps : server::HostDeps {
  store::GoalsStore* store = nullptr;
  clients::EmployeeClient* employees = nullptr;
  // The clock deadlines are judged by (tests may pin it).
  std::function<absl::Time()> now = [] { return absl::Now(); };

  static ServiceDeps FromHost(server::ServiceHost& host, store::GoalsStore& store,
                              clients::EmployeeClient& employees);
};

// name "goals", the gRPC service name for health, the store's migrations and statements.
server::ServiceSettings GoalServiceSettings();

class GoalService final : public v1::GoalService::CallbackService {
 public:
  explicit GoalService(ServiceDeps deps);

  // Periods, extensions and unit policy (period_handlers.cc).
  grpc::ServerUnaryReactor* CreatePeriod(grpc::CallbackServerContext* ctx,
                                         const v1::CreatePeriodRequest* request,
                                         v1::Period* response) override;
  grpc::ServerUnaryReactor* GetPeriod(grpc::CallbackServerContext* ctx,
                                      const v1::GetPeriodRequest* request,
                                      v1::Period* response) override;
  grpc::ServerUnaryReactor* ListPeriods(grpc::CallbackServerContext* ctx,
                                        const v1::ListPeriodsRequest* request,
                                        v1::ListPeriodsResponse* response) override;
  grpc::ServerUnaryReactor* UpdatePeriod(grpc::CallbackServerContext* ctx,
                                         const v1::UpdatePeriodRequest* request,
                                         v1::Period* response) override;
  grpc::ServerUnaryReactor* SetPeriodState(grpc::CallbackServerContext* ctx,
                                           const v1::SetPeriodStateRequest* request,
                                           v1::Period* response) override;
  grpc::ServerUnaryReactor* GrantDeadlineExtension(grpc::CallbackServerContext* ctx,
                                                   const v1::GrantDeadlineExtensionRequest* request,
                                                   v1::DeadlineExtension* response) override;
  grpc::ServerUnaryReactor* SetUnitPolicy(grpc::CallbackServerContext* ctx,
                                          const v1::SetUnitPolicyRequest* request,
                                          v1::UnitPolicy* response) override;
  grpc::ServerUnaryReactor* ListUnitPolicies(grpc::CallbackServerContext* ctx,
                                             const v1::ListUnitPoliciesRequest* request,
                                             v1::ListUnitPoliciesResponse* response) override;

  // Plans (plan_handlers.cc).
  grpc::ServerUnaryReactor* CreatePlan(grpc::CallbackServerContext* ctx,
                                       const v1::CreatePlanRequest* request,
                                       v1::Plan* response) override;
  grpc::ServerUnaryReactor* GetPlan(grpc::CallbackServerContext* ctx,
                                    const v1::GetPlanRequest* request, v1::Plan* response) override;
  grpc::ServerUnaryReactor* ListPlans(grpc::CallbackServerContext* ctx,
                                      const v1::ListPlansRequest* request,
                                      v1::ListPlansResponse* response) override;
  grpc::ServerUnaryReactor* UpdatePlan(grpc::CallbackServerContext* ctx,
                                       const v1::UpdatePlanRequest* request,
                                       v1::Plan* response) override;

  // Workflow (workflow_handlers.cc).
  grpc::ServerUnaryReactor* SubmitPlan(grpc::CallbackServerContext* ctx,
                                       const v1::SubmitPlanRequest* request,
                                       v1::Plan* response) override;
  grpc::ServerUnaryReactor* ApprovePlan(grpc::CallbackServerContext* ctx,
                                        const v1::ApprovePlanRequest* request,
                                        v1::Plan* response) override;
  grpc::ServerUnaryReactor* ReturnPlan(grpc::CallbackServerContext* ctx,
                                       const v1::ReturnPlanRequest* request,
                                       v1::Plan* response) override;
  grpc::ServerUnaryReactor* RevisePlan(grpc::CallbackServerContext* ctx,
                                       const v1::RevisePlanRequest* request,
                                       v1::Plan* response) override;
  grpc::ServerUnaryReactor* ListPlanVersions(grpc::CallbackServerContext* ctx,
                                             const v1::ListPlanVersionsRequest* request,
                                             v1::ListPlanVersionsResponse* response) override;
  grpc::ServerUnaryReactor* GetPlanVersion(grpc::CallbackServerContext* ctx,
                                           const v1::GetPlanVersionRequest* request,
                                           v1::PlanVersion* response) override;
  grpc::ServerUnaryReactor* ListPlanDecisions(grpc::CallbackServerContext* ctx,
                                              const v1::ListPlanDecisionsRequest* request,
                                              v1::ListPlanDecisionsResponse* response) override;
  grpc::ServerUnaryReactor* SetBehaviourExpectations(
      grpc::CallbackServerContext* ctx, const v1::SetBehaviourExpectationsRequest* request,
      v1::Plan* response) override;

  // Alignment (cascade_handlers.cc).
  grpc::ServerUnaryReactor* GetCascadeTree(grpc::CallbackServerContext* ctx,
                                           const v1::GetCascadeTreeRequest* request,
                                           v1::CascadeTree* response) override;

  // Templates (template_handlers.cc).
  grpc::ServerUnaryReactor* CreatePlanTemplate(grpc::CallbackServerContext* ctx,
                                               const v1::CreatePlanTemplateRequest* request,
                                               v1::PlanTemplate* response) override;
  grpc::ServerUnaryReactor* GetPlanTemplate(grpc::CallbackServerContext* ctx,
                                            const v1::GetPlanTemplateRequest* request,
                                            v1::PlanTemplate* response) override;
  grpc::ServerUnaryReactor* ApplyPlanTemplate(grpc::CallbackServerContext* ctx,
                                              const v1::ApplyPlanTemplateRequest* request,
                                              v1::ApplyPlanTemplateResponse* response) override;

  // Outbox events (event_handlers.cc).
  grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* StreamEvents(
      grpc::CallbackServerContext* ctx,
      const kinerja::common::v1::StreamEventsRequest* request) override;

 private:
  store::GoalsStore& store() { return *deps_.store; }
  absl::CivilDay Today() const;
  // Creates a plan for one employee in a period (CreatePlan and ApplyPlanTemplate).
  absl::StatusOr<Plan> CreatePlanFor(const server::CallContext& call, const Period& period,
                                     const std::string& employee_id, const std::string& nip,
                                     PlanStyle style, const db::WriteOptions& write,
                                     std::optional<absl::CivilDay> start_date = std::nullopt);

  // One workflow step on one plan: access and rule checks (`rule`) run on the locked plan
  // inside the store's transaction, so no concurrent change slips between check and write.
  struct WorkflowStep {
    const char* method;
    const char* action;
    const char* event_type;
    std::string id;
    std::string etag;
    std::string note;
    std::function<absl::StatusOr<db::WriteOptions>(const server::CallContext&)> write_options;
    std::function<absl::Status(const auth::Principal&, Plan&, const PlanFacts&, absl::Time)> rule;
    // Take the plan's reporting line of the day from the employee service first; the rule sees
    // the plan with that line (submit, approve, return, behaviour expectations).
    bool line_of_the_day = false;
  };
  grpc::ServerUnaryReactor* RunWorkflowStep(grpc::CallbackServerContext* ctx,
                                            const google::protobuf::Message& request,
                                            WorkflowStep step, v1::Plan* response);

  ServiceDeps deps_;
  // GetPlan reads of the plans' stored answers (serialized v1::Plan), coalesced into batched
  // queries under load (ReadCoalescer).
  server::ReadCoalescer<std::string> reads_by_id_;
};

}  // namespace kinerja::goals::api
