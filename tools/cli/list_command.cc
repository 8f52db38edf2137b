// kinerja list employees|units|agencies: one page, or every page with --all.
#include <functional>
#include <string>
#include <vector>

#include "tools/cli/commands.h"
#include "tools/cli/connection.h"
#include "tools/cli/print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::employee::v1;

constexpr char kCommand[] = "list";
constexpr int32_t kMaxPageSize = 500;  // the API's documented maximum

constexpr char kListUsage[] =
    R"(Usage: kinerja list employees [--filter F] [--order-by ORDER] [PAGING]
       kinerja list units [--filter F] [PAGING]
       kinerja list agencies [PAGING]
       [--addr HOST:PORT] [--token JWT] [--timeout DURATION] [--json]

PAGING: [--page-size N] [--page-token T] [--all]
  --page-size N    results per page, 1..500 (server default 50)
  --page-token T   continue from a previous page's next_page_token
  --all            follow next_page_token to the last page and print everything

Filters (AIP-160), e.g. --filter 'unit_id = "U1" AND status = "ACTIVE"':
  employees: agency_id, unit_id, position_id, kind, status, sex, rank, name (name:"Bud" prefix)
  units:     agency_id, parent_id
Order of employees: nip (default), name, "create_time desc".

Without --all, a further page is announced on standard error. --timeout applies to each page.
Exit status: 0 listed, 1 a call failed, 2 usage error.
)";

struct Paging {
  int32_t page_size = 0;
  std::string page_token;
  bool all = false;
};

absl::StatusOr<Paging> ParsePaging(const ParsedArgs& args) {
  Paging paging;
  if (std::optional<std::string> size = args.Get("page-size")) {
    absl::StatusOr<int32_t> parsed = ParsePositiveInt("page-size", *size, kMaxPageSize);
    if (!parsed.ok()) return parsed.status();
    paging.page_size = *parsed;
  }
  paging.page_token = args.Get("page-token").value_or("");
  paging.all = args.Has("all");
  return paging;
}

template <typename Request, typename Response>
using ListCall = std::function<grpc::Status(grpc::ClientContext*, const Request&, Response*)>;

// Calls page after page (only the first without --all), appending each page's items to one
// response; prints it as JSON or as a table of `rows`.
template <typename Request, typename Response>
int ListPages(const CliEnv& env, Connection& connection, Request request, const Paging& paging,
              const ListCall<Request, Response>& call,
              const std::function<std::vector<Row>(const Response&)>& rows) {
  request.set_page_size(paging.page_size);
  request.set_page_token(paging.page_token);
  Response all;
  while (true) {
    grpc::ClientContext context;
    connection.Prepare(&context);
    Response page;
    grpc::Status status = call(&context, request, &page);
    if (!status.ok()) return RpcError(env, kCommand, connection.options().addr, status, &context);
    std::string next = page.next_page_token();
    all.MergeFrom(page);  // appends the repeated items
    all.set_next_page_token(next);
    if (!paging.all || next.empty()) break;
    if (next == request.page_token()) {
      return Failure(env, kCommand, "the server returned the same page token twice; stopping");
    }
    request.set_page_token(next);
  }
  if (connection.options().json) {
    *env.out << ToJson(all, /*pretty=*/true) << "\n";
  } else {
    std::vector<Row> table = rows(all);
    *env.out << (table.size() > 1 ? FormatTable(table) : "(none)\n");
  }
  if (!all.next_page_token().empty() && !connection.options().json) {
    *env.err << "more results: --page-token " << all.next_page_token() << " (or --all)\n";
  }
  return kExitOk;
}

}  // namespace

int RunList(const std::vector<std::string>& args, const CliEnv& env) {
  if (WantsHelp(args)) {
    *env.out << kListUsage;
    return kExitOk;
  }
  if (args.empty() || args[0].starts_with("-")) {
    return UsageError(env, kCommand, "missing what to list: employees, units or agencies");
  }
  const std::string what = args[0];
  FlagSpec own{{"page-size", "page-token"}, {"all"}};
  if (what == "employees") {
    own.value_flags.insert({"filter", "order-by"});
  } else if (what == "units") {
    own.value_flags.insert("filter");
  } else if (what != "agencies") {
    return UsageError(env, kCommand,
                      "unknown resource \"" + what + "\" (expected employees, units or agencies)");
  }
  absl::StatusOr<ParsedArgs> parsed = ParsedArgs::Parse(args, Merge(ConnectionFlags(), own));
  if (!parsed.ok()) return UsageError(env, kCommand, parsed.status());
  if (parsed->positionals().size() > 1) {
    return UsageError(env, kCommand, "unexpected \"" + parsed->positionals()[1] + "\"");
  }
  absl::StatusOr<Paging> paging = ParsePaging(*parsed);
  if (!paging.ok()) return UsageError(env, kCommand, paging.status());
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(*parsed, env, kDefaultTimeout);
  if (!options.ok()) return UsageError(env, kCommand, options.status());

  Connection connection(*options, env);
  auto& stub = connection.stub();
  if (what == "employees") {
    v1::ListEmployeesRequest request;
    request.set_filter(parsed->Get("filter").value_or(""));
    request.set_order_by(parsed->Get("order-by").value_or(""));
    return ListPages<v1::ListEmployeesRequest, v1::ListEmployeesResponse>(
        env, connection, request, *paging,
        [&](auto* context, const auto& r, auto* response) {
          return stub.ListEmployees(context, r, response);
        },
        [](const v1::ListEmployeesResponse& response) {
          std::vector<Row> table{EmployeeHeader()};
          for (const auto& e : response.employees()) table.push_back(EmployeeRow(e));
          return table;
        });
  }
  if (what == "units") {
    v1::ListOrgUnitsRequest request;
    request.set_filter(parsed->Get("filter").value_or(""));
    return ListPages<v1::ListOrgUnitsRequest, v1::ListOrgUnitsResponse>(
        env, connection, request, *paging,
        [&](auto* context, const auto& r, auto* response) {
          return stub.ListOrgUnits(context, r, response);
        },
        [](const v1::ListOrgUnitsResponse& response) {
          std::vector<Row> table{UnitHeader()};
          for (const auto& u : response.units()) table.push_back(UnitRow(u));
          return table;
        });
  }
  return ListPages<v1::ListAgenciesRequest, v1::ListAgenciesResponse>(
      env, connection, v1::ListAgenciesRequest(), *paging,
      [&](auto* context, const auto& r, auto* response) {
        return stub.ListAgencies(context, r, response);
      },
      [](const v1::ListAgenciesResponse& response) {
        std::vector<Row> table{AgencyHeader()};
        for (const auto& a : response.agencies()) table.push_back(AgencyRow(a));
        return table;
      });
}

}  // namespace kinerja::cli
