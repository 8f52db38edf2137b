#include "services/goals/api/employee_directory.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/goals/domain/plan_content.h"
#include "shared/errors/errors.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::goals::api {
namespace {

namespace ev1 = ::kinerja::employee::v1;

constexpr int kPageSize = 500;
// The employee service's List calls page at 500; a unit tree or position list this deep is a
// data problem, not a reason to loop forever.
constexpr int kMaxPages = 10000;

std::string PositionTypeName(ev1::PositionType type) {
  std::string name = ev1::PositionType_Name(type);
  constexpr std::string_view kPrefix = "POSITION_TYPE_";
  if (name.rfind(kPrefix, 0) == 0) name.erase(0, kPrefix.size());
  return name;
}

PlanPerson PersonFrom(const ev1::Official& official) {
  PlanPerson person;
  person.employee_id = official.employee_id();
  person.nip = official.nip();
  person.name = official.name();
  person.position_id = official.position_id();
  person.position_name = official.position_name();
  person.unit_id = official.unit_id();
  person.unit_name = official.unit_name();
  person.non_asn = official.kind() == ev1::Official::KIND_NON_ASN;
  if (official.acting() == ev1::ACTING_KIND_PLT) person.acting = "PLT";
  if (official.acting() == ev1::ACTING_KIND_PLH) person.acting = "PLH";
  person.rank_label = official.rank_label();
  return person;
}

}  // namespace

Plan NewPlanFromSnapshot(EmployeeSnapshot snapshot, const Period& period, PlanStyle style) {
  Plan plan;
  plan.period_id = period.id;
  plan.agency_id = snapshot.agency_id;
  plan.employee = std::move(snapshot.employee);
  plan.position_type = std::move(snapshot.position_type);
  plan.assessor = std::move(snapshot.assessor);
  plan.assessor_superior = std::move(snapshot.assessor_superior);
  plan.state = PlanState::kDraft;
  plan.revision = 1;
  plan.content = NewContent(style);
  return plan;
}

absl::Status FromEmployeeService(const grpc::Status& status, std::string_view call) {
  if (status.ok()) return absl::OkStatus();
  const std::string message = status.error_message();
  switch (status.error_code()) {
    case grpc::StatusCode::NOT_FOUND:
      return absl::NotFoundError(message);
    case grpc::StatusCode::INVALID_ARGUMENT:
      return absl::InvalidArgumentError(message);
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return absl::UnavailableError(
          absl::StrCat("employee service: ", std::string(call), ": ", message));
    default:
      return absl::InternalError(absl::StrCat("employee service refused ", std::string(call), " (",
                                              static_cast<int>(status.error_code()),
                                              "): ", message));
  }
}

EmployeeDirectory::EmployeeDirectory(DirectoryOptions options)
    : EmployeeDirectory(options,
                        grpc::CreateChannel(options.addr, grpc::InsecureChannelCredentials())) {}

EmployeeDirectory::EmployeeDirectory(DirectoryOptions options,
                                     std::shared_ptr<grpc::Channel> channel)
    : options_(std::move(options)),
      channel_(std::move(channel)),
      stub_(ev1::EmployeeService::NewStub(channel_)) {}

absl::StatusOr<std::string> EmployeeDirectory::Token() {
  absl::MutexLock lock(&mu_);
  // Re-check the file at most once a second; re-read it only when it changed.
  if (absl::Now() - token_read_ < absl::Seconds(1) && !token_.empty()) return token_;
  struct stat st;
  if (::stat(options_.token_file.c_str(), &st) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("service token file ", options_.token_file, " cannot be read"));
  }
  token_read_ = absl::Now();
  const int64_t mtime = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  if (mtime == token_mtime_ && !token_.empty()) return token_;
  std::ifstream in(options_.token_file);
  std::stringstream text;
  text << in.rdbuf();
  std::string token(absl::StripAsciiWhitespace(text.str()));
  if (token.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("service token file ", options_.token_file, " is empty"));
  }
  token_ = std::move(token);
  token_mtime_ = mtime;
  return token_;
}

absl::StatusOr<std::unique_ptr<grpc::ClientContext>> EmployeeDirectory::Context(
    absl::Duration deadline) {
  absl::StatusOr<std::string> token = Token();
  if (!token.ok()) return token.status();
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->AddMetadata("authorization", absl::StrCat("Bearer ", *token));
  if (deadline != absl::InfiniteDuration()) {
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  }
  return ctx;
}

absl::StatusOr<EmployeeSnapshot> EmployeeDirectory::Snapshot(const std::string& employee_id,
                                                             const std::string& nip,
                                                             absl::CivilDay date) {
  ev1::GetEmployeeRequest get;
  get.set_id(employee_id);
  get.set_nip(nip);
  ev1::Employee employee;
  {
    ASSIGN_OR_RETURN(auto ctx, Context(options_.deadline));
    RETURN_IF_ERROR(
        FromEmployeeService(stub_->GetEmployee(ctx.get(), get, &employee), "GetEmployee"));
  }
  ev1::GetReportingLineRequest line_request;
  line_request.set_employee_id(employee.id());
  *line_request.mutable_date() = rpc::DayToProto(date);
  ev1::ReportingLine line;
  {
    ASSIGN_OR_RETURN(auto ctx, Context(options_.deadline));
    RETURN_IF_ERROR(FromEmployeeService(stub_->GetReportingLine(ctx.get(), line_request, &line),
                                        "GetReportingLine"));
  }
  EmployeeSnapshot snapshot;
  snapshot.agency_id = employee.agency_id();
  snapshot.employee = PersonFrom(line.employee());
  if (snapshot.employee.employee_id.empty()) snapshot.employee.employee_id = employee.id();
  if (snapshot.employee.nip.empty()) snapshot.employee.nip = employee.nip();
  if (snapshot.employee.name.empty()) snapshot.employee.name = employee.name();
  if (line.has_assessor()) snapshot.assessor = PersonFrom(line.assessor());
  if (line.has_assessor_superior()) {
    snapshot.assessor_superior = PersonFrom(line.assessor_superior());
  }
  const std::string position_id = snapshot.employee.position_id.empty()
                                      ? employee.position_id()
                                      : snapshot.employee.position_id;
  if (position_id.empty()) {
    return errors::RuleViolation("EMPLOYEE_WITHOUT_POSITION",
                                 absl::StrCat("employee ", employee.id(), " holds no position on ",
                                              absl::FormatCivilTime(date)));
  }
  snapshot.employee.position_id = position_id;
  ev1::GetPositionRequest position_request;
  position_request.set_id(position_id);
  ev1::Position position;
  {
    ASSIGN_OR_RETURN(auto ctx, Context(options_.deadline));
    RETURN_IF_ERROR(FromEmployeeService(stub_->GetPosition(ctx.get(), position_request, &position),
                                        "GetPosition"));
  }
  snapshot.position_type = PositionTypeName(position.type());
  if (snapshot.employee.position_name.empty()) snapshot.employee.position_name = position.name();
  if (snapshot.employee.unit_id.empty()) snapshot.employee.unit_id = position.unit_id();
  return snapshot;
}

absl::StatusOr<std::vector<std::string>> EmployeeDirectory::SubunitIds(const std::string& unit_id) {
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
        request.set_filter(absl::StrCat("parent_id = \"", parent, "\""));
        ev1::ListOrgUnitsResponse response;
        ASSIGN_OR_RETURN(auto ctx, Context(options_.deadline));
        RETURN_IF_ERROR(FromEmployeeService(stub_->ListOrgUnits(ctx.get(), request, &response),
                                            "ListOrgUnits"));
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

namespace {

// Every active employee matching `filter`, all pages.
absl::Status CollectEmployees(EmployeeDirectory& directory, const std::string& filter,
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
    ASSIGN_OR_RETURN(auto ctx, directory.Context(directory.options().deadline));
    RETURN_IF_ERROR(FromEmployeeService(
        directory.stub().ListEmployees(ctx.get(), request, &response), "ListEmployees"));
    for (const ev1::Employee& e : response.employees()) out.push_back(e.id());
    token = response.next_page_token();
  } while (!token.empty());
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> EmployeeDirectory::EmployeesInUnits(
    const std::vector<std::string>& units) {
  std::vector<std::string> out;
  for (const std::string& unit : units) {
    RETURN_IF_ERROR(CollectEmployees(
        *this, absl::StrCat("unit_id = \"", unit, "\" AND status = \"ACTIVE\""), out));
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> EmployeeDirectory::EmployeesWithPositionType(
    const std::string& agency_id, const std::string& type) {
  std::vector<std::string> positions;
  std::string token;
  int pages = 0;
  do {
    if (++pages > kMaxPages) return absl::InternalError("position list too large");
    ev1::ListPositionsRequest request;
    request.set_page_size(kPageSize);
    request.set_page_token(token);
    request.set_filter(absl::StrCat("agency_id = \"", agency_id, "\" AND type = \"", type, "\""));
    ev1::ListPositionsResponse response;
    ASSIGN_OR_RETURN(auto ctx, Context(options_.deadline));
    RETURN_IF_ERROR(
        FromEmployeeService(stub_->ListPositions(ctx.get(), request, &response), "ListPositions"));
    for (const ev1::Position& p : response.positions()) positions.push_back(p.id());
    token = response.next_page_token();
  } while (!token.empty());
  std::vector<std::string> out;
  for (const std::string& position : positions) {
    RETURN_IF_ERROR(CollectEmployees(
        *this, absl::StrCat("position_id = \"", position, "\" AND status = \"ACTIVE\""), out));
  }
  return out;
}

}  // namespace kinerja::goals::api
