// kinerja.employee.v1.EmployeeService on the gRPC callback API: thin adapters that convert
// requests to domain/store types, check access with the domain (access.h), call the store on
// the worker pool (CallRunner) and convert the answer back. No SQL and no business rules here.
//
// Methods are implemented by area: agency_handlers.cc, org_handlers.cc (units, positions),
// employee_handlers.cc, assignment_handlers.cc (transfers, history, acting officials),
// delegation_handlers.cc (delegated assessors, regional heads), reporting_handlers.cc,
// import_reactor.cc and event_handlers.cc.
#pragma once

#include <grpcpp/grpcpp.h>

#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "services/employee/store/employee_store.h"
#include "shared/db/pool.h"
#include "shared/events/outbox_notifier.h"
#include "shared/metrics/registry.h"
#include "shared/rpc/page_token.h"
#include "shared/server/call.h"
#include "shared/server/host_deps.h"
#include "shared/server/read_coalescer.h"
#include "shared/server/service_host.h"
#include "shared/server/worker_pool.h"

namespace kinerja::employee::api {

namespace v1 = ::kinerja::employee::v1;

// What the service runs on; all owned elsewhere (by the ServiceHost and main).
struct ServiceDeps : server::HostDeps {
  store::EmployeeStore* store = nullptr;

  static ServiceDeps FromHost(server::ServiceHost& host, store::EmployeeStore& store);
};

// name "employee", the gRPC service name for health, the store's migrations and statements.
server::ServiceSettings EmployeeServiceSettings();

class EmployeeService final : public v1::EmployeeService::CallbackService {
 public:
  explicit EmployeeService(ServiceDeps deps);

  // Agencies (agency_handlers.cc).
  grpc::ServerUnaryReactor* CreateAgency(grpc::CallbackServerContext* ctx,
                                         const v1::CreateAgencyRequest* request,
                                         v1::Agency* response) override;
  grpc::ServerUnaryReactor* GetAgency(grpc::CallbackServerContext* ctx,
                                      const v1::GetAgencyRequest* request,
                                      v1::Agency* response) override;
  grpc::ServerUnaryReactor* ListAgencies(grpc::CallbackServerContext* ctx,
                                         const v1::ListAgenciesRequest* request,
                                         v1::ListAgenciesResponse* response) override;
  grpc::ServerUnaryReactor* UpdateAgency(grpc::CallbackServerContext* ctx,
                                         const v1::UpdateAgencyRequest* request,
                                         v1::Agency* response) override;

  // Org units and positions (org_handlers.cc).
  grpc::ServerUnaryReactor* CreateOrgUnit(grpc::CallbackServerContext* ctx,
                                          const v1::CreateOrgUnitRequest* request,
                                          v1::OrgUnit* response) override;
  grpc::ServerUnaryReactor* GetOrgUnit(grpc::CallbackServerContext* ctx,
                                       const v1::GetOrgUnitRequest* request,
                                       v1::OrgUnit* response) override;
  grpc::ServerUnaryReactor* ListOrgUnits(grpc::CallbackServerContext* ctx,
                                         const v1::ListOrgUnitsRequest* request,
                                         v1::ListOrgUnitsResponse* response) override;
  grpc::ServerUnaryReactor* CreatePosition(grpc::CallbackServerContext* ctx,
                                           const v1::CreatePositionRequest* request,
                                           v1::Position* response) override;
  grpc::ServerUnaryReactor* GetPosition(grpc::CallbackServerContext* ctx,
                                        const v1::GetPositionRequest* request,
                                        v1::Position* response) override;
  grpc::ServerUnaryReactor* ListPositions(grpc::CallbackServerContext* ctx,
                                          const v1::ListPositionsRequest* request,
                                          v1::ListPositionsResponse* response) override;
  grpc::ServerUnaryReactor* UpdateOrgUnit(grpc::CallbackServerContext* ctx,
                                          const v1::UpdateOrgUnitRequest* request,
                                          v1::OrgUnit* response) override;
  grpc::ServerUnaryReactor* UpdatePosition(grpc::CallbackServerContext* ctx,
                                           const v1::UpdatePositionRequest* request,
                                           v1::Position* response) override;

  // Employees (employee_handlers.cc).
  grpc::ServerUnaryReactor* CreateEmployee(grpc::CallbackServerContext* ctx,
                                           const v1::CreateEmployeeRequest* request,
                                           v1::Employee* response) override;
  grpc::ServerUnaryReactor* GetEmployee(grpc::CallbackServerContext* ctx,
                                        const v1::GetEmployeeRequest* request,
                                        v1::Employee* response) override;
  grpc::ServerUnaryReactor* BatchGetEmployees(grpc::CallbackServerContext* ctx,
                                              const v1::BatchGetEmployeesRequest* request,
                                              v1::BatchGetEmployeesResponse* response) override;
  grpc::ServerUnaryReactor* ListEmployees(grpc::CallbackServerContext* ctx,
                                          const v1::ListEmployeesRequest* request,
                                          v1::ListEmployeesResponse* response) override;
  grpc::ServerUnaryReactor* UpdateEmployee(grpc::CallbackServerContext* ctx,
                                           const v1::UpdateEmployeeRequest* request,
                                           v1::Employee* response) override;

  // Transfers, history and acting officials (assignment_handlers.cc).
  grpc::ServerUnaryReactor* TransferEmployee(grpc::CallbackServerContext* ctx,
                                             const v1::TransferEmployeeRequest* request,
                                             v1::Employee* response) override;
  grpc::ServerUnaryReactor* ListAssignments(grpc::CallbackServerContext* ctx,
                                            const v1::ListAssignmentsRequest* request,
                                            v1::ListAssignmentsResponse* response) override;
  grpc::ServerUnaryReactor* CreateActingOfficial(grpc::CallbackServerContext* ctx,
                                                 const v1::CreateActingOfficialRequest* request,
                                                 v1::ActingOfficial* response) override;
  grpc::ServerUnaryReactor* ListActingOfficials(grpc::CallbackServerContext* ctx,
                                                const v1::ListActingOfficialsRequest* request,
                                                v1::ListActingOfficialsResponse* response) override;
  grpc::ServerUnaryReactor* UpdateActingOfficial(grpc::CallbackServerContext* ctx,
                                                 const v1::UpdateActingOfficialRequest* request,
                                                 v1::ActingOfficial* response) override;

  // Delegated assessors and regional heads (delegation_handlers.cc).
  grpc::ServerUnaryReactor* CreateAssessmentDelegation(
      grpc::CallbackServerContext* ctx, const v1::CreateAssessmentDelegationRequest* request,
      v1::AssessmentDelegation* response) override;
  grpc::ServerUnaryReactor* ListAssessmentDelegations(
      grpc::CallbackServerContext* ctx, const v1::ListAssessmentDelegationsRequest* request,
      v1::ListAssessmentDelegationsResponse* response) override;
  grpc::ServerUnaryReactor* EndAssessmentDelegation(
      grpc::CallbackServerContext* ctx, const v1::EndAssessmentDelegationRequest* request,
      v1::AssessmentDelegation* response) override;
  grpc::ServerUnaryReactor* CreateRegionalHead(grpc::CallbackServerContext* ctx,
                                               const v1::CreateRegionalHeadRequest* request,
                                               v1::RegionalHead* response) override;
  grpc::ServerUnaryReactor* ListRegionalHeads(grpc::CallbackServerContext* ctx,
                                              const v1::ListRegionalHeadsRequest* request,
                                              v1::ListRegionalHeadsResponse* response) override;
  grpc::ServerUnaryReactor* UpdateRegionalHead(grpc::CallbackServerContext* ctx,
                                               const v1::UpdateRegionalHeadRequest* request,
                                               v1::RegionalHead* response) override;

  // Reporting lines (reporting_handlers.cc).
  grpc::ServerUnaryReactor* GetReportingLine(grpc::CallbackServerContext* ctx,
                                             const v1::GetReportingLineRequest* request,
                                             v1::ReportingLine* response) override;
  grpc::ServerUnaryReactor* ListReportingLines(grpc::CallbackServerContext* ctx,
                                               const v1::ListReportingLinesRequest* request,
                                               v1::ListReportingLinesResponse* response) override;
  grpc::ServerUnaryReactor* ListDirectReports(grpc::CallbackServerContext* ctx,
                                              const v1::ListDirectReportsRequest* request,
                                              v1::ListDirectReportsResponse* response) override;
  grpc::ServerUnaryReactor* ListPeers(grpc::CallbackServerContext* ctx,
                                      const v1::ListPeersRequest* request,
                                      v1::ListPeersResponse* response) override;

  // Bulk import (import_reactor.cc).
  grpc::ServerReadReactor<v1::ImportRecordsRequest>* ImportRecords(
      grpc::CallbackServerContext* ctx, v1::ImportSummary* response) override;

  // Outbox events (event_handlers.cc).
  grpc::ServerWriteReactor<kinerja::common::v1::EventEnvelope>* StreamEvents(
      grpc::CallbackServerContext* ctx,
      const kinerja::common::v1::StreamEventsRequest* request) override;

 private:
  store::EmployeeStore& store() { return *deps_.store; }

  ServiceDeps deps_;
  // GetEmployee reads, coalesced into batched queries under load (ReadCoalescer).
  server::ReadCoalescer<EmployeeRecord> reads_by_id_;
  server::ReadCoalescer<EmployeeRecord> reads_by_nip_;
};

}  // namespace kinerja::employee::api
