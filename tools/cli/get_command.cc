// kinerja get employee|agency|unit: one resource by id (an employee also by NIP).
#include <string>
#include <vector>

#include "tools/cli/commands.h"
#include "tools/cli/connection.h"
#include "tools/cli/print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::employee::v1;

constexpr char kCommand[] = "get";

constexpr char kGetUsage[] = R"(Usage: kinerja get employee (--id ID | --nip NIP)
       kinerja get agency ID
       kinerja get unit ID
       [--addr HOST:PORT] [--token JWT] [--timeout DURATION] [--json]

Prints one employee (by internal id or 18-digit NIP), agency (instansi) or organisational
unit (UNOR). Exit status: 0 found, 1 the call failed (e.g. NOT_FOUND), 2 usage error.
)";

// Prints the resource (or the error) once the call is done.
template <typename Message, typename FormatFn>
int Finish(const CliEnv& env, const Connection& connection, const grpc::ClientContext& context,
           const grpc::Status& status, const Message& message, FormatFn format) {
  if (!status.ok()) return RpcError(env, kCommand, connection.options().addr, status, &context);
  if (connection.options().json) {
    *env.out << ToJson(message, /*pretty=*/true) << "\n";
  } else {
    *env.out << format(message);
  }
  return kExitOk;
}

// The single positional ID after the subcommand word.
absl::StatusOr<std::string> OnlyId(const ParsedArgs& args, const std::string& what) {
  const std::vector<std::string>& rest = args.positionals();
  if (rest.size() < 2) return absl::InvalidArgumentError("missing " + what + " ID");
  if (rest.size() > 2) return absl::InvalidArgumentError("unexpected \"" + rest[2] + "\"");
  if (rest[1].empty()) return absl::InvalidArgumentError(what + " ID must not be empty");
  return rest[1];
}

}  // namespace

int RunGet(const std::vector<std::string>& args, const CliEnv& env) {
  if (WantsHelp(args)) {
    *env.out << kGetUsage;
    return kExitOk;
  }
  if (args.empty() || args[0].starts_with("-")) {
    return UsageError(env, kCommand, "missing what to get: employee, agency or unit");
  }
  const std::string what = args[0];
  FlagSpec own;
  if (what == "employee") {
    own.value_flags = {"id", "nip"};
  } else if (what != "agency" && what != "unit") {
    return UsageError(env, kCommand,
                      "unknown resource \"" + what + "\" (expected employee, agency or unit)");
  }
  absl::StatusOr<ParsedArgs> parsed = ParsedArgs::Parse(args, Merge(ConnectionFlags(), own));
  if (!parsed.ok()) return UsageError(env, kCommand, parsed.status());

  // Validate the request before connecting: a usage error never needs the server.
  v1::GetEmployeeRequest employee_request;
  std::string id;
  if (what == "employee") {
    if (parsed->positionals().size() > 1) {
      return UsageError(
          env, kCommand,
          "unexpected \"" + parsed->positionals()[1] + "\" (use --id ID or --nip NIP)");
    }
    absl::StatusOr<OneOf> key = ExactlyOne(*parsed, "id", "nip");
    if (!key.ok()) return UsageError(env, kCommand, key.status());
    if (key->flag == "id") {
      employee_request.set_id(key->value);
    } else {
      employee_request.set_nip(key->value);
    }
  } else {
    absl::StatusOr<std::string> only = OnlyId(*parsed, what);
    if (!only.ok()) return UsageError(env, kCommand, only.status());
    id = *only;
  }
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(*parsed, env, kDefaultTimeout);
  if (!options.ok()) return UsageError(env, kCommand, options.status());

  Connection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  if (what == "employee") {
    v1::Employee employee;
    grpc::Status status = connection.stub().GetEmployee(&context, employee_request, &employee);
    return Finish(env, connection, context, status, employee, FormatEmployee);
  }
  if (what == "agency") {
    v1::GetAgencyRequest request;
    request.set_id(id);
    v1::Agency agency;
    grpc::Status status = connection.stub().GetAgency(&context, request, &agency);
    return Finish(env, connection, context, status, agency, FormatAgency);
  }
  v1::GetOrgUnitRequest request;
  request.set_id(id);
  v1::OrgUnit unit;
  grpc::Status status = connection.stub().GetOrgUnit(&context, request, &unit);
  return Finish(env, connection, context, status, unit, FormatOrgUnit);
}

}  // namespace kinerja::cli
