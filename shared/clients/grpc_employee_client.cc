#include "shared/clients/grpc_employee_client.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "shared/clients/remote_status.h"
#include "shared/errors/errors.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::clients {
namespace {

namespace ev1 = ::kinerja::employee::v1;

constexpr char kService[] = "employee service";
constexpr int kPageSize = 500;
// A unit tree or position list this deep is a data problem, not a reason to loop forever.
constexpr int kMaxPages = 10000;

// A filter string literal (AIP-160): quotes and backslashes escaped, so an id cannot change
// the filter's meaning.
std::string Literal(const std::string& value) {
  return absl::StrCat("\"", absl::StrReplaceAll(value, {{"\\", "\\\\"}, {"\"", "\\\""}}), "\"");
}

// Runs one unary call on a fresh context.
template <typename Call>
absl::Status Invoke(ServiceChannel& channel, const char* name, Call&& call) {
  ASSIGN_OR_RETURN(std::unique_ptr<grpc::ClientContext> ctx, channel.UnaryContext());
  return FromRemote(call(ctx.get()), kService, name);
}

}  // namespace

GrpcEmployeeClient::GrpcEmployeeClient(ChannelOptions options)
    : GrpcEmployeeClient(options, Dial(options)) {}

GrpcEmployeeClient::GrpcEmployeeClient(ChannelOptions options,
                                       std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(options), std::move(channel)),
      stub_(ev1::EmployeeService::NewStub(channel_.channel())),
      events_(channel_, *stub_, kService) {}

absl::StatusOr<ev1::Employee> GrpcEmployeeClient::GetEmployee(const std::string& id,
                                                              const std::string& nip) {
  ev1::GetEmployeeRequest request;
  request.set_id(id);
  request.set_nip(nip);
  ev1::Employee employee;
  RETURN_IF_ERROR(Invoke(channel_, "GetEmployee", [&](grpc::ClientContext* ctx) {
    return stub_->GetEmployee(ctx, request, &employee);
  }));
  return employee;
}

absl::StatusOr<ev1::ReportingLine> GrpcEmployeeClient::GetReportingLine(
    const std::string& employee_id, absl::CivilDay date, const std::string& position_id) {
  ev1::GetReportingLineRequest request;
  request.set_employee_id(employee_id);
  *request.mutable_date() = rpc::DayToProto(date);
  request.set_position_id(position_id);
  ev1::ReportingLine line;
  RETURN_IF_ERROR(Invoke(channel_, "GetReportingLine", [&](grpc::ClientContext* ctx) {
    return stub_->GetReportingLine(ctx, request, &line);
  }));
  return line;
}

absl::StatusOr<std::vector<ev1::ReportingLine>> GrpcEmployeeClient::ReportingLinesInSubtree(
    const std::string& unit_id, absl::CivilDay date) {
  std::vector<ev1::ReportingLine> out;
  std::string token;
  int pages = 0;
  do {
    if (++pages > kMaxPages) return absl::InternalError("unit subtree too large to walk");
    ev1::ListReportingLinesRequest request;
    request.set_unit_id(unit_id);
    request.set_include_subunits(true);
    *request.mutable_date() = rpc::DayToProto(date);
    request.set_page_size(kPageSize);
    request.set_page_token(token);
    ev1::ListReportingLinesResponse response;
    RETURN_IF_ERROR(Invoke(channel_, "ListReportingLines", [&](grpc::ClientContext* ctx) {
      return stub_->ListReportingLines(ctx, request, &response);
    }));
    for (ev1::ReportingLine& line : *response.mutable_lines()) out.push_back(std::move(line));
    token = response.next_page_token();
  } while (!token.empty());
  return out;
}

namespace {

// Every page of a ListPeers / ListDirectReports-shaped call.
template <typename Request, typename Response, typename Call, typename Items>
absl::StatusOr<std::vector<ev1::Official>> AllOfficials(ServiceChannel& channel, const char* name,
                                                        const std::string& employee_id,
                                                        absl::CivilDay date, Call&& call,
                                                        Items&& items) {
  std::vector<ev1::Official> out;
  std::string token;
  int pages = 0;
  do {
    if (++pages > kMaxPages) return absl::InternalError(absl::StrCat(name, ": too many pages"));
    Request request;
    request.set_employee_id(employee_id);
    *request.mutable_date() = rpc::DayToProto(date);
    request.set_page_size(kPageSize);
    request.set_page_token(token);
    Response response;
    RETURN_IF_ERROR(Invoke(
        channel, name, [&](grpc::ClientContext* ctx) { return call(ctx, request, &response); }));
    for (ev1::Official& o : items(response)) out.push_back(std::move(o));
    token = response.next_page_token();
  } while (!token.empty());
  return out;
}

}  // namespace

absl::StatusOr<std::vector<ev1::Official>> GrpcEmployeeClient::ListPeers(
    const std::string& employee_id, absl::CivilDay date) {
  return AllOfficials<ev1::ListPeersRequest, ev1::ListPeersResponse>(
      channel_, "ListPeers", employee_id, date,
      [&](grpc::ClientContext* ctx, const ev1::ListPeersRequest& request,
          ev1::ListPeersResponse* response) { return stub_->ListPeers(ctx, request, response); },
      [](ev1::ListPeersResponse & response) -> auto& { return *response.mutable_peers(); });
}

absl::StatusOr<std::vector<ev1::Official>> GrpcEmployeeClient::ListDirectReports(
    const std::string& employee_id, absl::CivilDay date) {
  return AllOfficials<ev1::ListDirectReportsRequest, ev1::ListDirectReportsResponse>(
      channel_, "ListDirectReports", employee_id, date,
      [&](grpc::ClientContext* ctx, const ev1::ListDirectReportsRequest& request,
          ev1::ListDirectReportsResponse* response) {
        return stub_->ListDirectReports(ctx, request, response);
      },
      [](ev1::ListDirectReportsResponse & response) -> auto& {
        return *response.mutable_reports();
      });
}

absl::StatusOr<ev1::Position> GrpcEmployeeClient::GetPosition(const std::string& id) {
  ev1::GetPositionRequest request;
  request.set_id(id);
  ev1::Position position;
  RETURN_IF_ERROR(Invoke(channel_, "GetPosition", [&](grpc::ClientContext* ctx) {
    return stub_->GetPosition(ctx, request, &position);
  }));
  return position;
}

absl::StatusOr<ev1::OrgUnit> GrpcEmployeeClient::GetOrgUnit(const std::string& id) {
  ev1::GetOrgUnitRequest request;
  request.set_id(id);
  ev1::OrgUnit unit;
  RETURN_IF_ERROR(Invoke(channel_, "GetOrgUnit", [&](grpc::ClientContext* ctx) {
    return stub_->GetOrgUnit(ctx, request, &unit);
  }));
  return unit;
}

absl::StatusOr<ev1::Agency> GrpcEmployeeClient::GetAgency(const std::string& id) {
  ev1::GetAgencyRequest request;
  request.set_id(id);
  ev1::Agency agency;
  RETURN_IF_ERROR(Invoke(channel_, "GetAgency", [&](grpc::ClientContext* ctx) {
    return stub_->GetAgency(ctx, request, &agency);
  }));
  return agency;
}

absl::StatusOr<std::vector<std::string>> GrpcEmployeeClient::SubunitIds(
    const std::string& unit_id) {
  std::vector<std::string> out;
  std::vector<std::string> frontier = {unit_id};
  int pages = 0;
  while (!frontier.empty()) {
    std::vector<std::string> next;
    for (const std::string& parent : frontier) {
      std::string token;
      do {
        if (++pages > kMaxPages) return absl::InternalError("unit tree too large to walk");
        ev1::ListOrgUnitsRequest request;
        request.set_page_size(kPageSize);
        request.set_page_token(token);
        request.set_filter(absl::StrCat("parent_id = ", Literal(parent)));
        ev1::ListOrgUnitsResponse response;
        RETURN_IF_ERROR(Invoke(channel_, "ListOrgUnits", [&](grpc::ClientContext* ctx) {
          return stub_->ListOrgUnits(ctx, request, &response);
        }));
        for (const ev1::OrgUnit& unit : response.units()) {
          out.push_back(unit.id());
          next.push_back(unit.id());
        }
        token = response.next_page_token();
      } while (!token.empty());
    }
    frontier = std::move(next);
  }
  return out;
}

absl::Status GrpcEmployeeClient::CollectEmployees(const std::string& filter,
                                                  std::vector<std::string>& out) {
  std::string token;
  int pages = 0;
  do {
    if (++pages > kMaxPages) return absl::InternalError("employee list too large");
    ev1::ListEmployeesRequest request;
    request.set_page_size(kPageSize);
    request.set_page_token(token);
    request.set_filter(filter);
    ev1::ListEmployeesResponse response;
    RETURN_IF_ERROR(Invoke(channel_, "ListEmployees", [&](grpc::ClientContext* ctx) {
      return stub_->ListEmployees(ctx, request, &response);
    }));
    for (const ev1::Employee& e : response.employees()) out.push_back(e.id());
    token = response.next_page_token();
  } while (!token.empty());
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> GrpcEmployeeClient::EmployeesInUnits(
    const std::vector<std::string>& units) {
  std::vector<std::string> out;
  for (const std::string& unit : units) {
    RETURN_IF_ERROR(CollectEmployees(
        absl::StrCat("unit_id = ", Literal(unit), " AND status = \"ACTIVE\""), out));
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> GrpcEmployeeClient::EmployeesWithPositionType(
    const std::string& agency_id, const std::string& type) {
  std::vector<std::string> positions;
  std::string token;
  int pages = 0;
  do {
    if (++pages > kMaxPages) return absl::InternalError("position list too large");
    ev1::ListPositionsRequest request;
    request.set_page_size(kPageSize);
    request.set_page_token(token);
    request.set_filter(
        absl::StrCat("agency_id = ", Literal(agency_id), " AND type = ", Literal(type)));
    ev1::ListPositionsResponse response;
    RETURN_IF_ERROR(Invoke(channel_, "ListPositions", [&](grpc::ClientContext* ctx) {
      return stub_->ListPositions(ctx, request, &response);
    }));
    for (const ev1::Position& p : response.positions()) positions.push_back(p.id());
    token = response.next_page_token();
  } while (!token.empty());
  std::vector<std::string> out;
  for (const std::string& position : positions) {
    RETURN_IF_ERROR(CollectEmployees(
        absl::StrCat("position_id = ", Literal(position), " AND status = \"ACTIVE\""), out));
  }
  return out;
}

}  // namespace kinerja::clients
