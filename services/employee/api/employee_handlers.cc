// Employees (pegawai ASN): create, get, batch get, list, update.
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "services/employee/api/access_support.h"
#include "services/employee/api/employee_service.h"
#include "services/employee/api/request_support.h"
#include "services/employee/api/resource_convert.h"
#include "services/employee/convert/resources.h"
#include "services/employee/convert/wire.h"
#include "services/employee/domain/access.h"
#include "services/employee/domain/person_name.h"
#include "shared/text/text.h"

namespace kinerja::employee::api {
namespace {

using server::CallContext;

constexpr size_t kMaxBatchGet = 500;

// "name", "nip" (default) or "create_time desc"; spacing and case of "desc" are forgiven.
absl::StatusOr<store::EmployeeOrder> ParseEmployeeOrder(const std::string& order_by) {
  std::vector<std::string> words = absl::StrSplit(order_by, ' ', absl::SkipWhitespace());
  std::string normal = absl::AsciiStrToLower(absl::StrJoin(words, " "));
  if (normal.empty() || normal == "nip" || normal == "nip asc") return store::EmployeeOrder::kNip;
  if (normal == "name" || normal == "name asc") return store::EmployeeOrder::kName;
  if (normal == "create_time desc") return store::EmployeeOrder::kCreateTimeDesc;
  return errors::InvalidField("order_by", absl::StrCat("'", order_by,
                                                       "' is not one of: nip, name, "
                                                       "create_time desc"));
}

}  // namespace

grpc::ServerUnaryReactor* EmployeeService::CreateEmployee(grpc::CallbackServerContext* ctx,
                                                          const v1::CreateEmployeeRequest* request,
                                                          v1::Employee* response) {
  return deps_.calls->Unary(
      ctx, *request, "CreateEmployee", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(EmployeeRecord record,
                         EmployeeRecordFromProto(request->employee(), "employee."));
        Employee& e = record.employee;
        ASSIGN_OR_RETURN(Position position,
                         AsReference(store().GetPosition(e.position_id), "employee.position_id"));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, position.agency_id));
        if (e.agency_id.empty()) e.agency_id = position.agency_id;
        if (e.unit_id.empty()) e.unit_id = position.unit_id;
        NipOptions nip_options;
        nip_options.not_after = rpc::TodayInJakarta();  // no appointment in a later month
        RETURN_IF_ERROR(
            DomainViolations(EmployeeRecordViolations(record, nip_options), "employee."));
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(EmployeeRecord created, store().CreateEmployee(record, write));
        *response = convert::ToProto(created);
        return absl::OkStatus();
      });
}

// Coalesced: concurrent GetEmployee calls share one batched query (ReadCoalescer); the access
// check and the answer run per call on the worker that read the batch.
grpc::ServerUnaryReactor* EmployeeService::GetEmployee(grpc::CallbackServerContext* ctx,
                                                       const v1::GetEmployeeRequest* request,
                                                       v1::Employee* response) {
  return deps_.calls->UnaryDeferred(
      ctx, *request, "GetEmployee",
      [=, this](const CallContext& call, server::CallRunner::Finish finish) {
        if (absl::Status s = CheckIdOrNip(request->id(), request->nip(), "id", "nip"); !s.ok()) {
          std::move(finish)(std::move(s));
          return;
        }
        const bool by_nip = request->id().empty();
        auto& reads = by_nip ? reads_by_nip_ : reads_by_id_;
        // `call` and `request` stay valid until `finish` runs.
        reads.Load(by_nip ? request->nip() : request->id(),
                   [this, by_nip, &call, request, response, finish = std::move(finish)](
                       const absl::Status& status, const EmployeeRecord* record) mutable {
                     std::move(finish)([&]() -> absl::Status {
                       RETURN_IF_ERROR(status);
                       if (record == nullptr) {
                         return by_nip ? errors::NotFound("employee with nip", request->nip())
                                       : errors::NotFound("employee", request->id());
                       }
                       RETURN_IF_ERROR(CheckCanReadEmployee(store(), call.principal, *record,
                                                            rpc::TodayInJakarta()));
                       *response = convert::ToProto(*record);
                       return absl::OkStatus();
                     }());
                   });
      });
}

grpc::ServerUnaryReactor* EmployeeService::BatchGetEmployees(
    grpc::CallbackServerContext* ctx, const v1::BatchGetEmployeesRequest* request,
    v1::BatchGetEmployeesResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "BatchGetEmployees", [=, this](const CallContext& call) -> absl::Status {
        if (request->ids_size() > 0 && request->nips_size() > 0) {
          return errors::InvalidField("ids", "give ids or nips, not both");
        }
        const bool by_nip = request->nips_size() > 0;
        std::vector<std::string> keys(by_nip ? request->nips().begin() : request->ids().begin(),
                                      by_nip ? request->nips().end() : request->ids().end());
        if (keys.size() > kMaxBatchGet) {
          return errors::InvalidField(by_nip ? "nips" : "ids",
                                      absl::StrCat("at most ", kMaxBatchGet, " per call"));
        }
        if (keys.empty()) return absl::OkStatus();
        ASSIGN_OR_RETURN(
            std::vector<EmployeeRecord> records,
            by_nip ? store().BatchGetEmployeesByNip(keys) : store().BatchGetEmployees(keys));
        const absl::CivilDay today = rpc::TodayInJakarta();
        for (const EmployeeRecord& record : records) {
          RETURN_IF_ERROR(CheckCanReadEmployee(store(), call.principal, record, today));
        }
        for (const EmployeeRecord& record : records) {
          *response->add_employees() = convert::ToProto(record);
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::ListEmployees(grpc::CallbackServerContext* ctx,
                                                         const v1::ListEmployeesRequest* request,
                                                         v1::ListEmployeesResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListEmployees", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(store::EmployeeOrder order, ParseEmployeeOrder(request->order_by()));
        ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                         AgencyScopedFilter(call.principal, request->filter(),
                                            store::EmployeeFilterSchema(), CanReadAgencyData));
        ASSIGN_OR_RETURN(
            ListPage list,
            StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                      {"ListEmployees", request->filter(), absl::StrCat(static_cast<int>(order))}));
        ASSIGN_OR_RETURN(store::Page<EmployeeRecord> page,
                         store().ListEmployees(filter, order, list.request));
        for (const EmployeeRecord& r : page.items) *response->add_employees() = convert::ToProto(r);
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::UpdateEmployee(grpc::CallbackServerContext* ctx,
                                                          const v1::UpdateEmployeeRequest* request,
                                                          v1::Employee* response) {
  return deps_.calls->Unary(
      ctx, *request, "UpdateEmployee", [=, this](const CallContext& call) -> absl::Status {
        const v1::Employee& in = request->employee();
        if (in.id().empty()) return errors::InvalidField("employee.id", "is required");
        ASSIGN_OR_RETURN(EmployeeRecord current, store().GetEmployee(in.id()));
        RETURN_IF_ERROR(CanWriteAgencyData(call.principal, current.employee.agency_id));
        EmployeeUpdate update;
        update.id = in.id();
        ASSIGN_OR_RETURN(update.expected_version, ExpectedVersion(in.etag(), "employee."));
        std::vector<std::string> paths(request->update_mask().paths().begin(),
                                       request->update_mask().paths().end());
        if (paths.empty()) paths = {"name", "status", "rank"};  // AIP-134: all mutable fields
        Violations v;
        for (const std::string& path : paths) {
          if (path == "name") {
            std::string name = NormalizePersonName(in.name());
            v.Add(errors::PrefixField(CheckPersonName(name), "employee."));
            update.name = std::move(name);
          } else if (path == "status") {
            update.status = v.Take(convert::StatusFromProto(in.status(), "employee.status"));
          } else if (path == "rank") {
            update.rank =
                v.Take(convert::RankFromProto(in.rank(), current.employee.kind, "employee.rank"));
          } else {
            v.Add("update_mask",
                  absl::StrCat("unknown path '", path, "'; allowed: name, status, rank"));
          }
        }
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(store::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(EmployeeRecord updated, store().UpdateEmployee(update, write, &current));
        *response = convert::ToProto(updated);
        return absl::OkStatus();
      });
}

}  // namespace kinerja::employee::api
