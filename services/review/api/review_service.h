// kinerja.review.v1.ReviewService on the gRPC callback API: thin adapters that convert requests
// to records (convert/proto_convert.h), resolve the officials of the day through the employee
// service and the plan through the goals service, check access with the domain
// (domain/access.h, domain/read_access.h), run the store on the worker pool (CallRunner) with
// the domain's rules as callbacks, and convert the answer back. No SQL and no business rules
// here.
//
// Methods by area, one file each: policy_handlers.cc (review policy), org_predicate_handlers.cc,
// assessment_handlers.cc, objection_handlers.cc, export_handlers.cc (server streaming),
// event_handlers.cc. RPCs not overridden here (realisations, feedback, 360, surveys) answer
// UNIMPLEMENTED from the generated base until their area's file adds them.
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

  // Outbox events (event_handlers.cc).
  grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* StreamEvents(
      grpc::CallbackServerContext* ctx,
      const kinerja::common::v1::StreamEventsRequest* request) override;

 private:
  store::ReviewStore& store() { return *deps_.store; }
  absl::CivilDay Today() const;

  ServiceDeps deps_;
};

}  // namespace kinerja::review::api
