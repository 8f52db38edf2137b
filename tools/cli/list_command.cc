// kinerja list employees|units|agencies: one page, or every page with --all.
#include <string>
#include <vector>

#include "tools/cli/commands.h"
#include "tools/cli/connection.h"
#include "tools/cli/paging.h"
#include "tools/cli/print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::employee::v1;

constexpr char kCommand[] = "list";

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
  FlagSpec own = PagingFlags();
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
        env, kCommand, connection.options(), request, *paging,
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
        env, kCommand, connection.options(), request, *paging,
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
      env, kCommand, connection.options(), v1::ListAgenciesRequest(), *paging,
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
